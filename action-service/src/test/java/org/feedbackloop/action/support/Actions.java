package org.feedbackloop.action.support;

import io.restassured.response.ValidatableResponse;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.feedbackloop.action.support.FeedbackEvents.awaitAction;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.received;
import static org.feedbackloop.action.support.FeedbackEvents.uniqueWords;

/** Test data made the way production makes it: feedback.received on the broker, then the API. */
public final class Actions {

    private Actions() {
    }

    /** A fresh open action of {@code topic} (its team by the routing rules), opened by triage. */
    public static String open(TestBroker broker, String topic) {
        return triaged(broker, topic, UUID.randomUUID());
    }

    public static String triaged(TestBroker broker, String topic, UUID feedbackId) {
        try {
            broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), feedbackId, topic,
                    "Complaint " + uniqueWords(), null, null, -0.2, "contributor-" + feedbackId, null)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return awaitAction(feedbackId);
    }

    /**
     * Waits until the service has consumed everything published to {@code feedback.events} before this call and its
     * outbox relay has published every event committed before: a marker feedback follows through the same queue,
     * whose consumer takes one message at a time in queue order, and triage opens an action for it; the relay
     * publishes in the order the events were committed, so once the marker's {@code action.feedback-linked} is on
     * the tap ({@code broker} must tap {@code action.events}) every earlier event was published.
     */
    public static void awaitMarker(TestBroker broker) {
        var marker = open(broker, "billing");
        broker.awaitEvents("action.feedback-linked", marker, 1, Duration.ofSeconds(10));
    }

    /** Feedback triage knows about and has linked to an action of its own; returns the feedback id. */
    public static UUID feedback(TestBroker broker, String topic) {
        var feedbackId = UUID.randomUUID();
        triaged(broker, topic, feedbackId);
        return feedbackId;
    }

    /** A fresh open action that told the public something: PLANNED, with a public note. */
    public static String announced(TestBroker broker, String topic) {
        var action = open(broker, topic);
        transition("maria", action, "PLANNED", "We are looking into it.").statusCode(200);
        return action;
    }

    /** A fresh action taken through the workflow to DONE, with {@code publicNote}. */
    public static String done(TestBroker broker, String topic, String publicNote) {
        var action = open(broker, topic);
        transition("maria", action, "PLANNED", null).statusCode(200);
        transition("maria", action, "IN_PROGRESS", null).statusCode(200);
        transition("maria", action, "DONE", publicNote).statusCode(200);
        return action;
    }

    public static String etag(String actionId) {
        return given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + actionId)
                .then().statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse transition(String user, String actionId, String to, String publicNote) {
        var body = publicNote == null ? Map.of("to", to) : Map.of("to", to, "publicNote", publicNote);
        return given().auth().oauth2(Tokens.of(user)).header("If-Match", etag(actionId))
                .contentType("application/json").body(body)
                .post("/api/actions/" + actionId + "/transitions").then();
    }
}
