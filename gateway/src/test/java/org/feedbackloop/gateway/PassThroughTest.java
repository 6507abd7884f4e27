package org.feedbackloop.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.feedbackloop.gateway.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.gateway.support.UpstreamStub.json;
import static org.feedbackloop.gateway.support.UpstreamStub.problem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** What crosses the gateway unchanged, what it adds, and what it never lets across. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PassThroughTest {

    @BeforeEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    @Test
    void createdAnswersKeepStatusLocationEtagAndBody() {
        TestInfrastructure.feedback().on("/api/feedback", json(201, "{\"id\":\"f-1\",\"status\":\"RECEIVED\"}",
                "Location", "http://127.0.0.1/api/feedback/f-1", "ETag", "\"1\"", "Idempotent-Replayed", "true"));
        given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", "key-123")
                .contentType("application/json").body("{\"text\":\"hi\",\"channel\":\"WEB\"}")
                .post("/api/feedback")
                .then().statusCode(201)
                .header("Location", "http://127.0.0.1/api/feedback/f-1")
                .header("ETag", "\"1\"")
                .header("Idempotent-Replayed", "true")
                .contentType("application/json")
                .body("id", is("f-1"));
        assertThat(TestInfrastructure.feedback().last("/api/feedback").header("Idempotency-Key")).isEqualTo("key-123");
    }

    @Test
    void ifMatchReachesTheServiceAndItsConflictComesBackAsItsProblem() {
        TestInfrastructure.actions().on("/api/actions", problem(409, "The action changed since you read it", "ETag", "\"8\""));
        given().auth().oauth2(Tokens.of("olivia")).header("If-Match", "\"7\"")
                .contentType("application/json").body("{\"to\":\"PLANNED\"}")
                .post("/api/actions/a-1/transitions")
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .header("ETag", "\"8\"")
                .body("detail", is("The action changed since you read it"))
                .body("title", is("Upstream problem"));
        assertThat(TestInfrastructure.actions().last("/api/actions").header("If-Match")).isEqualTo("\"7\"");
    }

    @Test
    void anUpstreamsOwnUnavailabilityPassesWithItsRetryAfter() {
        TestInfrastructure.feedback().on("/api/feedback", problem(503, "database restarting", "Retry-After", "7"));
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").body("{}")
                .post("/api/feedback")
                .then().statusCode(503)
                .header("Retry-After", "7")
                .contentType(startsWith("application/problem+json"))
                .body("detail", is("database restarting"));
    }

    @Test
    void statusesWithoutBodiesPassToo() {
        TestInfrastructure.notifications().on("/api/webhooks", (exchange, request) -> {
            exchange.sendResponseHeaders(204, -1);
        });
        given().auth().oauth2(Tokens.integrator()).delete("/api/webhooks/w-1").then().statusCode(204);
    }

    @Test
    void requestIdAndTraceparentTravelUpstreamAndTheIdComesBack() {
        var traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(Tokens.of("alice")).header("X-Request-Id", "req-42").header("traceparent", traceparent)
                .get("/api/feedback")
                .then().statusCode(200).header("X-Request-Id", "req-42");
        var received = TestInfrastructure.feedback().last("/api/feedback");
        assertThat(received.header("X-Request-Id")).isEqualTo("req-42");
        assertThat(received.header("traceparent")).isEqualTo(traceparent);
        assertThat(received.headers().get("x-request-id")).hasSize(1);
    }

    @Test
    void aMissingOrInsaneRequestIdAndTraceAreReplacedByNewOnes() {
        var answered = given().auth().oauth2(Tokens.of("alice"))
                .header("X-Request-Id", "no spaces or <tags> please").header("traceparent", "00-zzz-01")
                .get("/api/feedback")
                .then().statusCode(200).extract().header("X-Request-Id");
        var received = TestInfrastructure.feedback().last("/api/feedback");
        assertThat(answered).matches("[0-9a-f-]{36}");
        assertThat(received.header("X-Request-Id")).isEqualTo(answered);
        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback").then().header("X-Request-Id", notNullValue());
        assertThat(TestInfrastructure.feedback().last("/api/feedback").header("traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .isNotEqualTo(received.header("traceparent"));
    }

    @Test
    void forwardedHeadersAreTheGatewaysNeverTheClients() {
        given().auth().oauth2(Tokens.of("alice"))
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("Forwarded", "for=6.6.6.6").header("X-Real-IP", "6.6.6.6")
                .get("/api/feedback").then().statusCode(200);
        var received = TestInfrastructure.feedback().last("/api/feedback");
        assertThat(received.headers().get("x-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host"))
                .isEqualTo(URI.create(RestAssured.baseURI).getHost() + ":" + RestAssured.port);
        assertThat(received.header("Forwarded")).isNull();
        assertThat(received.header("X-Real-IP")).isNull();
    }

    @Test
    void hopByHopHeadersStopAtTheGatewayBothWays() {
        TestInfrastructure.feedback().on("/api/feedback", json(200, "{}",
                "Connection", "X-Upstream-Hop", "X-Upstream-Hop", "1", "Keep-Alive", "timeout=5", "X-Kept", "yes"));
        given().auth().oauth2(Tokens.of("alice"))
                .header("Connection", "keep-alive, X-Client-Hop").header("X-Client-Hop", "1")
                .header("Keep-Alive", "timeout=5").header("TE", "trailers").header("Proxy-Authorization", "Basic eA==")
                .header("X-Kept", "yes")
                .get("/api/feedback")
                .then().statusCode(200)
                .header("X-Upstream-Hop", nullValue())
                .header("Keep-Alive", nullValue())
                .header("X-Kept", "yes");
        var received = TestInfrastructure.feedback().last("/api/feedback");
        assertThat(received.header("X-Client-Hop")).isNull();
        assertThat(received.header("Keep-Alive")).isNull();
        assertThat(received.header("TE")).isNull();
        assertThat(received.header("Proxy-Authorization")).isNull();
        assertThat(received.header("X-Kept")).isEqualTo("yes");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (var answer : new ValidatableResponse[]{
                given().auth().oauth2(Tokens.of("alice")).get("/api/feedback").then().statusCode(200),
                given().get("/api/feedback").then().statusCode(401),
                given().get("/q/health/live").then().statusCode(200)}) {
            answer.header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", "frame-ancestors 'none'")
                    .header("Strict-Transport-Security", nullValue());
        }
    }

    @Test
    void corsAllowsTheConfiguredOriginAndExposesTheHeadersClientsNeed() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,if-match,idempotency-key")
                .options("/api/feedback")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Headers", matchesPattern("(?i).*if-match.*"))
                .header("Access-Control-Allow-Headers", matchesPattern("(?i).*idempotency-key.*"))
                .header("Access-Control-Allow-Headers", matchesPattern("(?i).*authorization.*"));
        given().auth().oauth2(Tokens.of("alice")).header("Origin", "http://localhost:8080").get("/api/feedback")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Expose-Headers", matchesPattern("(?i).*ETag.*Location.*Retry-After.*X-Request-Id.*"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/feedback")
                .then().header("Access-Control-Allow-Origin", not("https://evil.example"));
    }
}
