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

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.gateway.support.UpstreamStub.json;
import static org.feedbackloop.gateway.support.UpstreamStub.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /api/me/timeline}: a customer's feedback with the updates they were sent, composed from two services. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TimelineTest {

    private static final String FEEDBACK_PAGE = """
            {"items":[
              {"id":"f-new","status":"TRACKED","text":"Charged twice","createdAt":"2026-11-20T10:00:00Z"},
              {"id":"f-old","status":"RECEIVED","text":"Parcel late","createdAt":"2026-11-10T10:00:00Z"}],
             "nextCursor":"cursor-2"}""";
    private static final String INBOX = """
            {"items":[
              {"id":"n-3","kind":"STATUS_CHANGED","feedbackIds":["f-new"],"createdAt":"2026-11-22T09:00:00Z"},
              {"id":"n-9","kind":"ESCALATED","feedbackIds":[],"createdAt":"2026-11-21T12:00:00Z"},
              {"id":"n-2","kind":"TRACKED","feedbackIds":["f-new","f-other"],"createdAt":"2026-11-21T09:00:00Z"},
              {"id":"n-1","kind":"RECEIVED","feedbackIds":["f-new"],"createdAt":"2026-11-20T10:00:01Z"}],
             "nextCursor":null,"unread":2}""";

    @BeforeEach
    @AfterEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    @Test
    void eachFeedbackComesWithItsUpdatesOldestFirst() {
        TestInfrastructure.feedback().on("/api/feedback", json(200, FEEDBACK_PAGE));
        TestInfrastructure.notifications().on("/api/me/notifications", json(200, INBOX));
        var token = Tokens.of("alice");
        given().auth().oauth2(token).get("/api/me/timeline")
                .then().statusCode(200)
                .contentType("application/json")
                .body("items.feedback.id", contains("f-new", "f-old"))
                .body("items[0].feedback.text", is("Charged twice"))
                .body("items[0].updates.id", contains("n-1", "n-2", "n-3"))
                .body("items[1].updates", empty())
                .body("nextCursor", is("cursor-2"))
                .body("partial", is(false));

        var feedbackCall = TestInfrastructure.feedback().last("/api/feedback");
        var inboxCall = TestInfrastructure.notifications().last("/api/me/notifications");
        assertThat(feedbackCall.uri()).isEqualTo("/api/feedback?limit=100");
        assertThat(inboxCall.uri()).isEqualTo("/api/me/notifications?limit=100");
        assertThat(List.of(feedbackCall.header("Authorization"), inboxCall.header("Authorization")))
                .containsOnly("Bearer " + token);
        assertThat(feedbackCall.header("X-Request-Id")).isNotNull().isEqualTo(inboxCall.header("X-Request-Id"));
    }

    @Test
    void limitAndCursorPageThroughTheFeedback() {
        given().auth().oauth2(Tokens.of("alice")).queryParam("limit", 5).queryParam("cursor", "abc.def")
                .get("/api/me/timeline").then().statusCode(200);
        assertThat(TestInfrastructure.feedback().last("/api/feedback").uri()).isEqualTo("/api/feedback?limit=5&cursor=abc.def");
    }

    @Test
    void feedbackServicesRefusalReachesTheClient() {
        TestInfrastructure.feedback().on("/api/feedback", problem(400, "cursor: is not a cursor this API returned"));
        given().auth().oauth2(Tokens.of("alice")).queryParam("cursor", "forged").get("/api/me/timeline")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", is("cursor: is not a cursor this API returned"));
    }

    @Test
    void withoutNotificationServiceTheTimelineIsPartial() {
        TestInfrastructure.feedback().on("/api/feedback", json(200, FEEDBACK_PAGE));
        TestInfrastructure.notifications().stop();
        given().auth().oauth2(Tokens.of("alice")).get("/api/me/timeline")
                .then().statusCode(200)
                .body("items.feedback.id", contains("f-new", "f-old"))
                .body("items[0].updates", empty())
                .body("items[1].updates", empty())
                .body("partial", is(true));
    }

    @Test
    void withoutFeedbackServiceThereIsNoTimeline() {
        TestInfrastructure.feedback().stop();
        given().auth().oauth2(Tokens.of("alice")).get("/api/me/timeline")
                .then().statusCode(503)
                .header("Retry-After", is("2"))
                .contentType(startsWith("application/problem+json"))
                .body("detail", startsWith("feedback-service"));
    }

    @Test
    void anEmptyPageIsAnEmptyTimeline() {
        TestInfrastructure.feedback().on("/api/feedback", json(200, "{\"items\":[],\"nextCursor\":null}"));
        given().auth().oauth2(Tokens.of("bob")).get("/api/me/timeline")
                .then().statusCode(200).body("items", empty()).body("nextCursor", nullValue());
    }

    @Test
    void onlyCustomersHaveATimeline() {
        given().auth().oauth2(Tokens.of("olivia")).get("/api/me/timeline")
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", is("urn:feedbackloop:problem:forbidden"));
        assertThat(TestInfrastructure.feedback().received("/api")).isEmpty();
    }
}
