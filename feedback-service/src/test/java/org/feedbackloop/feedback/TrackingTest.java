package org.feedbackloop.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.feedbackloop.feedback.support.Markers;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** action.feedback-linked, as action-service publishes it, tells the contributor where their words went. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TrackingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DLQ = "feedback-service.action-service.dlq";

    private TestBroker broker;

    @BeforeEach
    void connect() throws Exception {
        broker = new TestBroker("feedback-service tracking test");
    }

    @AfterEach
    void disconnect() throws Exception {
        broker.close();
    }

    private void publish(byte[] body) throws Exception {
        publish("action.feedback-linked", body);
    }

    private void publish(String type, byte[] body) throws Exception {
        broker.publish("action.events", type, body);
    }

    private static byte[] linked(UUID eventId, String feedbackId, UUID actionId, Instant linkedAt) throws Exception {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId.toString())
                .put("source", "/action-service").put("type", "action.feedback-linked").put("subject", actionId.toString())
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("actionId", actionId.toString()).put("feedbackId", feedbackId)
                .put("consentToContact", true).put("actionTitle", "Refunds").put("actionStatus", "OPEN")
                .put("team", "billing").put("linkedAt", linkedAt.toString());
        return JSON.writeValueAsBytes(event);
    }

    private static byte[] statusChanged(UUID eventId, UUID actionId, String from, String to, Instant changedAt)
            throws Exception {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId.toString())
                .put("source", "/action-service").put("type", "action.status-changed").put("subject", actionId.toString())
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("actionId", actionId.toString()).put("title", "Refunds").put("from", from)
                .put("to", to).put("publicNote", "We moved it to " + to).put("dueAt", Instant.now().plusSeconds(86_400).toString())
                .put("feedbackCount", 1).put("actorId", "someone").put("changedAt", changedAt.toString());
        return JSON.writeValueAsBytes(event);
    }

    private static void awaitActionStatus(String feedbackId, String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + feedbackId).then().body("actionStatus", is(status)));
    }

    /** A new item, once the sentence model has read it: its reading changes updatedAt too, and only links may here. */
    private static String submit() {
        String id = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"text\": \"Where is my refund?\", \"channel\": \"WEB\"}")
                .post("/api/feedback").then().statusCode(201).body("status", is("RECEIVED")).extract().path("id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + id).then().body("analysis.analysedAt", notNullValue()));
        return id;
    }

    @Test
    void aLinkMakesTheItemTrackedByItsActionOnceAndOnlyForward() throws Exception {
        var feedbackId = submit();
        var actionId = UUID.randomUUID();
        var eventId = UUID.randomUUID();
        var linkedAt = Instant.now();
        publish(linked(eventId, feedbackId, actionId, linkedAt));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + feedbackId).then().body("status", is("TRACKED")).body("actionId", is(actionId.toString())));
        String updatedAt = given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + feedbackId).then().extract().path("updatedAt");

        publish(linked(eventId, feedbackId, UUID.randomUUID(), linkedAt.plusSeconds(1))); // the same event id again
        publish(linked(UUID.randomUUID(), feedbackId, UUID.randomUUID(), linkedAt.minusSeconds(60))); // an older link, late
        Markers.awaitActionEvents(broker); // both were handled
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + feedbackId).then()
                .body("actionId", is(actionId.toString()))
                .body("updatedAt", is(updatedAt));

        var moved = UUID.randomUUID();
        publish(linked(UUID.randomUUID(), feedbackId, moved, linkedAt.plusSeconds(5))); // a merge moved it

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + feedbackId).then().body("actionId", is(moved.toString())));
        given().auth().oauth2(Tokens.of("maria")).queryParam("status", "TRACKED").queryParam("limit", 100)
                .get("/api/feedback").then().body("items.id", org.hamcrest.Matchers.hasItem(feedbackId));
    }

    @Test
    void theItemShowsItsActionsTitleAndStatusAndOnlyNewerNewsChangesThem() throws Exception {
        var feedbackId = submit();
        var actionId = UUID.randomUUID();
        var t0 = Instant.now();
        publish(linked(UUID.randomUUID(), feedbackId, actionId, t0));
        awaitActionStatus(feedbackId, "OPEN");
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + feedbackId).then()
                .body("actionId", is(actionId.toString())).body("actionTitle", is("Refunds"));

        var planned = UUID.randomUUID();
        publish("action.status-changed", statusChanged(planned, actionId, "OPEN", "PLANNED", t0.plusSeconds(10)));
        awaitActionStatus(feedbackId, "PLANNED");
        String updatedAt = given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + feedbackId).then()
                .extract().path("updatedAt");

        publish("action.status-changed", statusChanged(planned, actionId, "OPEN", "DECLINED", t0.plusSeconds(30))); // redelivered id
        publish("action.status-changed", statusChanged(UUID.randomUUID(), actionId, "PLANNED", "IN_PROGRESS",
                t0.plusSeconds(5))); // older, late
        publish("action.status-changed", statusChanged(UUID.randomUUID(), UUID.randomUUID(), "OPEN", "DONE",
                t0.plusSeconds(40))); // another action
        Markers.awaitActionEvents(broker); // all three were handled
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + feedbackId).then()
                .body("actionStatus", is("PLANNED"))
                .body("updatedAt", is(updatedAt));

        publish("action.status-changed", statusChanged(UUID.randomUUID(), actionId, "IN_PROGRESS", "DONE", t0.plusSeconds(20)));
        awaitActionStatus(feedbackId, "DONE");
        given().auth().oauth2(Tokens.of("alice")).queryParam("limit", 100).get("/api/feedback").then()
                .body("items.find { it.id == '" + feedbackId + "' }.actionStatus", is("DONE"))
                .body("items.find { it.id == '" + feedbackId + "' }.actionTitle", is("Refunds"));
    }

    @Test
    void feedbackLinkedAfterANewerStatusWasProcessedShowsThatStatus() throws Exception {
        var first = submit();
        var late = submit();
        var actionId = UUID.randomUUID();
        var t0 = Instant.now();
        publish(linked(UUID.randomUUID(), first, actionId, t0));
        publish("action.status-changed", statusChanged(UUID.randomUUID(), actionId, "OPEN", "PLANNED", t0.plusSeconds(10)));
        awaitActionStatus(first, "PLANNED");

        publish(linked(UUID.randomUUID(), late, actionId, t0.plusSeconds(5))); // linked before the change, processed after

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + late).then().body("actionId", is(actionId.toString())));
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + late).then().body("actionStatus", is("PLANNED"));
    }

    private void delivered(String feedbackId, String kind, String actionStatus) throws Exception {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/notification-service").put("type", "notification.delivered")
                .put("subject", UUID.randomUUID().toString()).put("time", Instant.now().toString());
        event.putObject("data").put("notificationId", UUID.randomUUID().toString()).put("kind", kind)
                .put("channel", "IN_APP").put("actionStatus", actionStatus).put("deliveredAt", Instant.now().toString())
                .putArray("feedbackIds").add(feedbackId);
        broker.publish("notification.events", "notification.delivered", JSON.writeValueAsBytes(event));
    }

    @Test
    void theLoopClosesWhenTheContributorWasToldTheActionIsDoneOrDeclined() throws Exception {
        var done = submit();
        var declined = submit();
        var stillOpen = submit();
        for (var id : java.util.List.of(done, declined, stillOpen)) {
            publish(linked(UUID.randomUUID(), id, UUID.randomUUID(), Instant.now()));
        }
        delivered(stillOpen, "YOU_SAID_WE_DID", "PLANNED");
        delivered(stillOpen, "TRACKED", "DONE");
        delivered(done, "YOU_SAID_WE_DID", "DONE");
        delivered(declined, "YOU_SAID_WE_DID", "DECLINED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + done).then().body("status", is("CLOSED"));
            given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + declined).then().body("status", is("CLOSED"));
        });
        // CLOSED is final: an item that closed by mistake would never read TRACKED again
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + stillOpen).then().body("status", is("TRACKED")));
    }

    private static byte[] kudosPassed(UUID eventId, String feedbackId, String team) throws Exception {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId.toString())
                .put("source", "/action-service").put("type", "action.kudos-passed").put("subject", feedbackId)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("feedbackId", feedbackId).put("team", team).put("topic", team)
                .put("channel", "WEB").put("sentiment", 0.9).put("passedAt", Instant.now().toString());
        return JSON.writeValueAsBytes(event);
    }

    @Test
    void praisePassedToATeamShowsThatTeamAndClosesWhenItsContributorWasTold() throws Exception {
        var praise = submit();
        var eventId = UUID.randomUUID();
        publish("action.kudos-passed", kudosPassed(eventId, praise, "delivery"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + praise).then().body("status", is("TRACKED")).body("passedToTeam", is("delivery"))
                .body("actionId", org.hamcrest.Matchers.nullValue()));

        publish("action.kudos-passed", kudosPassed(eventId, praise, "billing")); // redelivered, other contents
        Markers.awaitActionEvents(broker);
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + praise).then().body("passedToTeam", is("delivery"));

        delivered(praise, "KUDOS_PASSED", null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + praise).then().body("status", is("CLOSED")));
    }

    private void followUpAnswered(UUID eventId, String feedbackId, UUID actionId, boolean solved) throws Exception {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId.toString())
                .put("source", "/notification-service").put("type", "notification.follow-up-answered")
                .put("subject", actionId.toString()).put("time", Instant.now().toString());
        event.putObject("data").put("actionId", actionId.toString()).put("actionTitle", "Refund delays")
                .put("feedbackId", feedbackId).put("solved", solved).put("answeredAt", Instant.now().toString());
        broker.publish("notification.events", "notification.follow-up-answered", JSON.writeValueAsBytes(event));
    }

    @Test
    void aFollowUpAnswerBecomesNewFeedbackOfTheActionOnceFromTheSamePerson() throws Exception {
        var original = submit();
        var action = UUID.randomUUID();
        var eventId = UUID.randomUUID();
        followUpAnswered(eventId, original, action, false);
        followUpAnswered(eventId, original, action, false); // redelivered
        followUpAnswered(UUID.randomUUID(), original, action, true); // a second click, another event

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .queryParam("q", "follow-up Refund delays").get("/api/feedback").then()
                .body("items.findAll { it.followUpOfAction == '" + action + "' }.size()", is(1)));
        Markers.awaitNotificationEvents(broker); // all three answers were handled
        given().auth().oauth2(Tokens.of("alice")).queryParam("q", "follow-up Refund delays").get("/api/feedback").then()
                .body("items.findAll { it.followUpOfAction == '" + action + "' }.size()", is(1))
                .body("items.find { it.followUpOfAction == '" + action + "' }.rating.scale", is("CSAT"))
                .body("items.find { it.followUpOfAction == '" + action + "' }.rating.score", is(1))
                .body("items.find { it.followUpOfAction == '" + action + "' }.text",
                        is("No, this did not solve it (follow-up on \"Refund delays\")"));
    }

    private void surveyAnswered(UUID eventId, UUID invitationId, String reason) throws Exception {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId.toString())
                .put("source", "/notification-service").put("type", "notification.survey-answered")
                .put("subject", invitationId.toString()).put("time", Instant.now().toString());
        var data = event.putObject("data").put("surveyId", UUID.randomUUID().toString()).put("surveyName", "Your delivery")
                .put("invitationId", invitationId.toString()).put("contributorId", Tokens.subjectOf("alice"))
                .put("contactEmail", "alice@example.com").put("scale", "CSAT").put("score", 2).put("topic", "delivery")
                .put("answeredAt", Instant.now().toString());
        if (reason != null) {
            data.put("reason", reason);
        }
        broker.publish("notification.events", "notification.survey-answered", JSON.writeValueAsBytes(event));
    }

    @Test
    void aSurveyAnswerBecomesFeedbackOfTheCustomerWithTheRatingOncePerInvitation() throws Exception {
        var invitation = UUID.randomUUID();
        var eventId = UUID.randomUUID();
        var reason = "The courier " + invitation.toString().substring(0, 8) + " left my parcel in the rain.";
        var tap = new TestBroker("feedback-service survey tap").tap("feedback.events", "feedback.received");
        try {
            surveyAnswered(eventId, invitation, reason);
            surveyAnswered(eventId, invitation, reason); // redelivered
            surveyAnswered(UUID.randomUUID(), invitation, reason); // the same invitation in another event

            var found = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(Tokens.of("alice"))
                    .queryParam("channel", "SURVEY").queryParam("limit", 100).get("/api/feedback").then().extract()
                    .jsonPath().getList("items.findAll { it.text == '" + reason + "' }.id", String.class), ids -> ids.size() == 1);
            Markers.awaitNotificationEvents(broker);
            given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + found.getFirst()).then().statusCode(200)
                    .body("channel", is("SURVEY")).body("topic", is("delivery"))
                    .body("rating.scale", is("CSAT")).body("rating.score", is(2))
                    .body("externalRef", is("survey:" + invitation));
            given().auth().oauth2(Tokens.of("alice")).queryParam("channel", "SURVEY").queryParam("limit", 100)
                    .get("/api/feedback").then().body("items.findAll { it.text == '" + reason + "' }.size()", is(1));
            var announced = tap.awaitAbout(found.getFirst(), Duration.ofSeconds(20)).getFirst().event().path("data");
            assertThat(announced.path("rating").path("score").asInt()).isEqualTo(2); // a detractor: the shorter clock
            assertThat(announced.path("channel").asText()).isEqualTo("SURVEY");
        } finally {
            tap.close();
        }
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextGoodOneIsStillProcessed() throws Exception {
        while (broker.channel().basicGet(DLQ, true) != null) {
            // start from an empty dead-letter queue
        }
        publish("{not json".getBytes(StandardCharsets.UTF_8));
        var feedbackId = submit();
        var actionId = UUID.randomUUID();
        publish(linked(UUID.randomUUID(), feedbackId, actionId, Instant.now()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + feedbackId).then().body("actionId", is(actionId.toString())));
        var dead = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            GetResponse response = broker.channel().basicGet(DLQ, true);
            if (response != null) {
                dead.add(new String(response.getBody(), StandardCharsets.UTF_8));
            }
            return dead.contains("{not json");
        });
    }
}
