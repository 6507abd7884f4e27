package org.feedbackloop.notification.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.Mailbox;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.notification.wording.Wording;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The weekly stories digest over a week of its own (a random week of the past: no other test writes there), built
 * with the events the other services publish, sent to the real dev realm's managers and owners (maria manages; olivia
 * owns billing, oscar delivery) by calling the check with the moment it would run at.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WeeklyStoriesTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORIES_OFF = "weekly stories switched off in the preferences";

    @Inject
    AgroalDataSource database;

    @Inject
    WeeklyStories stories;

    private Events events;
    private Rows rows;
    private final String maria = Tokens.subjectOf("maria");
    private final String olivia = Tokens.subjectOf("olivia");
    private final String oscar = Tokens.subjectOf("oscar");

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

    /** What the test wrote into its week: the feedback items, the words each holds, the actions. */
    private record Story(UUID id, String words) {
    }

    private record HandBuiltWeek(Week week, String run, UUID doubleCharges, UUID lateParcels, Story hardestOnDelivery,
                                 Story hardestOnBilling, Story warmestOnDelivery, Story warmestOnBilling, Story kudos,
                                 String kudosContributor, Story silent, Story nextWeek) {

        String doubleChargesTitle() {
            return "Double charges " + run;
        }

        String lateParcelsTitle() {
            return "Late parcels " + run;
        }

        String doneNote() {
            return "We refunded every double charge " + run;
        }
    }

    @Test
    void eachManagerAndOwnerHearsTheirWeekOnceAndNoMore() throws Throwable {
        var built = handBuiltWeek();
        var week = built.week();
        var monday = week.end();

        // before Monday's hour nothing is due
        assertThat(sendDue(monday.plus(Duration.ofHours(7)))).isZero();
        assertThat(digests(week)).isZero();

        setStories("oscar", false);
        try {
            // two replicas checking at once, then a later check: each person has the week once
            var at = monday.plus(Duration.ofHours(9));
            var first = CompletableFuture.supplyAsync(() -> sendDueUnchecked(at));
            var second = CompletableFuture.supplyAsync(() -> sendDueUnchecked(at));
            assertThat(first.join() + second.join()).isGreaterThanOrEqualTo(3);
            assertThat(sendDue(at.plus(Duration.ofHours(30)))).as("a later check of the same week").isZero();
        } finally {
            setStories("oscar", true);
        }
        for (var person : List.of(maria, olivia, oscar)) {
            assertThat(rows.count("select count(*) from notification where source_event_id = ?::uuid and kind = 'STORIES'",
                    WeeklyStories.sourceOf(week, person).toString())).as("inbox and e-mail, once each").isEqualTo(2);
        }

        // the manager: every team's most negative and most positive words, the most "me too"-ed, what was done, kudos
        var toMaria = digest(week, maria);
        assertThat(toMaria.path("title").asText()).isEqualTo("Your week's stories: " + Wording.week(week));
        assertThat(toMaria.path("body").asText())
                .contains(built.hardestOnDelivery().words(), built.warmestOnDelivery().words(),
                        built.doubleChargesTitle() + " (billing), 3 customers this week",
                        built.hardestOnBilling().words(), // the words the double charges began with
                        built.doneNote(), "Kudos: 1 passed", built.kudos().words())
                .doesNotContain(built.silent().words(), built.nextWeek().words(), built.warmestOnBilling().words());
        var data = toMaria.path("data");
        assertThat(data.path("teams").isNull()).isTrue();
        assertThat(data.path("mostNegative").path("feedbackId").asText()).isEqualTo(built.hardestOnDelivery().id().toString());
        assertThat(data.path("mostPositive").path("feedbackId").asText()).isEqualTo(built.warmestOnDelivery().id().toString());
        assertThat(data.path("mostMeTooed").path("actionId").asText()).isEqualTo(built.doubleCharges().toString());
        assertThat(data.path("mostMeTooed").path("meToos").asLong()).isEqualTo(3);
        assertThat(data.path("completed").findValuesAsText("title")).containsExactly(built.doubleChargesTitle());
        assertThat(data.path("kudosPassed").asLong()).isEqualTo(1);
        assertThat(toMaria.path("feedbackIds").toString()).as("every item it quotes").contains(
                built.hardestOnDelivery().id().toString(), built.warmestOnDelivery().id().toString(),
                built.hardestOnBilling().id().toString(), built.kudos().id().toString());

        // an owner: their teams' only
        var toOlivia = digest(week, olivia);
        assertThat(toOlivia.path("data").path("teams").toString()).isEqualTo("[\"billing\"]");
        assertThat(toOlivia.path("body").asText())
                .contains(built.hardestOnBilling().words(), built.warmestOnBilling().words(), built.doubleChargesTitle(),
                        built.doneNote(), built.kudos().words())
                .doesNotContain(built.hardestOnDelivery().words(), built.warmestOnDelivery().words(),
                        built.lateParcelsTitle());

        // switched off: recorded, not delivered
        assertThat(rows.count("select count(*) from notification where source_event_id = ?::uuid and status = 'SUPPRESSED' "
                + "and last_error = ?", WeeklyStories.sourceOf(week, oscar).toString(), STORIES_OFF)).isEqualTo(2);
        given().auth().oauth2(Tokens.of("oscar")).queryParam("limit", 100).get("/api/me/notifications").then()
                .statusCode(200).body("items.findAll { it.kind == 'STORIES' && it.title.contains('" + Wording.week(week)
                        + "') }", empty());

        // by e-mail at the directory's address, once, the customers' words escaped
        var subject = "Your week's stories: " + Wording.week(week);
        await().atMost(SOON).until(() -> mails("maria@example.com", subject).size() == 1);
        var html = html(mails("maria@example.com", subject).getFirst());
        assertThat(html).contains("Hardest to hear", "&lt;script&gt;alert(", built.doubleChargesTitle(), built.doneNote())
                .doesNotContain("<script>");
        await().atMost(SOON).until(() -> mails("olivia@example.com", subject).size() == 1);
        assertThat(mails("oscar@example.com", subject)).isEmpty();
        assertThat(rows.count("select count(*) from notification where source_event_id = ?::uuid and channel = 'EMAIL' "
                + "and email = 'maria@example.com'", WeeklyStories.sourceOf(week, maria).toString())).isOne();

        // erasure: a digest loses the erased item's words, and keeps the others'
        events.publish(Events.feedbackErased("RETENTION", null, List.of(built.hardestOnBilling().id()), null));
        events.publish(Events.feedbackErased("REQUESTED", built.kudosContributor(), List.of(built.kudos().id()), List.of()));
        await().atMost(SOON).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(rows.mentions(built.hardestOnBilling().words())).as("the expired words").isEmpty();
            assertThat(rows.mentions(built.kudos().words())).as("the erased person's words").isEmpty();
        });
        var erased = digest(week, maria);
        assertThat(erased.path("body").asText()).contains(built.hardestOnDelivery().words(), "\u201c[redacted]\u201d",
                "\u201c[erased]\u201d");
        assertThat(erased.path("data").path("mostMeTooed").path("story").path("quote").asText()).isEqualTo("[redacted]");
        assertThat(erased.path("data").path("kudos").get(0).path("quote").asText()).isEqualTo("[erased]");
        assertThat(erased.path("data").path("mostNegative").path("quote").asText()).contains(built.hardestOnDelivery().words());
    }

    @Test
    void theStoriesAreAPreferenceOnUntilSwitchedOff() {
        var oscarToken = Tokens.of("oscar");
        given().auth().oauth2(oscarToken).get("/api/me/preferences").then().statusCode(200)
                .body("stories", is(true));
        setStories("oscar", false);
        try {
            // a client that does not know the switch leaves it as it is
            given().auth().oauth2(oscarToken).contentType("application/json")
                    .body(Map.of("email", true, "inApp", true, "digest", "DAILY")).put("/api/me/preferences").then()
                    .statusCode(200).body("stories", is(false))
                    .body("digest", is("DAILY"));
            given().auth().oauth2(oscarToken).get("/api/me/preferences").then().statusCode(200)
                    .body("stories", is(false));
        } finally {
            setStories("oscar", true);
        }
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.Preferences.properties.stories.type", is("boolean"))
                .body("components.schemas.Preferences.required", not(
                        hasItem("stories")));
    }

    @Test
    void aQuietWeekTellsNobody() throws Throwable {
        var quiet = Week.of(LocalDate.of(1993, 1, 4).plusWeeks(ThreadLocalRandom.current().nextInt(100)));
        forget(quiet);
        assertThat(sendDue(quiet.end().plus(Duration.ofHours(8)))).isZero();
        assertThat(digests(quiet)).isZero();
    }

    @Test
    void theLastCompleteWeekIsTheIsoWeekBeforeInUtc() {
        var week = Week.lastCompleteAt(Instant.parse("2027-01-11T08:00:00Z")); // a Monday
        assertThat(week).isEqualTo(new Week(Instant.parse("2027-01-04T00:00:00Z"), Instant.parse("2027-01-11T00:00:00Z")));
        assertThat(Week.lastCompleteAt(Instant.parse("2027-01-17T23:59:59Z"))).isEqualTo(week);
        assertThat(Wording.week(week)).isEqualTo("4–10 January 2027");
        assertThat(Wording.week(Week.of(LocalDate.of(2026, 12, 30)))).isEqualTo("28 December 2026 – 3 January 2027");
        assertThat(Wording.week(Week.of(LocalDate.of(2027, 2, 1)))).isEqualTo("1–7 February 2027");
        assertThat(Wording.week(Week.of(LocalDate.of(2027, 3, 1)))).isEqualTo("1–7 March 2027");
        assertThat(Wording.week(Week.of(LocalDate.of(2027, 5, 31)))).isEqualTo("31 May – 6 June 2027");
    }

    // --- the week -----------------------------------------------------------------------------------------

    /**
     * Billing: "double charges" (its first words the hardest on billing, 3 "me too", done in the week with a note) and
     * "invoice layout" (the warmest on billing, warmer once the analysis read it again), kudos to billing. Delivery:
     * "late parcels" (the hardest words of all, the warmest of all, 1 "me too"). Not quoted: a silent import, harder
     * than all, and words of the week after.
     */
    private HandBuiltWeek handBuiltWeek() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var week = Week.of(LocalDate.of(1996, 1, 1).plusWeeks(ThreadLocalRandom.current().nextInt(1500)));
        forget(week);
        var start = week.start();
        var doubleCharges = UUID.randomUUID();
        var invoiceLayout = UUID.randomUUID();
        var lateParcels = UUID.randomUUID();

        var silent = said("An imported complaint " + word(), "billing", -1.0, start.plusSeconds(60),
                data -> data.put("silent", true));
        var hardestOnBilling = said("Charged twice for March " + word(), "billing", -0.9, start.plus(Duration.ofHours(1)),
                data -> { });
        var warmestOnBilling = said("The new invoice reads well " + word(), "billing", 0.1, start.plus(Duration.ofDays(1)),
                data -> { });
        events.publishOnFeedbackEvents(Events.sentimentUpdated(warmestOnBilling.id(), 0.6));
        var hardestOnDelivery = said("<script>alert(\"late\")</script> & never again " + word(), "delivery", -0.95,
                start.plus(Duration.ofDays(2)), data -> data.put("channel", "PHONE"));
        var warmestOnDelivery = said("The courier was lovely " + word(), "delivery", 0.9, start.plus(Duration.ofDays(3)),
                data -> { });
        var nextWeek = said("Worst of all, but next week " + word(), "delivery", -1.0, week.end(), data -> { });
        var kudosContributor = "stories-" + run;
        var kudos = said("Billing support were wonderful " + word(), "billing", 0.5, start.plus(Duration.ofDays(4)),
                data -> data.put("contributorId", kudosContributor));
        for (int i = 0; i < 3; i++) {
            said("Me too: Double charges " + run, "billing", 0.0, start.plus(Duration.ofDays(5)),
                    data -> data.put("joinsAction", doubleCharges.toString()));
        }
        said("Me too: Late parcels " + run, "delivery", 0.0, start.plus(Duration.ofDays(5)),
                data -> data.put("joinsAction", lateParcels.toString()));

        link(doubleCharges, "Double charges " + run, "billing", silent, hardestOnBilling);
        link(invoiceLayout, "Invoice layout " + run, "billing", warmestOnBilling);
        link(lateParcels, "Late parcels " + run, "delivery", hardestOnDelivery, warmestOnDelivery, nextWeek);
        var done = Events.statusChanged(doubleCharges, "Double charges " + run, "IN_PROGRESS", "DONE",
                "We refunded every double charge " + run);
        ((ObjectNode) done.get("data")).put("changedAt", start.plus(Duration.ofDays(6)).toString());
        events.publish(done);
        var passed = Events.kudosPassed(kudos.id(), "billing", olivia, "billing");
        ((ObjectNode) passed.get("data")).put("receivedAt", start.plus(Duration.ofDays(4)).toString())
                .put("passedAt", start.plus(Duration.ofDays(4)).plusSeconds(5).toString());
        events.publish(passed);

        events.awaitFeedbackEventsHandled();
        events.awaitActionEventsHandled();
        await().atMost(SOON).until(() -> rows.count("select count(*) from contribution where feedback_id = ? "
                + "and kudos_team = 'billing' and sentiment = 0.5", kudos.id()) == 1);
        assertThat(rows.count("select count(*) from contribution where feedback_id = ? and sentiment = 0.6",
                warmestOnBilling.id())).as("the sentiment feedback.updated gave").isOne();
        return new HandBuiltWeek(week, run, doubleCharges, lateParcels, hardestOnDelivery, hardestOnBilling,
                warmestOnDelivery, warmestOnBilling, kudos, kudosContributor, silent, nextWeek);
    }

    /**
     * The database keeps every run's rows: what an earlier run that drew this week (or the one before, whose last item
     * falls in it) left there goes, and so do the digests it sent of it.
     */
    private void forget(Week week) {
        var from = week.start().atOffset(ZoneOffset.UTC);
        var to = week.end().plus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC);
        rows.execute("delete from contribution where received_at >= ? and received_at < ?", from, to);
        rows.execute("delete from contribution where kudos_at >= ? and kudos_at < ?", from, to);
        rows.execute("delete from tracked_action where completed_at >= ? and completed_at < ?", from, to);
        for (var person : List.of(maria, olivia, oscar)) {
            rows.execute("delete from notification where source_event_id = ?::uuid",
                    WeeklyStories.sourceOf(week, person).toString());
        }
    }

    /** A feedback item received at {@code at}, of nobody who is told anything. */
    private Story said(String words, String topic, double sentiment, Instant at, Consumer<ObjectNode> more)
            throws Exception {
        var id = UUID.randomUUID();
        var event = Events.feedbackReceived(id, null, null, words);
        var data = (ObjectNode) event.get("data");
        data.put("topic", topic).put("sentiment", sentiment).put("receivedAt", at.truncatedTo(ChronoUnit.MICROS).toString());
        more.accept(data);
        events.publish(event);
        return new Story(id, words);
    }

    /**
     * Links the items to the action and waits until each link is applied: a link that overtook its feedback is retried
     * with back-off, after the queue's marker may have gone through.
     */
    private void link(UUID action, String title, String team, Story... items) throws Exception {
        for (var item : items) {
            var link = Events.feedbackLinked(action, item.id(), title, null);
            ((ObjectNode) link.get("data")).put("team", team);
            events.publish(link);
        }
        for (var item : items) {
            await().atMost(SOON).until(() -> rows.count("select count(*) from contribution where feedback_id = ? "
                    + "and action_id = ?::uuid", item.id(), action.toString()) == 1);
        }
    }

    /** Twelve random lower-case letters: found nowhere but where this test put them. */
    private static String word() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private int sendDue(Instant now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> stories.sendDue(now));
    }

    private int sendDueUnchecked(Instant now) {
        try {
            return sendDue(now);
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    private long digests(Week week) {
        return rows.count("select count(*) from notification where kind = 'STORIES' and source_event_id in (?::uuid, "
                        + "?::uuid, ?::uuid)", WeeklyStories.sourceOf(week, maria).toString(),
                WeeklyStories.sourceOf(week, olivia).toString(), WeeklyStories.sourceOf(week, oscar).toString());
    }

    /** A person's in-app digest of the week as the database holds it: title, body, data, feedbackIds. */
    private JsonNode digest(Week week, String userId) throws SQLException, IOException {
        try (var connection = database.getConnection(); var query = connection.prepareStatement("""
                select title, body, cast(data as text), array_to_string(feedback_ids, ',') from notification
                where source_event_id = ?::uuid and channel = 'IN_APP'""")) {
            query.setString(1, WeeklyStories.sourceOf(week, userId).toString());
            try (var result = query.executeQuery()) {
                assertThat(result.next()).as("a digest for " + userId).isTrue();
                var digest = JSON.createObjectNode().put("title", result.getString(1)).put("body", result.getString(2));
                digest.set("data", JSON.readTree(result.getString(3)));
                var ids = digest.putArray("feedbackIds");
                for (var id : result.getString(4).split(",")) {
                    ids.add(id);
                }
                return digest;
            }
        }
    }

    private static void setStories(String user, boolean on) {
        given().auth().oauth2(Tokens.of(user)).contentType("application/json")
                .body(Map.of("email", true, "inApp", true, "digest", "IMMEDIATE", "stories", on))
                .put("/api/me/preferences").then().statusCode(200).body("stories", is(on));
    }

    private static List<Mailbox.Mail> mails(String address, String subject) {
        return Mailbox.of(address).stream().filter(mail -> mail.subject().equals(subject)).toList();
    }

    /** The HTML part as the person's mail program shows its source (the plain-text part comes before it). */
    private static String html(Mailbox.Mail mail) {
        var readable = mail.readable();
        var start = readable.indexOf("<!DOCTYPE html>");
        assertThat(start).as("an HTML part").isNotNegative();
        return readable.substring(start);
    }
}
