package org.feedbackloop.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.action.support.FeedbackEvents.awaitAction;
import static org.feedbackloop.action.support.FeedbackEvents.awaitKudos;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.praise;
import static org.feedbackloop.action.support.FeedbackEvents.received;
import static org.feedbackloop.action.support.FeedbackEvents.uniqueWords;
import static org.feedbackloop.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Praise on the real broker: passed to its team as kudos, no action, and read back by the team through GET /api/kudos. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KudosTest {

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
    void praiseIsPassedToItsTeamAsKudosOpensNoActionAndARedeliveryChangesNothing() throws Exception {
        var eventId = UUID.randomUUID();
        var feedbackId = UUID.randomUUID();
        var event = bytes(praise(eventId, feedbackId, "billing", "The new invoices are wonderfully clear " + uniqueWords(),
                "contributor-" + feedbackId, "dora@example.com"));
        broker.publish("feedback.events", "feedback.received", event);

        var passed = awaitKudos(broker, feedbackId);
        assertThat(passed.path("source").asText()).isEqualTo("/action-service");
        var data = passed.path("data");
        assertThat(data.path("feedbackId").asText()).isEqualTo(feedbackId.toString());
        assertThat(data.path("team").asText()).isEqualTo("billing");
        assertThat(data.path("topic").asText()).isEqualTo("billing");
        assertThat(data.path("channel").asText()).isEqualTo("WEB");
        assertThat(data.path("sentiment").asDouble()).isEqualTo(0.8);
        assertThat(data.path("rating").path("scale").asText()).isEqualTo("NPS");
        assertThat(data.path("rating").path("score").asInt()).isEqualTo(10);
        assertThat(Instant.parse(data.path("passedAt").asText())).isAfterOrEqualTo(Instant.parse(data.path("receivedAt").asText()));
        assertThat(passed.toString()).as("the event names nobody").doesNotContain("dora@example.com", "contributor-", "wonderfully");

        var rows = new Rows(database);
        assertThat(rows.count("""
                select count(*) from feedback_item where feedback_id = ? and action_id is null and linked_at is null
                  and kudos_team = 'billing' and kudos_at is not null and problem is not null""", feedbackId)).isOne();
        given().auth().oauth2(Tokens.of("maria")).queryParam("feedbackId", feedbackId.toString()).get("/api/actions")
                .then().statusCode(200).body("items", empty());

        var passedAt = rows.count("select (extract(epoch from kudos_at) * 1000000)::bigint from feedback_item where feedback_id = ?",
                feedbackId);
        broker.publish("feedback.events", "feedback.received", event);
        Actions.awaitMarker(broker); // the redelivery was consumed, and anything it committed was published

        assertThat(rows.count("select count(*) from processed_event where event_id = ?", eventId)).isOne();
        assertThat(rows.count("select count(*) from feedback_item where feedback_id = ?", feedbackId)).isOne();
        assertThat(rows.count("select (extract(epoch from kudos_at) * 1000000)::bigint from feedback_item where feedback_id = ?",
                feedbackId)).isEqualTo(passedAt);
        assertThat(rows.count("select count(*) from outbox_event where aggregate_id = ?", feedbackId.toString())).isOne();
        assertThat(broker.events("action.kudos-passed", feedbackId.toString())).hasSize(1);
        assertThat(broker.matching(received -> feedbackId.toString().equals(received.event().path("data").path("feedbackId").asText())))
                .as("no action was opened or joined for it").extracting(TestBroker.Received::type)
                .containsExactly("action.kudos-passed");
    }

    @Test
    void praiseThatAnswersAFollowUpStillJoinsTheActionItFollowsUp() throws Exception {
        var action = Actions.done(broker, "billing", "Fixed.");
        var answer = UUID.randomUUID();
        var event = praise(UUID.randomUUID(), answer, "billing", "Yes, solved, thank you so much!", "contributor-" + answer, null);
        ((ObjectNode) event.get("data")).put("followUpOfAction", action);
        broker.publish("feedback.events", "feedback.received", bytes(event));

        assertThat(awaitAction(answer)).isEqualTo(action);
        assertThat(broker.events("action.kudos-passed", answer.toString())).isEmpty();
    }

    @Test
    void ownersReadTheirTeamsKudosManagersEveryTeamsNewestFirst() throws Exception {
        var from = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(1).toString();
        var billing = UUID.randomUUID();
        var delivery = UUID.randomUUID();
        var text = "Lovely, quick and friendly " + uniqueWords();
        broker.publish("feedback.events", "feedback.received", bytes(praise(UUID.randomUUID(), billing, "billing", text,
                "contributor-" + billing, null)));
        awaitKudos(broker, billing);
        // a satisfied customer's mildly positive words, without a label (an event older than labels): praise too
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), delivery, "delivery",
                "The courier was on time " + uniqueWords(), "CSAT", 5, 0.2, "contributor-" + delivery, null)));
        awaitKudos(broker, delivery);

        var olivia = Tokens.of("olivia"); // owner, team billing
        given().auth().oauth2(olivia).queryParam("from", from).get("/api/kudos").then().statusCode(200)
                .body("items.team", everyItem(is("billing")))
                .body("items.feedbackId", hasItem(billing.toString()))
                .body("items.feedbackId", not(hasItem(delivery.toString())));
        given().auth().oauth2(olivia).queryParam("from", from).queryParam("team", "billing").get("/api/kudos").then()
                .statusCode(200).body("items.feedbackId", hasItem(billing.toString()));
        assertProblem(given().auth().oauth2(olivia).queryParam("team", "delivery").get("/api/kudos"), 403, null);
        given().auth().oauth2(Tokens.of("oscar")).queryParam("from", from).get("/api/kudos").then().statusCode(200) // delivery
                .body("items.team", everyItem(is("delivery")))
                .body("items.feedbackId", hasItem(delivery.toString()))
                .body("items.feedbackId", not(hasItem(billing.toString())));

        var maria = Tokens.of("maria");
        var item = "items.find { it.feedbackId == '" + billing + "' }.";
        given().auth().oauth2(maria).queryParam("from", from).get("/api/kudos").then().statusCode(200)
                .body("items.feedbackId", hasItem(billing.toString()))
                .body("items.feedbackId", hasItem(delivery.toString()))
                .body(item + "keySet()", containsInAnyOrder("feedbackId", "team", "topic", "channel", "text", "sentiment",
                        "ratingScale", "ratingScore", "receivedAt", "passedAt"))
                .body(item + "team", is("billing"))
                .body(item + "topic", is("billing"))
                .body(item + "channel", is("WEB"))
                .body(item + "text", is(text))
                .body(item + "sentiment", is(0.8f))
                .body(item + "ratingScale", is("NPS"))
                .body(item + "ratingScore", is(10))
                .body(item + "receivedAt", notNullValue())
                .body(item + "passedAt", notNullValue());
        given().auth().oauth2(maria).queryParam("from", from).queryParam("team", "delivery").get("/api/kudos").then()
                .statusCode(200).body("items.feedbackId", contains(delivery.toString()));

        // newest first, one at a time: the later kudos, then the earlier one, then no more
        var first = given().auth().oauth2(maria).queryParam("from", from).queryParam("limit", 1).get("/api/kudos")
                .then().statusCode(200).body("items.feedbackId", contains(delivery.toString()))
                .body("nextCursor", notNullValue()).extract().<String>path("nextCursor");
        given().auth().oauth2(maria).queryParam("from", from).queryParam("limit", 1).queryParam("cursor", first)
                .get("/api/kudos").then().statusCode(200).body("items.feedbackId", contains(billing.toString()));

        given().auth().oauth2(Tokens.of("admin")).queryParam("from", from).get("/api/kudos").then().statusCode(200)
                .body("items.feedbackId", hasItem(delivery.toString()));
    }

    @Test
    void customersAndIntegratorsReadNoKudos() {
        assertProblem(given().auth().oauth2(Tokens.of("alice")).get("/api/kudos"), 403, null);
        assertProblem(given().auth().oauth2(Tokens.integrator()).get("/api/kudos"), 403, null);
        given().get("/api/kudos").then().statusCode(401);
    }

    @Test
    void aBadPeriodPageOrTeamIsA400NamingIt() {
        var maria = Tokens.of("maria");
        record Bad(Map<String, String> params, String field) {
        }
        for (var bad : List.of(
                new Bad(Map.of("from", "yesterday"), "from"),
                new Bad(Map.of("from", "2026-02-01", "to", "2026-01-01"), "from"),
                new Bad(Map.of("from", "2024-01-01", "to", "2025-06-01"), "from"),
                new Bad(Map.of("to", "2026-13-01"), "to"),
                new Bad(Map.of("limit", "0"), "limit"),
                new Bad(Map.of("cursor", "forged"), "cursor"),
                new Bad(Map.of("team", "Billing!"), "team"))) {
            assertProblem(given().auth().oauth2(maria).queryParams(bad.params()).get("/api/kudos"), 400, bad.field());
        }
        // a cursor of another list is not one of this list
        var queueCursor = given().auth().oauth2(maria).queryParam("limit", 1).get("/api/actions").then().statusCode(200)
                .extract().<String>path("nextCursor");
        if (queueCursor != null) {
            assertProblem(given().auth().oauth2(maria).queryParam("cursor", queueCursor).get("/api/kudos"), 400, "cursor");
        }
    }

    @Test
    void theContractIsInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/kudos'.get.tags", hasItem("Kudos"))
                .body("paths.'/api/kudos'.get.security", not(empty()))
                .body("paths.'/api/kudos'.get.parameters.name", containsInAnyOrder("team", "from", "to", "limit", "cursor"))
                .body("components.schemas.Kudos.properties.keySet()", containsInAnyOrder("feedbackId", "team", "topic",
                        "channel", "text", "sentiment", "ratingScale", "ratingScore", "receivedAt", "passedAt"));
    }
}
