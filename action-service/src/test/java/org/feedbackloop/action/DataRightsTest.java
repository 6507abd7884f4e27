package org.feedbackloop.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.feedbackloop.action.support.FeedbackEvents.awaitAction;
import static org.feedbackloop.action.support.FeedbackEvents.awaitKudos;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.erased;
import static org.feedbackloop.action.support.FeedbackEvents.praise;
import static org.feedbackloop.action.support.FeedbackEvents.received;
import static org.feedbackloop.action.support.FeedbackEvents.uniqueWords;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A customer's data rights here: the export shows what names them, and feedback.erased (as feedback-service
 * announces it on the real broker) leaves nothing that does, while their feedback stays as counts: linked to its
 * action, or passed to its team as kudos.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DataRightsTest {

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
    void aCustomerExportsWhatNamesThemAndAfterTheirErasureNothingHereDoes() throws Exception {
        var start = Instant.now().minusSeconds(1).toString();
        var bob = Tokens.of("bob");
        var subject = Keycloak.subjectOf(bob);
        var words = uniqueWords();
        var word = words.substring(0, 8);
        var address = "bob." + word + "@loop.example.com";
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var passedOn = UUID.randomUUID();
        publish(received(UUID.randomUUID(), first, "delivery", "My parcel " + words + " arrived crushed. Again!",
                "CSAT", 1, -0.7, subject, address));
        var action = awaitAction(first);
        publish(received(UUID.randomUUID(), second, "delivery", "Parcel " + words + " was crushed as well",
                null, null, -0.5, subject, address));
        assertThat(awaitAction(second)).isEqualTo(action);
        // a colleague's feedback with bob's address on it (written otherwise): theirs, but the address is bob's
        publish(received(UUID.randomUUID(), passedOn, "billing", "Please call my colleague " + uniqueWords(),
                null, null, -0.1, "colleague-" + passedOn, " Bob." + word + "@LOOP.example.com"));
        awaitAction(passedOn);
        // praise of bob's, passed to billing as kudos: feedback without an action
        var praised = UUID.randomUUID();
        publish(praise(UUID.randomUUID(), praised, "billing", "Thank you, the refund " + words + " came the same day!",
                subject, address));
        awaitKudos(broker, praised);
        var voted = Actions.announced(broker, "billing");
        given().auth().oauth2(bob).post("/api/public/updates/" + voted + "/me-too").then().statusCode(201);
        var maria = Tokens.of("maria");
        given().auth().oauth2(maria).get("/api/actions/" + action).then().statusCode(200)
                .body("title", containsString(word)).body("feedbackCount", is(2)).body("contributorCount", is(1));

        given().auth().oauth2(bob).get("/api/me/export").then().statusCode(200)
                .body("subject", is(subject))
                .body("truncated", is(false))
                .body("feedback.feedbackId", hasItems(first.toString(), second.toString()))
                .body("feedback.feedbackId", not(hasItem(passedOn.toString())))
                .body("feedback.find { it.feedbackId == '" + first + "' }.actionId", is(action))
                .body("feedback.find { it.feedbackId == '" + first + "' }.actionTitle", is("Delivery feedback"))
                .body("feedback.find { it.feedbackId == '" + first + "' }.actionStatus", is("OPEN"))
                .body("feedback.find { it.feedbackId == '" + first + "' }.text", containsString(words))
                .body("feedback.find { it.feedbackId == '" + first + "' }.contactEmail", is(address))
                .body("feedback.find { it.feedbackId == '" + first + "' }.passedToTeam", nullValue())
                .body("feedback.find { it.feedbackId == '" + praised + "' }.actionId", nullValue())
                .body("feedback.find { it.feedbackId == '" + praised + "' }.passedToTeam", is("billing"))
                .body("feedback.find { it.feedbackId == '" + praised + "' }.passedAt", notNullValue())
                .body("feedback.find { it.feedbackId == '" + praised + "' }.text", containsString(words))
                .body("meToo.actionId", hasItem(voted));
        // what is in flight stays (the relay publishes it; outbox retention purges it): wait until it was published
        await().atMost(Duration.ofSeconds(20)).until(() -> new Rows(database).count("""
                select count(*) from outbox_event where published_at is null
                  and (strpos(payload::text, ?) > 0 or strpos(payload::text, ?) > 0 or strpos(lower(payload::text), ?) > 0)""",
                subject, word, address) == 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> new Rows(database).count(
                "select count(*) from outbox_event where published_at is null and aggregate_id = ?", praised.toString()) == 0);

        // as feedback-service announces a large erasure: in parts, each with the person and their addresses' hashes
        var hashes = List.of(FeedbackErased.hashOf(address), FeedbackErased.hashOf("bob@example.com"));
        publish(erased(UUID.randomUUID(), FeedbackErased.REQUESTED, subject, List.of(first), hashes));
        publish(erased(UUID.randomUUID(), FeedbackErased.REQUESTED, subject, List.of(second, praised), hashes));
        publish(erased(UUID.randomUUID(), FeedbackErased.REQUESTED, subject, List.of(), hashes));

        // every column of every table, as text: neither the words, the address nor who said them is left anywhere
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(mentions(word)).as("the words").isEmpty();
            assertThat(mentions(address)).as("the address").isEmpty();
            assertThat(mentions(subject)).as("the person").isEmpty();
        });

        // the feedback stays as counts: linked, with its topic, rating and dates
        given().auth().oauth2(maria).get("/api/actions/" + action).then().statusCode(200)
                .body("title", is("Delivery feedback")).body("feedbackCount", is(2)).body("contributorCount", is(1));
        var rows = new Rows(database);
        assertThat(rows.count("""
                select count(*) from feedback_item where feedback_id in (?, ?) and text = '[erased]'
                  and action_id = ?::uuid and linked_at is not null and topic = 'delivery' and received_at is not null
                  and contributor_id like 'erased:%' and contact_email is null and not consent_to_contact and problem is null""",
                first, second, action)).isEqualTo(2);
        assertThat(rows.count("select count(*) from feedback_item where feedback_id = ? and rating_scale = 'CSAT' "
                + "and rating_score = 1", first)).isOne();
        assertThat(rows.count("select count(*) from action where id = ?::uuid and problem_count = 0 and problem_sum is null",
                action)).as("the vectors read from the words left the action's sum").isOne();
        assertThat(rows.count("""
                select count(*) from feedback_item where feedback_id = ? and contact_email is null
                  and text like 'Please call my colleague %' and contributor_id = ?""", passedOn, "colleague-" + passedOn))
                .as("the colleague's feedback keeps its words and its person, not bob's address").isOne();
        assertThat(rows.count("""
                select count(*) from feedback_item where feedback_id = ? and text = '[erased]' and action_id is null
                  and kudos_team = 'billing' and kudos_at is not null and contributor_id like 'erased:%'
                  and contact_email is null and problem is null""", praised))
                .as("the praise stays as counts, passed to its team, without words, person or vector").isOne();
        assertThat(rows.count("select count(*) from outbox_event where aggregate_id = ?", praised.toString()))
                .as("its published action.kudos-passed is forgotten").isZero();
        given().auth().oauth2(maria).queryParam("from", start).queryParam("team", "billing").get("/api/kudos").then()
                .statusCode(200)
                .body("items.find { it.feedbackId == '" + praised + "' }.team", is("billing"))
                .body("items.find { it.feedbackId == '" + praised + "' }.text", nullValue());
        assertThat(rows.count("select count(*) from me_too where action_id = ?::uuid and contributor_id like 'erased:%'",
                voted)).as("the vote still counts").isOne();
        given().get("/api/public/updates/" + voted).then().statusCode(200).body("meTooCount", is(1));
        given().auth().oauth2(bob).get("/api/me/export").then().statusCode(200)
                .body("feedback", empty()).body("meToo", empty()).body("truncated", is(false));
    }

    @Test
    void oldFeedbackLosesItsWordsAndContactButKeepsItsLinkAndARedeliveryChangesNothing() throws Exception {
        var feedbackId = UUID.randomUUID();
        var words = uniqueWords();
        publish(received(UUID.randomUUID(), feedbackId, "billing", "I was charged twice " + words + ". Refund me!",
                "NPS", 3, -0.6, "contributor-" + feedbackId, "carol." + words.substring(0, 8) + "@example.com"));
        var action = awaitAction(feedbackId);
        var rows = new Rows(database);
        var linkedAt = text("select linked_at::text from feedback_item where feedback_id = '" + feedbackId + "'");
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.count(
                "select count(*) from outbox_event where published_at is null and aggregate_id = ?", action) == 0);
        var eventId = UUID.randomUUID();
        var retention = erased(eventId, FeedbackErased.RETENTION, null, List.of(feedbackId), null);

        publish(retention);

        await().atMost(Duration.ofSeconds(10)).until(() -> rows.count(
                "select count(*) from feedback_item where feedback_id = ? and text = '[redacted]'", feedbackId) == 1);
        assertThat(rows.count("""
                select count(*) from feedback_item where feedback_id = ? and action_id = ?::uuid and linked_at::text = ?
                  and contributor_id = ? and contact_email is null and not consent_to_contact and problem is null
                  and topic = 'billing' and rating_scale = 'NPS' and rating_score = 3""", feedbackId, action, linkedAt,
                "contributor-" + feedbackId))
                .isOne();
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action).then().statusCode(200)
                .body("title", is("Billing feedback")).body("feedbackCount", is(1));
        assertThat(mentions(words.substring(0, 8))).isEmpty();

        // the same event again: had it been handled twice, the text would be redacted again
        rows.execute("update feedback_item set text = 'Set by the test after the erasure' where feedback_id = ?", feedbackId);
        publish(retention);
        Actions.awaitMarker(broker);

        assertThat(text("select text from feedback_item where feedback_id = '" + feedbackId + "'"))
                .isEqualTo("Set by the test after the erasure");
        assertThat(rows.count("select count(*) from processed_event where event_id = ?", eventId)).isOne();
    }

    @Test
    void oldPraiseLosesItsWordsAndContactButStaysKudosOfItsTeam() throws Exception {
        var start = Instant.now().minusSeconds(1).toString();
        var feedbackId = UUID.randomUUID();
        var words = uniqueWords();
        publish(praise(UUID.randomUUID(), feedbackId, "delivery", "The driver " + words + " was so kind, thank you!",
                "contributor-" + feedbackId, "erin." + words.substring(0, 8) + "@example.com"));
        awaitKudos(broker, feedbackId);

        publish(erased(UUID.randomUUID(), FeedbackErased.RETENTION, null, List.of(feedbackId), null));

        var rows = new Rows(database);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.count(
                "select count(*) from feedback_item where feedback_id = ? and text = '[redacted]'", feedbackId) == 1);
        assertThat(rows.count("""
                select count(*) from feedback_item where feedback_id = ? and action_id is null and kudos_team = 'delivery'
                  and kudos_at is not null and contributor_id = ? and contact_email is null and not consent_to_contact
                  and problem is null and rating_scale = 'NPS' and rating_score = 10""", feedbackId, "contributor-" + feedbackId))
                .isOne();
        assertThat(mentions(words.substring(0, 8))).isEmpty();
        given().auth().oauth2(Tokens.of("oscar")).queryParam("from", start).get("/api/kudos").then().statusCode(200)
                .body("items.find { it.feedbackId == '" + feedbackId + "' }.team", is("delivery"))
                .body("items.find { it.feedbackId == '" + feedbackId + "' }.text", nullValue());
    }

    @Test
    void onlyCustomersHaveDataToExport() {
        for (var staff : List.of("olivia", "maria", "admin")) {
            given().auth().oauth2(Tokens.of(staff)).get("/api/me/export").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.integrator()).get("/api/me/export").then().statusCode(403);
        given().get("/api/me/export").then().statusCode(401);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/me/export'.get.tags", hasItem("My data"))
                .body("paths.'/api/me/export'.get.security", not(empty()));
    }

    private void publish(ObjectNode event) throws Exception {
        broker.publish("feedback.events", event.path("type").asText(), bytes(event));
    }

    /** Where {@code needle} is still held in this service's database ("table.column"). */
    private List<String> mentions(String needle) {
        return new Rows(database).mentions(needle);
    }

    private String text(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var found = statement.executeQuery(sql)) {
            found.next();
            return found.getString(1);
        }
    }
}
