package org.feedbackloop.feedback.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Markers, for the tests that show that nothing (more) happened: something whose effect can be seen goes the same way
 * as what the test waits for, after it; once the marker's effect shows, what went before it is done with. The
 * service's consumers take one message at a time in queue order; its single analysis worker announces items oldest
 * first, and the outbox relay publishes in the order the events were committed.
 */
public final class Markers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Markers() {
    }

    /**
     * Waits until the relay has published every event committed before this call: a marker item is submitted, and
     * its {@code feedback.received} awaited on {@code tap} (which must record {@code feedback.received}).
     */
    public static void awaitRelay(TestBroker tap) {
        var marker = submit();
        tap.awaitEvents("feedback.received", marker, 1, TIMEOUT);
    }

    /**
     * Waits until the service has handled everything published to {@code action.events} before this call: a marker
     * "me too" (for an action of its own) goes through the same queue and becomes an item of alice's. Returns that
     * item's id: its {@code feedback.received} follows once it is read.
     */
    public static String awaitActionEvents(TestBroker broker) throws Exception {
        var action = UUID.randomUUID();
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/action-service").put("type", "action.me-too-added").put("subject", action.toString())
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("actionId", action.toString()).put("title", "Marker " + action).put("topic", "billing")
                .put("contributorId", Tokens.subjectOf("alice")).put("contactEmail", "alice@example.com")
                .put("consentToContact", true).put("at", Instant.now().toString());
        broker.publish("action.events", "action.me-too-added", JSON.writeValueAsBytes(event));
        var token = Tokens.of("alice");
        var item = new String[1];
        await().atMost(TIMEOUT).until(() -> (item[0] = given().auth().oauth2(token).queryParam("limit", 100)
                .get("/api/feedback").then().statusCode(200)
                .extract().<String>path("items.find { it.joinsAction == '" + action + "' }.id")) != null);
        return item[0];
    }

    /**
     * Waits until the service has handled everything published to {@code notification.events} before this call: a
     * marker "you said, we did" delivery goes through the same queue and closes a marker item of alice's.
     */
    public static void awaitNotificationEvents(TestBroker broker) throws Exception {
        var marker = submit();
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/notification-service").put("type", "notification.delivered")
                .put("subject", UUID.randomUUID().toString()).put("time", Instant.now().toString());
        event.putObject("data").put("notificationId", UUID.randomUUID().toString()).put("kind", "YOU_SAID_WE_DID")
                .put("channel", "IN_APP").put("actionStatus", "DONE").put("deliveredAt", Instant.now().toString())
                .putArray("feedbackIds").add(marker);
        broker.publish("notification.events", "notification.delivered", JSON.writeValueAsBytes(event));
        var token = Tokens.of("alice");
        await().atMost(TIMEOUT).until(() -> "CLOSED".equals(given().auth().oauth2(token).get("/api/feedback/" + marker)
                .then().statusCode(200).extract().<String>path("status")));
    }

    private static String submit() {
        return given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"text\": \"Marker " + UUID.randomUUID() + "\", \"channel\": \"WEB\"}")
                .post("/api/feedback").then().statusCode(201).extract().path("id");
    }
}
