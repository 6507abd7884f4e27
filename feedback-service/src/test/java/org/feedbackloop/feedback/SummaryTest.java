package org.feedbackloop.feedback;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** Feedback volume by topic for staff: what comes in is counted under its topic, in the period asked for. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SummaryTest {

    private static long delivery(String days) {
        var summary = given().auth().oauth2(Tokens.of("maria")).queryParam("days", days).get("/api/feedback/summary")
                .then().statusCode(200).extract().jsonPath();
        Integer count = summary.get("topics.find { it.topic == 'delivery' }.count");
        return count == null ? 0 : count;
    }

    private static long total() {
        return given().auth().oauth2(Tokens.of("maria")).get("/api/feedback/summary").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void newFeedbackIsCountedUnderItsTopic() {
        var before = delivery("7");
        var totalBefore = total();
        for (var text : new String[]{"The parcel came late.", "The courier left it in the rain."}) {
            given().auth().oauth2(Tokens.of("alice")).contentType("application/json")
                    .body(Map.of("text", text, "channel", "WEB", "topic", "delivery")).post("/api/feedback")
                    .then().statusCode(201);
        }
        assertThat(delivery("7") - before).isEqualTo(2);
        assertThat(total() - totalBefore).isEqualTo(2);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/feedback/summary").then().statusCode(200)
                .body("topics.topic", hasItem("delivery")).body("from", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badPeriodsAndCustomersAreRefused() {
        for (var days : new String[]{"0", "367", "abc", "-1", "1.5"}) {
            given().auth().oauth2(Tokens.of("maria")).queryParam("days", days).get("/api/feedback/summary").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("days"));
        }
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/summary").then().statusCode(403);
        given().get("/api/feedback/summary").then().statusCode(401);
    }
}
