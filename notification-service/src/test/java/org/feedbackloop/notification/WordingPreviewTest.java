package org.feedbackloop.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** {@code POST /api/notifications/you-said-we-did/preview}: the words contributors will read, before they are sent. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WordingPreviewTest {

    private static final String PATH = "/api/notifications/you-said-we-did/preview";

    @Test
    void wordsEachStepAsTheMessageWill() {
        preview("olivia", Map.of("status", "DONE", "actionTitle", "Double charges", "publicNote", " We refunded everyone. ",
                "contributorWords", "I was charged\n\ttwice"))
                .statusCode(200)
                .body("title", is("You said, we did: Double charges"))
                .body("body", is("It is done. We refunded everyone."))
                .body("quote", is("I was charged twice"));
        preview("maria", Map.of("status", "DECLINED", "actionTitle", "Dark mode", "publicNote", "It would slow the app."))
                .statusCode(200)
                .body("title", is("About what you told us: Dark mode"))
                .body("body", is("We have decided not to make this change, and we owe you the reason: It would slow the app."))
                .body("quote", nullValue());
        preview("olivia", Map.of("status", "PLANNED", "actionTitle", "Refunds", "publicNote", "Next sprint."))
                .statusCode(200).body("title", is("Planned: Refunds")).body("body", is("Next sprint."));
        preview("olivia", Map.of("status", "IN_PROGRESS", "actionTitle", "Refunds", "publicNote", ""))
                .statusCode(200).body("title", is("We are working on it: Refunds")).body("body", nullValue());
    }

    @Test
    void onlyStaffMayAskAndBadInputIsAProblem() {
        preview("alice", Map.of("status", "DONE", "actionTitle", "Refunds", "publicNote", "Fixed.")).statusCode(403);
        given().contentType("application/json").body(Map.of("status", "DONE", "actionTitle", "Refunds"))
                .post(PATH).then().statusCode(401);
        preview("olivia", Map.of("status", "done; drop table", "actionTitle", "Refunds"))
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("status"));
        preview("olivia", Map.of("status", "DONE", "actionTitle", "x".repeat(301)))
                .statusCode(400).body("errors.field", hasItem("actionTitle"));
    }

    private static io.restassured.response.ValidatableResponse preview(String user, Map<String, String> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json").body(body).post(PATH).then();
    }
}
