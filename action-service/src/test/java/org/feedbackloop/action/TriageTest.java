package org.feedbackloop.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.feedbackloop.action.support.FeedbackEvents.awaitAction;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.received;
import static org.feedbackloop.action.support.FeedbackEvents.uniqueWords;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Real feedback.received CloudEvents on the real broker, consumed by triage. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TriageTest {

    @Inject
    AgroalDataSource database;

    private TestBroker broker;

    @BeforeEach
    void connect() throws Exception {
        broker = new TestBroker("action-service tests");
        broker.tap("action.events", "action.#");
    }

    @AfterEach
    void disconnect() throws Exception {
        broker.close();
    }

    @Test
    void feedbackBecomesAnActionRoutedToItsTeamWithTheSlaOfItsPriority() throws Exception {
        var feedbackId = UUID.randomUUID();
        var text = "I was charged twice for my invoice " + uniqueWords() + ". Terrible service!";
        var before = Instant.now();
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), feedbackId, "billing", text,
                "NPS", 2, -0.8, "contributor-" + UUID.randomUUID(), "carol@example.com")));

        var actionId = awaitAction(feedbackId);

        var action = given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + actionId)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("team", is("billing"))
                .body("topic", is("billing"))
                .body("status", is("OPEN"))
                .body("priority", is("P1"))
                .body("feedbackCount", is(1))
                .body("contributorCount", is(1))
                .body("title", is(text.substring(0, text.indexOf('.') + 1)))
                .body("history[0].kind", is("CREATED"))
                .body("history[1].kind", is("FEEDBACK_LINKED"))
                .extract();
        var dueAt = Instant.parse(action.path("dueAt"));
        assertThat(dueAt).isBetween(before.plus(Duration.ofDays(2)).minusSeconds(1), Instant.now().plus(Duration.ofDays(2)));
        var informBy = Instant.parse(action.path("informBy"));
        assertThat(informBy).isBetween(before.plus(Duration.ofHours(48)).minusSeconds(1), Instant.now().plus(Duration.ofHours(48)));

        var linked = broker.awaitEvents("action.feedback-linked", actionId, 1, Duration.ofSeconds(10)).getFirst().event();
        assertThat(linked.path("source").asText()).isEqualTo("/action-service");
        assertThat(linked.path("data").path("feedbackId").asText()).isEqualTo(feedbackId.toString());
        assertThat(linked.path("data").path("contactEmail").asText()).isEqualTo("carol@example.com");
        assertThat(broker.awaitEvents("action.created", actionId, 1, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void similarFeedbackJoinsTheOpenActionAndDifferentFeedbackOpensAnother() throws Exception {
        var words = uniqueWords();
        var first = UUID.randomUUID();
        var similar = UUID.randomUUID();
        var different = UUID.randomUUID();
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), first, "delivery",
                "My parcel " + words + " arrived three days late and the box was damaged", null, null, -0.6, "a-" + first, null)));
        var action = awaitAction(first);
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), similar, "delivery",
                "Parcel " + words + " was late again and the box damaged", "CSAT", 1, -0.7, "b-" + similar, null)));
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), different, "delivery",
                "The courier " + uniqueWords() + " never rang the bell", null, null, -0.2, "c-" + different, null)));

        assertThat(awaitAction(similar)).isEqualTo(action);
        assertThat(awaitAction(different)).isNotEqualTo(action);
        given().auth().oauth2(Tokens.of("oscar")).get("/api/actions/" + action).then().statusCode(200)
                .body("feedbackCount", is(2))
                .body("contributorCount", is(2))
                .body("priority", is("P1"));
    }

    @Test
    void aContributorCountsOnceByTheirIdOrTheirAddressAndAnonymousFeedbackEachTime() throws Exception {
        var words = uniqueWords();
        var person = "p-" + UUID.randomUUID();
        String[][] senders = {{person, null}, {person, null}, {null, "Dana." + words.substring(0, 8) + "@Example.com"},
                {null, "dana." + words.substring(0, 8) + "@example.com"}, {null, null}, {null, null}};
        int[][] counts = {{1, 1}, {2, 1}, {3, 2}, {4, 2}, {5, 3}, {6, 4}};
        String action = null;
        for (int i = 0; i < senders.length; i++) {
            var feedbackId = UUID.randomUUID();
            broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), feedbackId, "billing",
                    "The invoice " + words + " is wrong again", null, null, -0.3, senders[i][0], senders[i][1])));
            var linked = awaitAction(feedbackId);
            if (action == null) {
                action = linked;
            }
            assertThat(linked).isEqualTo(action);
            given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action).then()
                    .body("feedbackCount", is(counts[i][0]))
                    .body("contributorCount", is(counts[i][1]));
        }
    }

    /**
     * What a restore from a backup does to one piece of feedback: its action, its rows and the id of its event are
     * gone, and its producer replays the event. Triage makes the same action again, announced by events with the same
     * ids as the first time, which the consumers downstream have recorded already.
     */
    @Test
    void feedbackTriagedAgainAfterItsRowsWereLostMakesTheSameActionAndTheSameEvents() throws Exception {
        var eventId = UUID.randomUUID();
        var feedbackId = UUID.randomUUID();
        var event = bytes(received(eventId, feedbackId, "billing", "The refund " + uniqueWords() + " never arrived",
                null, null, -0.5, "r-" + feedbackId, "rene@example.com"));
        broker.publish("feedback.events", "feedback.received", event);
        var actionId = awaitAction(feedbackId);
        var created = broker.awaitEvents("action.created", actionId, 1, Duration.ofSeconds(10)).getFirst().event();
        var linked = broker.awaitEvents("action.feedback-linked", actionId, 1, Duration.ofSeconds(10)).getFirst().event();

        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            var action = "'" + actionId + "'";
            statement.executeUpdate("delete from action_history where action_id = " + action);
            statement.executeUpdate("delete from feedback_item where action_id = " + action);
            statement.executeUpdate("delete from action where id = " + action);
            statement.executeUpdate("delete from outbox_event where aggregate_id = " + action);
            statement.executeUpdate("delete from processed_event where event_id = '" + eventId + "'");
        }
        broker.publish("feedback.events", "feedback.received", event);

        assertThat(awaitAction(feedbackId)).isEqualTo(actionId);
        var createdAgain = broker.awaitEvents("action.created", actionId, 2, Duration.ofSeconds(10)).get(1).event();
        var linkedAgain = broker.awaitEvents("action.feedback-linked", actionId, 2, Duration.ofSeconds(10)).get(1).event();
        assertThat(createdAgain.path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(linkedAgain.path("id").asText()).isEqualTo(linked.path("id").asText());
        assertThat(createdAgain.path("id").asText()).isNotEqualTo(linkedAgain.path("id").asText());

        var other = UUID.randomUUID();
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), other, "billing",
                "The coupon " + uniqueWords() + " was refused at checkout", null, null, -0.5, "s-" + other, null)));
        var otherAction = awaitAction(other);
        assertThat(broker.awaitEvents("action.created", otherAction, 1, Duration.ofSeconds(10)).getFirst().event()
                .path("id").asText()).isNotEqualTo(created.path("id").asText());
    }

    @Test
    void feedbackOfATopicWithoutARuleGoesToTheTriageTeam() throws Exception {
        var feedbackId = UUID.randomUUID();
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), feedbackId, "general",
                "Hello " + uniqueWords(), null, null, 0.0, null, null)));
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + awaitAction(feedbackId)).then()
                .body("team", is("triage")).body("priority", is("P4")).body("owner", nullValue());
    }

    @Test
    void theSameEventDeliveredTwiceLeavesOneLink() throws Exception {
        var eventId = UUID.randomUUID();
        var feedbackId = UUID.randomUUID();
        var event = bytes(received(eventId, feedbackId, "product", "The app " + uniqueWords() + " crashes", null, null,
                -0.4, "d-" + feedbackId, null));
        broker.publish("feedback.events", "feedback.received", event);
        var action = awaitAction(feedbackId);
        broker.publish("feedback.events", "feedback.received", event);

        var rows = new Rows(database);
        // the redelivery was consumed, and anything it committed was published
        org.feedbackloop.action.support.Actions.awaitMarker(broker);
        assertThat(rows.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        assertThat(rows.count("select count(*) from feedback_item where feedback_id = ?", feedbackId)).isEqualTo(1);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action).then().body("feedbackCount", is(1));
        assertThat(broker.events("action.feedback-linked", action)).hasSize(1);
    }

    @Test
    void importedHistoryThatNobodyIsToldOfOpensAnActionWithoutAClockToTell() throws Exception {
        var feedbackId = UUID.randomUUID();
        var event = received(UUID.randomUUID(), feedbackId, "billing",
                "Invoices were wrong all through 2021 " + uniqueWords() + ".", "NPS", 2, -0.7, null, "old@example.com");
        ((ObjectNode) event.path("data")).put("silent", true);
        broker.publish("feedback.events", "feedback.received", bytes(event));

        var actionId = awaitAction(feedbackId);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + actionId).then().statusCode(200)
                .body("feedbackCount", is(1))
                .body("dueAt", notNullValue())
                .body("informBy", nullValue());
    }

    @Test
    void aFollowUpAnswerJoinsTheDoneActionItFollowsUp() throws Exception {
        var action = org.feedbackloop.action.support.Actions.open(broker, "billing");
        for (var step : java.util.List.of("PLANNED", "IN_PROGRESS")) {
            org.feedbackloop.action.support.Actions.transition("olivia", action, step, null).statusCode(200);
        }
        org.feedbackloop.action.support.Actions.transition("olivia", action, "DONE", "Fixed.").statusCode(200);

        var answer = UUID.randomUUID();
        var event = received(UUID.randomUUID(), answer, "billing", "No, this did not solve it (follow-up on \"x\")",
                "CSAT", 1, -0.4, "contributor-" + answer, null);
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("data")).put("followUpOfAction", action);
        broker.publish("feedback.events", "feedback.received", bytes(event));

        assertThat(awaitAction(answer)).isEqualTo(action);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + action).then()
                .body("status", is("DONE"))
                .body("feedbackCount", is(2))
                .body("informBy", nullValue());
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextGoodOneIsStillProcessed() throws Exception {
        broker.drain("action-service.feedback-service.dlq");
        var poison = "{\"type\": \"feedback.received\", \"id\": \"not-a-uuid\"".getBytes(StandardCharsets.UTF_8);
        broker.publish("feedback.events", "feedback.received", poison);
        var missingData = bytes(received(UUID.randomUUID(), UUID.randomUUID(), "billing", "x", null, null, 0, null, null)
                .put("data", "nothing"));
        broker.publish("feedback.events", "feedback.received", missingData);
        var good = UUID.randomUUID();
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), good, "billing",
                "Refund " + uniqueWords(), null, null, -0.1, null, null)));

        assertThat(awaitAction(good)).isNotNull();
        var deadLetters = new java.util.ArrayList<byte[]>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            deadLetters.addAll(broker.drain("action-service.feedback-service.dlq"));
            return deadLetters.size() >= 2;
        });
        assertThat(deadLetters).extracting(body -> new String(body, StandardCharsets.UTF_8))
                .anySatisfy(body -> assertThat(body).contains("not-a-uuid"))
                .anySatisfy(body -> assertThat(body).contains("\"data\":\"nothing\""));
    }
}
