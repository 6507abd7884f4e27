package org.feedbackloop.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.feedbackloop.gateway.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Each prefix of the public API reaches its service, with path, query, method and body as sent. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoutingTest {

    @BeforeEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/feedback, feedback-service",
            "/api/feedback/0b6f1f8e-8c1e-4f3a-9a57-1f0c3c1b2d4e, feedback-service",
            "/api/feedback/topics, feedback-service",
            "/api/actions, action-service",
            "/api/actions/42/transitions, action-service",
            "/api/routing-rules/billing, action-service",
            "/api/public/updates, action-service",
            "/api/me/notifications, notification-service",
            "/api/me/notifications/7/read, notification-service",
            "/api/me/preferences, notification-service",
            "/api/webhooks, notification-service",
            "/api/webhooks/3/deliveries, notification-service",
            "/api/public/unsubscribe, notification-service",
            "/api/public/follow-up, notification-service"})
    void routesEachPrefixToItsService(String path, String upstream) {
        given().auth().oauth2(Tokens.of("olivia")).get(path + "?limit=5&q=late-parcel")
                .then().statusCode(200)
                .body("upstream", is(upstream))
                .body("uri", is(path + "?limit=5&q=late-parcel"));
    }

    @Test
    void passesMethodAndBodyThrough() {
        var body = "{\"text\":\"The parcel was late\",\"channel\":\"WEB\"}";
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").body(body)
                .post("/api/feedback").then().statusCode(200).body("method", is("POST"));
        var received = TestInfrastructure.feedback().last("/api/feedback");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.header("Content-Length")).isEqualTo(String.valueOf(body.length()));

        given().auth().oauth2(Tokens.of("olivia")).put("/api/routing-rules/billing").then().body("method", is("PUT"));
        given().auth().oauth2(Tokens.integrator()).delete("/api/webhooks/9").then().body("method", is("DELETE"));
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        given().auth().oauth2(Tokens.of("olivia")).get("/api/feedbackx").then().statusCode(404);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/actionsfoo/1").then().statusCode(404);
        assertThat(TestInfrastructure.feedback().received("/api")).isEmpty();
        assertThat(TestInfrastructure.actions().received("/api")).isEmpty();
    }

    @Test
    void unknownApiPathsAnswerNotFoundAsProblem() {
        given().auth().oauth2(Tokens.of("alice")).get("/api/nothing/here")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", is("urn:feedbackloop:problem:not-found"))
                .body("status", is(404))
                .body("requestId", notNullValue());
    }

    @Test
    void relaysTheBearerTokenUnchanged() {
        var token = Tokens.of("bob");
        given().auth().oauth2(token).get("/api/me/preferences").then().statusCode(200);
        assertThat(TestInfrastructure.notifications().last("/api/me/preferences").header("Authorization"))
                .isEqualTo("Bearer " + token);
    }

}
