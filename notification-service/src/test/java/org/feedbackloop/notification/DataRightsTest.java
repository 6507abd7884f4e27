package org.feedbackloop.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.notification.domain.EmailSuppression;
import org.feedbackloop.notification.domain.Repositories;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.Mailbox;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A customer's data rights here, with a real dev-realm customer's token and the events as the other services publish
 * them on the real broker: the export shows everything held about them; after feedback.erased no column of any table
 * holds their words, their address or their id, while their feedback stays in the counts and their address stays
 * suppressed (as a hash).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DataRightsTest {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource database;

    @Inject
    Repositories.Suppressions suppressions;

    private Events events;
    private Rows rows;

    @BeforeEach
    void connect() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        events = new Events();
        rows = new Rows(database);
    }

    @AfterEach
    void disconnect() throws Exception {
        events.close();
    }

    @Test
    void aCustomerExportsWhatIsHeldAboutThemAndAfterTheirErasureNothingHereNamesThem() throws Throwable {
        var bob = Tokens.of("bob");
        var subject = Keycloak.subjectOf(bob);
        var word = uniqueWord();
        var address = "bob." + word + "@loop.example.com";
        var topic = topic();
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var action = UUID.randomUUID();
        var start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body(Map.of("email", true, "inApp", true, "digest", "IMMEDIATE")).put("/api/me/preferences")
                .then().statusCode(200);

        try (var integrator = new Integrator()) {
            // an integrator hears of feedback and of erasures
            var subscription = integrator.subscribe("feedback.received", "feedback.erased");

            // bob's two items, his acknowledgements (inbox and e-mail), an action and its progress: he is told
            var words = "My parcel " + word + " arrived crushed. Again!";
            events.publish(received(first, subject, address, words, topic));
            events.publish(received(second, subject, address, "The parcel " + word + " was crushed as well", topic));
            await().atMost(SOON).until(() -> rows.count("""
                    select count(*) from notification where kind = 'ACKNOWLEDGED' and status = 'SENT'
                      and (feedback_ids @> array[?::uuid] or feedback_ids @> array[?::uuid])""",
                    first.toString(), second.toString()) == 4);
            events.publish(Events.feedbackLinked(action, first, "Crushed parcels", null));
            events.publish(Events.feedbackLinked(action, second, "Crushed parcels", null));
            events.publish(progress(action, "Crushed parcels", "Every parcel is padded twice from today."));
            await().atMost(SOON).until(() -> rows.count("""
                    select count(*) from notification where action_id = ?::uuid and kind = 'PROGRESS' and status = 'SENT'
                      and feedback_ids @> array[?::uuid, ?::uuid]""", action.toString(), first.toString(),
                    second.toString()) == 2);

            // a survey asked at his address, answered in his words
            String survey = given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                    .body("{\"name\": \"Parcel care\", \"scale\": \"CSAT\"}").post("/api/surveys")
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                    .body("{\"recipients\": [{\"email\": \"" + address + "\", \"customerId\": \"" + subject + "\"}]}")
                    .post("/api/surveys/" + survey + "/invitations").then().statusCode(200).body("invited", is(1));
            var surveyToken = linkIn(address, "(http\\S+/survey\\?token=(\\S+))", 2, true);
            given().contentType(ContentType.JSON).body("{\"score\": 2, \"reason\": \"Crushed " + word + " twice.\"}")
                    .post("/api/public/surveys/{token}", URLDecoder.decode(surveyToken, StandardCharsets.UTF_8))
                    .then().statusCode(204);

            // he unsubscribes his address with the link in the e-mails
            var unsubscribe = linkIn(address, "<(http[^>]+/api/public/unsubscribe\\?token=[^>]+)>", 1, false);
            var unsubscribePath = unsubscribe.substring(unsubscribe.indexOf("/api/"));
            given().get(unsubscribePath).then().statusCode(200);

            given().auth().oauth2(bob).get("/api/me/export").then().statusCode(200)
                    .body("subject", is(subject))
                    .body("addresses", hasItems(address, "bob@example.com"))
                    .body("truncated", is(false))
                    .body("preferences.defaults", is(false))
                    .body("contributions.feedbackId", hasItems(first.toString(), second.toString()))
                    .body("contributions.find { it.feedbackId == '" + first + "' }.text", containsString(word))
                    .body("contributions.find { it.feedbackId == '" + first + "' }.contactEmail", is(address))
                    .body("contributions.find { it.feedbackId == '" + first + "' }.topic", is(topic))
                    .body("contributions.find { it.feedbackId == '" + first + "' }.channel", is("WEB"))
                    .body("contributions.find { it.feedbackId == '" + first + "' }.actionId", is(action.toString()))
                    .body("contributions.find { it.feedbackId == '" + first + "' }.receivedAt", not(nullValue()))
                    // every channel, each with its feedback ids, status and times
                    .body("notifications.findAll { it.feedbackIds.contains('" + first + "') }.channel",
                            hasItems("IN_APP", "EMAIL"))
                    .body("notifications.findAll { it.feedbackIds.contains('" + first + "') }.kind",
                            hasItems("ACKNOWLEDGED", "TRACKED", "PROGRESS"))
                    .body("notifications.find { it.channel == 'EMAIL' && it.feedbackIds.contains('" + first
                            + "') }.email", is(address))
                    .body("notifications.find { it.channel == 'EMAIL' && it.feedbackIds.contains('" + first
                            + "') }.status", is("SENT"))
                    .body("notifications.find { it.channel == 'EMAIL' && it.feedbackIds.contains('" + first
                            + "') }.sentAt", not(nullValue()))
                    .body("notifications.findAll { it.feedbackIds == null }", empty())
                    .body("notifications.findAll { it.kind == 'SURVEY_INVITATION' }.channel", hasItems("IN_APP", "EMAIL"))
                    .body("surveyInvitations.find { it.surveyId == '" + survey + "' }.email", is(address))
                    .body("surveyInvitations.find { it.surveyId == '" + survey + "' }.score", is(2))
                    .body("surveyInvitations.find { it.surveyId == '" + survey + "' }.reason", containsString(word))
                    .body("suppressions.find { it.email == '" + address + "' }.suppressed", is(true))
                    .body("suppressions.find { it.email == '" + address + "' }.reason", is("UNSUBSCRIBED"));

            // a message to staff that quotes his words without naming his item
            var quoting = UUID.randomUUID();
            rows.execute("""
                    insert into notification (id, source_event_id, recipient, channel, kind, title, body, data, status,
                                              created_at, sent_at)
                    values (?::uuid, ?::uuid, 'team:data-rights-test', 'IN_APP', 'ESCALATED', 'Escalated: Crushed parcels',
                            ?, cast(? as jsonb), 'SENT', now(), now())""", quoting.toString(), UUID.randomUUID().toString(),
                    "A customer wrote: \"" + words + "\"", JSON.createObjectNode().put("action", "Crushed parcels")
                            .put("note", "They said \"" + words + "\"").toString());

            var told = loopOf(topic, start);
            assertThat(told).isEqualTo(List.of(2, 2, 2, 0));
            // what is in flight stays (the relay publishes it; the outbox's retention purges it): wait until published
            await().atMost(SOON).until(() -> rows.count("""
                    select count(*) from outbox_event where published_at is null
                      and (strpos(lower(payload::text), ?) > 0 or strpos(payload::text, ?) > 0 or strpos(payload::text, ?) > 0)""",
                    address, word, subject) == 0);
            await().atMost(SOON).until(() -> integrator.received("feedback.received", first) != null);

            // as feedback-service announces a large erasure: in parts, each with the person and their addresses' hashes
            var hashes = List.of(FeedbackErased.hashOf(address), FeedbackErased.hashOf("bob@example.com"));
            var erasedFirst = Events.feedbackErased("REQUESTED", subject, List.of(first), hashes);
            events.publish(erasedFirst);
            events.publish(Events.feedbackErased("REQUESTED", subject, List.of(second), hashes));
            events.publish(Events.feedbackErased("REQUESTED", subject, List.of(), hashes));

            // the product's promise: every column of every table, as text, holds neither his words, his address nor him
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(mentions(word)).as("the words").isEmpty();
                assertThat(mentions(address)).as("the address").isEmpty();
                assertThat(mentions(subject)).as("the person").isEmpty();
            });

            // his feedback stays as counts
            assertThat(rows.count("""
                    select count(*) from contribution where feedback_id in (?::uuid, ?::uuid) and text = '[erased]'
                      and contributor_id is null and contact_email is null and not consent_to_contact and topic = ?
                      and channel = 'WEB' and action_id = ?::uuid and linked_at is not null and erased_at is not null
                      and was_reachable""", first.toString(), second.toString(), topic, action.toString())).isEqualTo(2);
            assertThat(rows.count("""
                    select count(*) from notification where feedback_ids @> array[?::uuid] and recipient like 'erased:%'
                      and user_id is null and email is null and title = '[erased]' and body = '[erased]'
                      and data - 'status' = '{}'::jsonb""", first.toString()))
                    .as("his acknowledgement, tracked and progress messages, on both channels").isEqualTo(6);
            assertThat(loopOf(topic, start)).as("the loop insights count them as before").isEqualTo(told);
            assertThat(rows.count("""
                    select count(*) from notification where id = ?::uuid and recipient = 'team:data-rights-test'
                      and title = 'Escalated: Crushed parcels' and body = '[erased]' and data = '{}'::jsonb""",
                    quoting.toString())).as("the staff's message keeps what does not quote him").isOne();
            given().auth().oauth2(Tokens.of("maria")).get("/api/surveys/" + survey).then().statusCode(200)
                    .body("invited", is(1)).body("answered", is(1));
            assertThat(rows.count("select count(*) from survey_invitation where survey_id = ?::uuid and email = ? "
                    + "and contributor_id is null and reason is null and score = 2", survey, EmailSuppression.hashed(address)))
                    .isOne();
            assertThat(rows.count("select count(*) from email_suppression where email = ? and reason = 'UNSUBSCRIBED'",
                    EmailSuppression.hashed(address))).as("suppressed as a hash").isOne();
            assertThat(rows.count("select count(*) from preference where user_id = ?", subject)).isZero();

            // integrators heard of the erasure, without the person
            await().atMost(SOON).until(() -> integrator.received("feedback.erased", first) != null);
            var notice = integrator.received("feedback.erased", first);
            assertThat(notice.path("data").has("contributorId")).isFalse();
            assertThat(notice.path("data").has("addressHashes")).isFalse();
            assertThat(notice.path("subject").asText()).isNotEqualTo(subject);
            assertThat(rows.count("select count(*) from webhook_delivery where subscription_id = ?::uuid "
                    + "and event_type = 'feedback.received' and strpos(payload::text, ?) > 0", subscription, first.toString()))
                    .as("the delivery that carried his words").isZero();

            given().auth().oauth2(bob).get("/api/me/export").then().statusCode(200)
                    .body("subject", is(subject))
                    .body("addresses", not(hasItem(address)))
                    .body("preferences.defaults", is(true))
                    .body("contributions", empty())
                    .body("notifications", empty())
                    .body("surveyInvitations", empty())
                    .body("suppressions.email", not(hasItem(address)));

            // the same event again changes nothing: had it been handled twice, the text would be erased again
            rows.execute("update contribution set text = 'Set by the test after the erasure' where feedback_id = ?", first);
            events.publish(erasedFirst);
            events.awaitFeedbackEventsHandled();
            assertThat(rows.count("select count(*) from contribution where feedback_id = ? and text = ?", first,
                    "Set by the test after the erasure")).isOne();
            assertThat(rows.count("select count(*) from processed_event where event_id = ?::uuid",
                    erasedFirst.path("id").asText())).isOne();
            rows.execute("update contribution set text = '[erased]' where feedback_id = ?", first);

            // the address stays suppressed: unsubscribing again, or a bounce, keeps it a hash; new e-mail to it is held back
            given().get(unsubscribePath).then().statusCode(200);
            assertThat(VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    suppressions.bounced(address.toUpperCase(), Instant.now())))).as("already suppressed").isFalse();
            assertThat(rows.count("select count(*) from email_suppression where email = ?", address)).isZero();
            var later = UUID.randomUUID();
            events.publish(Events.feedbackReceived(later, null, address, "Written after the erasure"));
            await().atMost(SOON).until(() -> rows.count("""
                    select count(*) from notification where feedback_ids @> array[?::uuid] and channel = 'EMAIL'
                      and status = 'SUPPRESSED' and last_error = 'the address unsubscribed'""", later.toString()) == 1);
            integrator.unsubscribe(subscription);
        }
    }

    @Test
    void oldFeedbackLosesItsWordsAndContactAndStaysCounted() throws Exception {
        var word = uniqueWord();
        var address = "r" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var topic = topic();
        var feedback = UUID.randomUUID();
        var start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        events.publish(received(feedback, null, address, "Refunds take weeks " + word + ", really weeks.", topic));
        await().atMost(SOON).until(() -> rows.count("""
                select count(*) from notification where feedback_ids @> array[?::uuid] and kind = 'ACKNOWLEDGED'
                  and status = 'SENT' and data ->> 'quote' like ?""", feedback.toString(), "%" + word + "%") == 1);
        assertThat(loopOf(topic, start)).isEqualTo(List.of(1, 1, 0, 0));

        events.publish(Events.feedbackErased("RETENTION", null, List.of(feedback), null));

        await().atMost(SOON).until(() -> rows.count("""
                select count(*) from contribution where feedback_id = ? and text = '[redacted]' and contact_email is null
                  and not consent_to_contact and topic = ? and erased_at is not null""", feedback, topic) == 1);
        assertThat(rows.count("""
                select count(*) from notification where feedback_ids @> array[?::uuid] and kind = 'ACKNOWLEDGED'
                  and data ->> 'quote' = '[redacted]'""", feedback.toString())).isOne();
        assertThat(mentions(word)).as("the words").isEmpty();
        assertThat(loopOf(topic, start)).as("still counted").isEqualTo(List.of(1, 1, 0, 0));
    }

    @Test
    void onlyCustomersHaveDataToExport() {
        for (var staff : List.of("olivia", "maria", "admin")) {
            given().auth().oauth2(Tokens.of(staff)).get("/api/me/export").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.integrator()).get("/api/me/export").then().statusCode(403);
        given().get("/api/me/export").then().statusCode(401);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/me/export'.get.tags", hasItem("My data"))
                .body("paths.'/api/me/export'.get.security", not(empty()))
                .body("components.schemas.MyNotificationData.properties.notifications", not(nullValue()));
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** Ten random lower-case letters: found nowhere but where this test put them. */
    private static String uniqueWord() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** A topic of this test's own, so that the insights' figures for it are this test's alone. */
    private static String topic() {
        return "rights-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ObjectNode received(UUID feedback, String contributorId, String email, String text, String topic) {
        var event = Events.feedbackReceived(feedback, contributorId, email, text);
        ((ObjectNode) event.get("data")).put("topic", topic);
        return event;
    }

    private static ObjectNode progress(UUID action, String title, String note) {
        var event = Events.event("action.progress-posted", "/action-service", action);
        ((ObjectNode) event.get("data")).put("actionId", action.toString()).put("title", title)
                .put("status", "IN_PROGRESS").put("publicNote", note).put("actorId", "owner-1")
                .put("postedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        return event;
    }

    /**
     * Group {@code group} of the first match of {@code pattern} in the e-mails that reached {@code address}: in their
     * bodies as read, or in their headers.
     */
    private static String linkIn(String address, String pattern, int group, boolean inBody) {
        var regex = Pattern.compile(pattern);
        var found = new String[1];
        await().atMost(SOON).until(() -> {
            for (var mail : Mailbox.of(address)) {
                var matcher = regex.matcher(inBody ? mail.readable() : mail.content().replaceAll("\\r?\\n\\s", ""));
                if (matcher.find()) {
                    found[0] = matcher.group(group);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The loop insights of a topic since {@code from}: contributors, acknowledged, told, closed. */
    private static List<Integer> loopOf(String topic, Instant from) {
        var group = given().auth().oauth2(Tokens.of("maria")).queryParam("from", from.toString())
                .queryParam("to", from.plus(Duration.ofHours(1)).toString()).get("/api/insights/loop")
                .then().statusCode(200).extract().jsonPath().getMap("byTopic.find { it.key == '" + topic + "' }");
        assertThat(group).as("the topic's figures").isNotNull();
        return List.of((Integer) group.get("contributors"), (Integer) group.get("acknowledged"),
                (Integer) group.get("told"), (Integer) group.get("closed"));
    }

    /** Where {@code needle} is still held in this service's database ("table.column"). */
    private List<String> mentions(String needle) {
        return new Rows(database).mentions(needle);
    }

    /** An integrator's endpoint on 127.0.0.1 that accepts every delivery, and its subscriptions. */
    private static final class Integrator implements AutoCloseable {

        private final HttpServer server;
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final List<String> subscriptions = new ArrayList<>();

        Integrator() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
        }

        String subscribe(String... eventTypes) {
            String id = given().auth().oauth2(Tokens.integrator()).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks",
                            "eventTypes", List.of(eventTypes), "description", "data rights test"))
                    .post("/api/webhooks").then().statusCode(201).extract().path("id");
            subscriptions.add(id);
            return id;
        }

        /** The delivered event of this type that names {@code feedback} in its data, or null. */
        JsonNode received(String type, UUID feedback) {
            return received.stream().filter(event -> event.path("type").asText().equals(type)
                    && event.path("data").toString().contains(feedback.toString())).findFirst().orElse(null);
        }

        void unsubscribe(String id) {
            given().auth().oauth2(Tokens.integrator()).delete("/api/webhooks/" + id).then().statusCode(204);
            subscriptions.remove(id);
        }

        @Override
        public void close() {
            subscriptions.forEach(id -> given().auth().oauth2(Tokens.integrator()).delete("/api/webhooks/" + id));
            server.stop(0);
        }
    }
}
