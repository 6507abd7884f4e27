package org.feedbackloop.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.feedbackloop.events.FeedbackReceived;
import org.feedbackloop.notification.domain.Segment;
import org.feedbackloop.notification.insights.LoopInsights;
import org.feedbackloop.notification.insights.LoopInsights.Durations;
import org.feedbackloop.notification.insights.LoopInsights.Group;
import org.feedbackloop.notification.insights.LoopInsights.Waiting;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * GET /api/insights/loop over a data set of its own, written straight into the tables, every figure worked out by
 * hand; and the contribution's channel and segment as feedback.received fills them.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InsightsTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    /** In every row this test writes (topics, teams, people, the recipient): what an earlier run left is found by it. */
    private static final String OURS = "insights-test";
    private static final String RECIPIENT = "user:" + OURS;
    /**
     * The worked-out window: a minute in January 1990. The backlog counts every contribution before its end, and
     * the other tests write rows of today, so before it there are only this test's own rows.
     */
    private static final Instant FROM = Instant.parse("1990-01-15T09:00:00Z");
    private static final Instant TO = FROM.plusSeconds(60);
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;

    @Inject
    AgroalDataSource database;

    @Inject
    ObjectMapper json;

    private Rows rows;

    /** The database keeps every run's rows: this test starts from none of its own. */
    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        rows = new Rows(database);
        rows.execute("delete from notification where recipient = ?", RECIPIENT);
        rows.execute("delete from contribution where topic like ?", OURS + "-%");
        rows.execute("delete from tracked_action where team like ?", OURS + "-%");
    }

    @Test
    void everyFigureOfAWindowAsWorkedOutByHand() throws Exception {
        var from = FROM;
        var to = TO;
        var billing = OURS + "-billing";
        var delivery = OURS + "-delivery";
        var payments = OURS + "-payments";     // its action is DONE
        var logistics = OURS + "-logistics";   // its action is IN_PROGRESS
        var done = action(payments, "DONE");
        var inProgress = action(logistics, "IN_PROGRESS");

        // counted: received in [from, to), not silent, reachable, not a follow-up answer
        var c1 = contribution(from, user("u1"), billing, done, "WEB", "DETRACTOR");
        var c12 = contribution(from.plusSeconds(5), user("u1"), delivery, done, "WEB", "PROMOTER");
        var c2 = contribution(from.plusSeconds(10), email("c2"), billing, done, "EMAIL", "PROMOTER");
        var c3 = contribution(from.plusSeconds(20), user("u3"), delivery, inProgress, "WEB", "PASSIVE");
        var c4 = contribution(from.plusSeconds(30), email("c4"), delivery, inProgress, null, null); // an older row
        var c5 = contribution(from.plusSeconds(40), user("u5"), billing, null, "EMAIL", "UNRATED");
        var c6 = contribution(from.plusSeconds(50), user("u6"), delivery, inProgress, "WEB", "DETRACTOR");
        rows.execute("update contribution set contact_email = ?, consent_to_contact = true where feedback_id = ?",
                OURS + "-u6@example.com", c6);

        // not counted anywhere
        var silent = contribution(from.plusSeconds(1), user("u7"), billing, done, "WEB", "UNRATED");
        rows.execute("update contribution set silent = true where feedback_id = ?", silent);
        var nobody = contribution(from.plusSeconds(2), email("c8"), billing, done, "WEB", "UNRATED");
        rows.execute("update contribution set contact_email = null, consent_to_contact = false where feedback_id = ?", nobody);
        var noConsent = contribution(from.plusSeconds(3), email("c8b"), billing, done, "WEB", "UNRATED");
        rows.execute("update contribution set consent_to_contact = false where feedback_id = ?", noConsent);
        var answer = contribution(from.plusSeconds(4), user("u9"), billing, done, "WEB", "UNRATED");
        rows.execute("update contribution set follow_up_of_action = ? where feedback_id = ?", done, answer);
        contribution(to, user("u11"), billing, null, "WEB", "UNRATED"); // the window's end is outside it
        // before the window: not in its figures, but in the backlog unless told
        var c10 = contribution(from.minusSeconds(1), user("u10"), billing, done, "WEB", "UNRATED");
        var c13 = contribution(from.minusSeconds(10), user("u13"), billing, inProgress, "WEB", "UNRATED");
        var c14 = contribution(from.minusSeconds(5), user("u14"), billing, done, "WEB", "UNRATED");

        // acknowledgements (seconds after each receipt): c1 60, c12 60, c2 300 (e-mail: sent, not written), c3 120,
        // c5 180, c6 600 (its inbox is switched off: the SUPPRESSED in-app one written at once does not count);
        // c4's e-mail is still PENDING: not acknowledged
        notification("ACKNOWLEDGED", "IN_APP", "SENT", at(from, 60), null, null, c1);
        notification("ACKNOWLEDGED", "IN_APP", "SENT", at(from, 5 + 60), null, null, c12);
        notification("ACKNOWLEDGED", "EMAIL", "SENT", at(from, 10), at(from, 10 + 300), null, c2);
        notification("ACKNOWLEDGED", "IN_APP", "SENT", at(from, 20 + 120), null, null, c3);
        notification("ACKNOWLEDGED", "EMAIL", "PENDING", at(from, 30), null, null, c4);
        notification("ACKNOWLEDGED", "IN_APP", "SENT", at(from, 40 + 180), null, null, c5);
        notification("ACKNOWLEDGED", "IN_APP", "SUPPRESSED", at(from, 50), null, null, c6);
        notification("ACKNOWLEDGED", "EMAIL", "SENT", at(from, 50), at(from, 50 + 600), null, c6);

        // updates. u1's two items are in one message, on both channels: in the inbox at from + 2 h, the e-mail sent
        // 10 minutes later; the earliest counts, once per item: c1 7200 s, c12 7195 s, both closed (DONE)
        notification("YOU_SAID_WE_DID", "IN_APP", "SENT", at(from, 2 * HOUR), null, "DONE", c1, c12);
        notification("YOU_SAID_WE_DID", "EMAIL", "SENT", at(from, 2 * HOUR), at(from, 2 * HOUR + 600), "DONE", c1, c12);
        // c2 by e-mail: written 1 h after, sent 3 h after receipt: told and closed at 10800 s
        notification("YOU_SAID_WE_DID", "EMAIL", "SENT", at(from, 10 + HOUR), at(from, 10 + 3 * HOUR), "DONE", c2);
        // c3: progress after a day (86400 s), not closed
        notification("PROGRESS", "IN_APP", "SENT", at(from, 20 + DAY), null, "IN_PROGRESS", c3);
        // c4: the update's e-mail is not sent yet, and the due date moving is no update: never told
        notification("PROGRESS", "EMAIL", "PENDING", at(from, 30 + DAY), null, "IN_PROGRESS", c4);
        notification("DUE_CHANGED", "EMAIL", "SENT", at(from, 30 + DAY), at(from, 30 + DAY + 1), null, c4);
        // c5: nothing. c6: a status change that is not final, by e-mail after 2 days (172800 s): told, not closed
        notification("YOU_SAID_WE_DID", "IN_APP", "SUPPRESSED", at(from, 50 + 2 * DAY), null, "IN_PROGRESS", c6);
        notification("YOU_SAID_WE_DID", "EMAIL", "SENT", at(from, 50 + 2 * DAY), at(from, 50 + 2 * DAY), "IN_PROGRESS", c6);
        // before the window: c14 was told; c10 and c13 were not
        notification("PROGRESS", "IN_APP", "SENT", at(from, HOUR), null, "PLANNED", c14);
        // the excluded ones were told too, which changes nothing
        notification("ACKNOWLEDGED", "IN_APP", "SENT", at(from, 60), null, null, silent, nobody, noConsent, answer);
        notification("YOU_SAID_WE_DID", "IN_APP", "SENT", at(from, HOUR), null, "DONE", silent, nobody, noConsent, answer);

        var insights = loop(from, to);

        assertThat(insights.from()).isEqualTo(from);
        assertThat(insights.to()).isEqualTo(to);
        assertThat(insights.generatedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        // counted: c1, c12, c2, c3, c4, c5, c6 = 7; acknowledged: all but c4 = 6; told: c1, c12, c2, c3, c6 = 5;
        // closed: c1, c12, c2 = 3; rate 5/7
        assertThat(insights.total()).isEqualTo(new Group(null, 7, 6, 5, 3, 5.0 / 7));
        // EMAIL: c2 (ack, told, closed), c5 (ack) | UNKNOWN: c4 | WEB: c1, c12 (both closed), c3, c6 (told)
        assertThat(insights.byChannel()).containsExactly(
                new Group("EMAIL", 2, 2, 1, 1, 0.5),
                new Group("UNKNOWN", 1, 0, 0, 0, 0.0),
                new Group("WEB", 4, 4, 4, 2, 1.0));
        // billing: c1, c2 (told, closed), c5 (ack only) | delivery: c12 (closed), c3, c6 (told), c4 (nothing)
        assertThat(insights.byTopic()).containsExactly(
                new Group(billing, 3, 3, 2, 2, 2.0 / 3),
                new Group(delivery, 4, 3, 3, 1, 0.75));
        // logistics: c3, c6 (told), c4 | payments: c1, c12, c2 (all closed) | untracked: c5 (ack only)
        assertThat(insights.byTeam()).containsExactly(
                new Group(logistics, 3, 2, 2, 0, 2.0 / 3),
                new Group(payments, 3, 3, 3, 3, 1.0),
                new Group("untracked", 1, 1, 0, 0, 0.0));
        // DETRACTOR: c1 (closed), c6 | PASSIVE: c3 | PROMOTER: c12, c2 (closed) | UNRATED: c4 (null), c5 (ack only)
        assertThat(insights.bySegment()).containsExactly(
                new Group("DETRACTOR", 2, 2, 2, 1, 1.0),
                new Group("PASSIVE", 1, 1, 1, 0, 1.0),
                new Group("PROMOTER", 2, 2, 2, 2, 1.0),
                new Group("UNRATED", 2, 1, 0, 0, 0.0));

        // percentile_cont(f) over n sorted values: the value at position f × (n − 1), interpolated linearly
        // acknowledged: 60, 60, 120, 180, 300, 600 (n 6): median at 2.5 = (120 + 180) / 2 = 150;
        // p90 at 4.5 = (300 + 600) / 2 = 450
        assertThat(insights.timeToAcknowledge()).isEqualTo(new Durations(6, 150L, 450L));
        // told: 7195, 7200, 10800, 86400, 172800 (n 5): median at 2 = 10800;
        // p90 at 3.6 = 86400 + 0.6 × (172800 − 86400) = 138240
        assertThat(insights.timeToFirstUpdate()).isEqualTo(new Durations(5, 10_800L, 138_240L));
        // closed: 7195, 7200, 10800 (n 3): median at 1 = 7200; p90 at 1.8 = 7200 + 0.8 × (10800 − 7200) = 10080
        assertThat(insights.timeToClosure()).isEqualTo(new Durations(3, 7200L, 10_080L));

        // the backlog before to (decades old: every one over 7 days), oldest first: logistics c13 (from − 10 s) and
        // c4; payments c10 (from − 1 s); untracked c5. Not c14 (told), not the excluded ones, not the item at to.
        assertThat(insights.neverTold()).containsExactly(
                new Waiting(logistics, 2, from.minusSeconds(10), 2, 2),
                new Waiting(payments, 1, from.minusSeconds(1), 1, 1),
                new Waiting("untracked", 1, from.plusSeconds(40), 1, 1));
    }

    @Test
    void theBacklogIsTheBacklogNowWithItsAges() throws Exception {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var team = OURS + "-recent";
        var topic = OURS + "-billing";
        var action = action(team, "OPEN");
        contribution(now.minus(Duration.ofDays(1)), user("r1"), topic, action, "WEB", "UNRATED");
        contribution(now.minus(Duration.ofDays(3)), user("r3"), topic, action, "WEB", "UNRATED");
        contribution(now.minus(Duration.ofDays(8)), user("r8"), topic, action, "WEB", "UNRATED");
        var told = contribution(now.minus(Duration.ofDays(10)), user("r10"), topic, action, "WEB", "UNRATED");
        notification("PROGRESS", "IN_APP", "SENT", now.minus(Duration.ofDays(9)), null, "OPEN", told);
        // received 40 days ago, before the period's start: still waiting, so still in the backlog
        contribution(now.minus(Duration.ofDays(40)), email("r40"), topic, action, "EMAIL", "UNRATED");

        var insights = loop(now.minus(Duration.ofDays(30)), now.plusSeconds(60));

        // waiting: 1, 3, 8 and 40 days; over 2 days: 3, 8, 40; over 7 days: 8, 40
        assertThat(insights.neverTold()).filteredOn(waiting -> waiting.team().equals(team))
                .containsExactly(new Waiting(team, 4, now.minus(Duration.ofDays(40)), 3, 2));
        assertThat(insights.neverTold()).isSortedAccordingTo(Comparator.comparing(Waiting::oldestReceivedAt));
    }

    @Test
    void feedbackReceivedFillsTheChannelAndTheSegment() throws Exception {
        try (var events = new Events()) {
            var run = UUID.randomUUID().toString().substring(0, 8);
            var rated = UUID.randomUUID();
            var event = Events.feedbackReceived(rated, null, "p" + run + "@example.com", "Nobody called me back.");
            ((ObjectNode) event.get("data")).put("channel", "PHONE").putObject("rating").put("scale", "NPS").put("score", 3);
            events.publish(event);
            var unrated = UUID.randomUUID();
            events.publish(Events.feedbackReceived(unrated, null, "q" + run + "@example.com", "The site is slow."));

            await().atMost(SOON).until(() -> rows.count("select count(*) from contribution where feedback_id = ? "
                    + "and channel = 'PHONE' and segment = 'DETRACTOR'", rated) == 1);
            await().atMost(SOON).until(() -> rows.count("select count(*) from contribution where feedback_id = ? "
                    + "and channel = 'WEB' and segment = 'UNRATED'", unrated) == 1);
        }
    }

    @Test
    void theSegmentFollowsTheInformClocksDetractorRule() {
        assertThat(segments("NPS", 0, 10)).isEqualTo("DDDDDDDPPRR"); // 0–6 | 7–8 | 9–10
        assertThat(segments("CSAT", 1, 5)).isEqualTo("DDPRR");       // 1–2 | 3 | 4–5
        assertThat(Segment.of(null)).isEqualTo(Segment.UNRATED);
        assertThat(Segment.of(new FeedbackReceived.Rating("STARS", 1))).isEqualTo(Segment.UNRATED);
    }

    @Test
    void onlyManagersAndAdminsReadItWithAValidPeriod() {
        given().auth().oauth2(Tokens.of("maria")).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/api/insights/loop").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("maria")).queryParam("from", "yesterday")
                .get("/api/insights/loop").then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("olivia")).get("/api/insights/loop").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.of("alice")).get("/api/insights/loop").then().statusCode(403);
        given().get("/api/insights/loop").then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.of("admin")).get("/api/insights/loop").then().statusCode(200);
    }

    // --- the data set ------------------------------------------------------------------------------

    private static String user(String name) {
        return "user:" + OURS + "-" + name;
    }

    private static String email(String name) {
        return "email:" + OURS + "-" + name + "@example.com";
    }

    private UUID action(String team, String status) {
        var id = UUID.randomUUID();
        rows.execute("insert into tracked_action (action_id, title, team, status, updated_at) values (?, ?, ?, ?, now())",
                id, "Action of " + team, team, status);
        return id;
    }

    /** A contribution of a user ({@code user:…}) or of an address with consent ({@code email:…}). */
    private UUID contribution(Instant receivedAt, String who, String topic, UUID action, String channel, String segment) {
        var id = UUID.randomUUID();
        var user = who.startsWith("user:") ? who.substring(5) : null;
        var email = who.startsWith("email:") ? who.substring(6) : null;
        rows.execute("""
                        insert into contribution (feedback_id, contributor_id, contact_email, consent_to_contact, text, topic,
                                                  received_at, action_id, linked_at, channel, segment)
                        values (?, ?, ?, ?, 'Words', ?, ?, ?, ?, ?, ?)""",
                id, user, email, email != null, topic, time(receivedAt), action, action == null ? null : time(receivedAt),
                channel, segment);
        return id;
    }

    private void notification(String kind, String channel, String status, Instant createdAt, Instant sentAt,
                              String actionStatus, UUID... feedbackIds) {
        var ids = Arrays.stream(feedbackIds).map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        rows.execute("""
                        insert into notification (id, source_event_id, recipient, channel, kind, feedback_ids, title, body,
                                                  data, status, created_at, sent_at)
                        values (?, ?, ?, ?, ?, cast(? as uuid[]), 'Title', 'Body', cast(? as jsonb), ?, ?, ?)""",
                UUID.randomUUID(), UUID.randomUUID(), RECIPIENT, channel, kind, ids,
                actionStatus == null ? "{}" : "{\"status\": \"" + actionStatus + "\"}", status, time(createdAt),
                sentAt == null ? null : time(sentAt));
    }

    private static Instant at(Instant from, long seconds) {
        return from.plusSeconds(seconds);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private LoopInsights loop(Instant from, Instant to) throws Exception {
        var body = given().auth().oauth2(Tokens.of("maria")).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/insights/loop")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asString();
        return json.readValue(body, LoopInsights.class);
    }

    /** The segment of each score from {@code lowest} to {@code highest}: D, P (passive), R (promoter). */
    private static String segments(String scale, int lowest, int highest) {
        var letters = new StringBuilder();
        for (int score = lowest; score <= highest; score++) {
            letters.append(switch (Segment.of(new FeedbackReceived.Rating(scale, score))) {
                case DETRACTOR -> 'D';
                case PASSIVE -> 'P';
                case PROMOTER -> 'R';
                case UNRATED -> 'U';
            });
        }
        return letters.toString();
    }
}
