package org.feedbackloop.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.feedbackloop.gateway.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.gateway.support.UpstreamStub.json;
import static org.feedbackloop.gateway.support.UpstreamStub.problem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /api/me/export}: a customer's data from every service in one document, or none; erasure is routed. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MyDataExportTest {

    @BeforeEach
    @AfterEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    private static void everyServiceAnswers() {
        TestInfrastructure.feedback().on("/api/me/export", json(200, """
                {"subject":"sub-alice","addresses":["alice@example.com"],"feedback":[{"id":"f-1","text":"Charged twice"}]}"""));
        TestInfrastructure.actions().on("/api/me/export", json(200, """
                {"meToo":[{"actionId":"a-1"}]}"""));
        TestInfrastructure.notifications().on("/api/me/export", json(200, """
                {"preferences":{"digest":"IMMEDIATE"},"notifications":[{"id":"n-1","kind":"ACKNOWLEDGED"}]}"""));
    }

    @Test
    void everyServicesPartInOneDocument() {
        everyServiceAnswers();
        var token = Tokens.of("alice");
        given().auth().oauth2(token).get("/api/me/export").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"feedbackloop-my-data.json\"")
                .header("Cache-Control", "no-store")
                .body("subject", is("sub-alice"))
                .body("feedback.feedback[0].text", is("Charged twice"))
                .body("actions.meToo[0].actionId", is("a-1"))
                .body("notifications.notifications[0].kind", is("ACKNOWLEDGED"));
        assertThat(TestInfrastructure.notifications().last("/api/me/export").header("Authorization"))
                .isEqualTo("Bearer " + token);
    }

    @Test
    void withoutOneServiceThereIsNoExportButATryAgain() {
        everyServiceAnswers();
        TestInfrastructure.actions().stop();
        given().auth().oauth2(Tokens.of("alice")).get("/api/me/export").then().statusCode(503)
                .header("Retry-After", is("2")).contentType(startsWith("application/problem+json"))
                .body("detail", startsWith("action-service"));
        TestInfrastructure.actions().start();
        TestInfrastructure.notifications().on("/api/me/export", problem(500, "boom"));
        given().auth().oauth2(Tokens.of("alice")).get("/api/me/export").then().statusCode(503)
                .body("detail", startsWith("notification-service"));
    }

    @Test
    void onlyCustomersExportAndErasureGoesToFeedbackService() {
        given().auth().oauth2(Tokens.of("maria")).get("/api/me/export").then().statusCode(403);
        given().get("/api/me/export").then().statusCode(401);
        TestInfrastructure.feedback().on("/api/me/data", json(202, "{\"status\":\"ERASING\"}"));
        given().auth().oauth2(Tokens.of("alice")).delete("/api/me/data").then().statusCode(202).body("status", is("ERASING"));
        assertThat(TestInfrastructure.feedback().last("/api/me/data").method()).isEqualTo("DELETE");
    }
}
