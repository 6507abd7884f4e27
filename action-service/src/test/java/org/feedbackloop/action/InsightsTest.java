package org.feedbackloop.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.insights.ActionInsights;
import org.feedbackloop.action.insights.ActionInsights.Durations;
import org.feedbackloop.action.insights.ActionInsights.TeamInsights;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;

/**
 * The managers' insights over a period, on actions, feedback and kudos written straight into the tables in March 2003, a
 * month no other test writes in, of teams no other test has: each figure is the one computed by hand below.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InsightsTest {

    private static final String TOPIC = "insights-test";
    private static final Instant T0 = Instant.parse("2003-03-10T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Durations NONE = new Durations(0, null, null);

    @Inject
    AgroalDataSource database;

    @Inject
    ObjectMapper json;

    private Rows rows;

    /** This test's rows of an earlier run go first: the database keeps them, and the total is over all teams. */
    @BeforeEach
    void removeEarlierRuns() {
        rows = new Rows(database);
        var ours = "(select id from action where topic = ?)";
        rows.execute("delete from feedback_item where topic = ? or action_id in " + ours, TOPIC, TOPIC);
        rows.execute("delete from action_history where action_id in " + ours, TOPIC);
        rows.execute("delete from me_too where action_id in " + ours, TOPIC);
        rows.execute("delete from action where topic = ?", TOPIC);
    }

    @Test
    void figuresOfThePeriodByTeamAndOverAll() {
        var now = Instant.now();
        var later = now.plus(Duration.ofDays(30));

        // insights-a, period [2003-03-01, 2003-04-01)
        // a1 DONE, created T0, closed T0+1h, due T0+1d: on time, 1 h
        var a1 = action("insights-a", "DONE", T0, T0.plus(HOUR), T0.plusSeconds(86_400), null, null);
        // a2 DECLINED (closed too), created T0, closed T0+2h, due T0+1h: late, 2 h
        var a2 = action("insights-a", "DECLINED", T0, T0.plus(HOUR.multipliedBy(2)), T0.plus(HOUR), null, null);
        // a3 DONE, created T0, closed T0+10h, due T0+5d: on time, 10 h
        var a3 = action("insights-a", "DONE", T0, T0.plus(HOUR.multipliedBy(10)), T0.plus(Duration.ofDays(5)), null, null);
        // a4 merged into a1: nowhere, although created in the period, and its feedback neither
        var a4 = action("insights-a", "MERGED", T0, T0.plus(HOUR), T0.plus(HOUR), null, a1);
        // a5 created before the period (not opened in it), closed in it after its due date: late, 20 h
        var a5 = action("insights-a", "DONE", at("2003-02-28T20:00:00Z"), at("2003-03-01T16:00:00Z"),
                at("2003-03-01T00:00:00Z"), null, null);
        // a6 opened in the period, closed after it: opened, not closed
        var a6 = action("insights-a", "DONE", at("2003-03-31T20:00:00Z"), at("2003-04-01T02:00:00Z"),
                at("2003-04-05T00:00:00Z"), null, null);
        // a7 opened in the period, open now, both dates ahead: open, not overdue
        var a7 = action("insights-a", "IN_PROGRESS", at("2003-03-20T00:00:00Z"), null, later, null, null);
        // o1 open now past its due date, o2 past its inform-by date: open and overdue (created before the period)
        action("insights-a", "OPEN", at("2003-02-01T00:00:00Z"), null, at("2003-02-15T00:00:00Z"), null, null);
        action("insights-a", "PLANNED", at("2003-02-01T00:00:00Z"), null, later, at("2003-02-05T00:00:00Z"), null);

        // feedback of insights-a (received, linked); "first" is the earliest linked of its action
        // f1 of a1, received T0−2h, linked first: 3 h to close
        feedback(a1, T0.minus(HOUR.multipliedBy(2)), T0, false);
        // f2 of a1, silent: nowhere (but linked before f3)
        feedback(a1, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofMinutes(15)), true);
        // f3 of a1, received T0+30min: a repeat; 30 min to close
        feedback(a1, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(30)), false);
        // f4 of a2, received before the period (not an item of it), linked first: 10 d to close
        feedback(a2, at("2003-02-28T02:00:00Z"), T0, false);
        // f5 of a2, received T0+1h: a repeat; 1 h to close
        feedback(a2, T0.plus(HOUR), T0.plus(HOUR), false);
        // f6 of a3, silent, linked first
        feedback(a3, at("2003-03-05T00:00:00Z"), T0, true);
        // f7 of a3, received T0+5h: a repeat of the silent one; 5 h to close
        feedback(a3, T0.plus(HOUR.multipliedBy(5)), T0.plus(HOUR.multipliedBy(5)), false);
        // f8 of a4, the merged action: nowhere
        feedback(a4, T0, T0, false);
        // f9 of a5, received before the period: 20 h to close
        feedback(a5, at("2003-02-28T20:00:00Z"), at("2003-02-28T20:00:00Z"), false);
        // f10 of a6, first; a6 is not closed in the period
        feedback(a6, at("2003-03-31T20:00:00Z"), at("2003-03-31T20:00:00Z"), false);
        // f11 and f12 of a7, linked at the same instant: the lower feedback id, f11, is first
        var sameInstant = at("2003-03-20T00:00:00Z");
        feedback(UUID.fromString("00000000-0000-4000-8000-000000000011"), a7, sameInstant, sameInstant, false);
        feedback(UUID.fromString("00000000-0000-4000-8000-000000000012"), a7, sameInstant, sameInstant, false);
        // f13, tracked by no action: nowhere
        feedback(null, T0, null, false);

        // insights-b: b1 opened and closed on time in 6 h; its one feedback received 30 h before the close
        var b1 = action("insights-b", "DONE", at("2003-03-15T00:00:00Z"), at("2003-03-15T06:00:00Z"),
                at("2003-03-16T00:00:00Z"), null, null);
        feedback(b1, at("2003-03-14T00:00:00Z"), at("2003-03-15T00:00:00Z"), false);

        // insights-c: c1 opened in the period, closed after it; one feedback received in the period
        var c1 = action("insights-c", "DONE", at("2003-03-25T00:00:00Z"), at("2003-05-01T00:00:00Z"),
                at("2003-06-01T00:00:00Z"), null, null);
        feedback(c1, at("2003-03-25T00:00:00Z"), at("2003-03-25T00:00:00Z"), false);

        // insights-quiet: a merged action and silent feedback of an action closed before the period: every figure 0
        var q1 = action("insights-quiet", "DONE", at("2003-01-01T00:00:00Z"), at("2003-01-02T00:00:00Z"),
                at("2003-01-10T00:00:00Z"), null, null);
        action("insights-quiet", "MERGED", at("2003-03-02T00:00:00Z"), at("2003-03-02T01:00:00Z"),
                at("2003-03-03T00:00:00Z"), null, q1);
        feedback(q1, at("2003-03-02T00:00:00Z"), at("2003-03-02T00:00:00Z"), true);

        // praise passed on as kudos (no action): counted by the time it was passed, imported history left out
        // insights-a: k1 and k2 in the period; k3 silent; k4 passed before the period, k5 at its end (exclusive)
        kudos("insights-a", at("2003-03-05T00:00:00Z"), false);
        kudos("insights-a", at("2003-03-31T23:59:59Z"), false);
        kudos("insights-a", at("2003-03-10T00:00:00Z"), true);
        kudos("insights-a", at("2003-02-28T23:00:00Z"), false);
        kudos("insights-a", at("2003-04-01T00:00:00Z"), false);
        // insights-b: one
        kudos("insights-b", at("2003-03-15T12:00:00Z"), false);
        // insights-kudos: a team that only received praise: two, and every other figure 0
        kudos("insights-kudos", at("2003-03-01T00:00:00Z"), false);
        kudos("insights-kudos", at("2003-03-20T00:00:00Z"), false);

        var insights = insights("from=2003-03-01&to=2003-04-01");
        assertThat(insights.from()).isEqualTo(at("2003-03-01T00:00:00Z"));
        assertThat(insights.to()).isEqualTo(at("2003-04-01T00:00:00Z"));
        assertThat(insights.generatedAt()).isBetween(now.minusSeconds(1), Instant.now());
        assertThat(insights.teams()).isSortedAccordingTo(Comparator.comparing(TeamInsights::team));
        assertThat(insights.teams()).extracting(TeamInsights::team).doesNotContain("insights-quiet");

        // insights-a
        // opened: a1, a2, a3, a6, a7 = 5 (a4 merged, a5 and o1, o2 created before)
        // closed: a1, a2 (declined), a3, a5 = 4; late: a2 (2 h > 1 h), a5 (16:00 > 00:00) = 2
        // open now: a7, o1, o2 = 3; overdue now: o1 (due), o2 (inform-by) = 2
        // overdue rate: (2 + 2) / (4 + 3) = 4/7
        // time to close: 1 h, 2 h, 10 h, 20 h = 3600, 7200, 36000, 72000 s
        //   median at rank 0.5 × 3 = 1.5: 7200 + 0.5 × (36000 − 7200) = 21600
        //   p90 at rank 0.9 × 3 = 2.7: 36000 + 0.7 × (72000 − 36000) = 61200
        // feedback to close (not silent, of a1, a2, a3, a5): f3 30 min, f5 1 h, f1 3 h, f7 5 h, f9 20 h, f4 10 d
        //   = 1800, 3600, 10800, 18000, 72000, 864000 s
        //   median at rank 0.5 × 5 = 2.5: 10800 + 0.5 × (18000 − 10800) = 14400
        //   p90 at rank 0.9 × 5 = 4.5: 72000 + 0.5 × (864000 − 72000) = 468000
        // feedback items (not silent, received in the period, of unmerged actions): f1, f3, f5, f7, f10, f11, f12 = 7
        // repeats: f3 (after f1), f5 (after f4), f7 (after the silent f6), f12 (same instant as f11, higher id) = 4
        // kudos passed: k1, k2 = 2 (they are no feedback items of an action either)
        assertThat(team(insights, "insights-a")).isEqualTo(new TeamInsights("insights-a", 5, 4, 2, 3, 2, 4.0 / 7,
                new Durations(4, 21_600L, 61_200L), new Durations(6, 14_400L, 468_000L), 7, 4, 2));

        // insights-b: one action, on time, 6 h; its feedback 30 h before the close; no repeat
        // overdue rate: (0 + 0) / (1 + 0) = 0; one kudos
        assertThat(team(insights, "insights-b")).isEqualTo(new TeamInsights("insights-b", 1, 1, 0, 0, 0, 0.0,
                new Durations(1, 21_600L, 21_600L), new Durations(1, 108_000L, 108_000L), 1, 0, 1));

        // insights-c: nothing closed in the period and nothing open: no overdue rate
        assertThat(team(insights, "insights-c")).isEqualTo(new TeamInsights("insights-c", 1, 0, 0, 0, 0, null,
                NONE, NONE, 1, 0, 0));

        // insights-kudos: no action at all, yet a team of the report: two kudos
        assertThat(team(insights, "insights-kudos")).isEqualTo(new TeamInsights("insights-kudos", 0, 0, 0, 0, 0, null,
                NONE, NONE, 0, 0, 2));

        // total of the period (no other test writes in it): a + b + c
        // opened 5 + 1 + 1 = 7; closed 4 + 1 = 5; late 2
        // time to close: 3600, 7200, 21600, 36000, 72000
        //   median at rank 2: 21600; p90 at rank 3.6: 36000 + 0.6 × (72000 − 36000) = 57600
        // feedback to close: 1800, 3600, 10800, 18000, 72000, 108000, 864000
        //   median at rank 3: 18000; p90 at rank 5.4: 108000 + 0.4 × (864000 − 108000) = 410400
        // feedback items 7 + 1 + 1 = 9; repeats 4; kudos passed 2 + 1 + 2 = 5
        // open now and overdue now count every team's open actions, other tests' too: at least a's
        var total = insights.total();
        assertThat(total).usingRecursiveComparison().ignoringFields("openNow", "overdueNow", "overdueRate")
                .isEqualTo(new TeamInsights(null, 7, 5, 2, 0, 0, null,
                        new Durations(5, 21_600L, 57_600L), new Durations(7, 18_000L, 410_400L), 9, 4, 5));
        assertThat(total.openNow()).isGreaterThanOrEqualTo(3);
        assertThat(total.overdueNow()).isGreaterThanOrEqualTo(2);
        assertThat(total.overdueRate()).isEqualTo((double) (total.closedLate() + total.overdueNow())
                / (total.closed() + total.openNow()));

        // a period without any of it: only what is open now remains, of a: (0 + 2) / (0 + 3)
        var empty = insights("from=1903-03-01&to=1903-04-01");
        assertThat(team(empty, "insights-a")).isEqualTo(new TeamInsights("insights-a", 0, 0, 0, 3, 2, 2.0 / 3,
                NONE, NONE, 0, 0, 0));
        assertThat(empty.teams()).extracting(TeamInsights::team).doesNotContain("insights-b", "insights-c", "insights-kudos");
        assertThat(empty.total()).usingRecursiveComparison().ignoringFields("openNow", "overdueNow", "overdueRate")
                .isEqualTo(new TeamInsights(null, 0, 0, 0, 0, 0, null, NONE, NONE, 0, 0, 0));
    }

    @Test
    void theContractsNamesAndDefaults() {
        var before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        given().auth().oauth2(Tokens.of("admin")).get("/api/insights/actions").then().statusCode(200)
                .body("total.team", nullValue())
                .body("total.timeToClose.keySet()", containsInAnyOrder("count", "medianSeconds", "p90Seconds"))
                .body("total.keySet()", containsInAnyOrder("team", "opened", "closed",
                        "closedLate", "openNow", "overdueNow", "overdueRate", "timeToClose", "feedbackToClose",
                        "feedbackItems", "repeats", "kudosPassed"));
        var insights = insights("");
        // no period asked: the 30 days before now
        assertThat(insights.to()).isBetween(before, Instant.now());
        assertThat(Duration.between(insights.from(), insights.to())).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aPeriodMustEndAfterItStartsAndBeRead() {
        assertProblem(given().auth().oauth2(Tokens.of("maria"))
                .get("/api/insights/actions?from=2026-02-01&to=2026-01-01"), 400, "from");
        assertProblem(given().auth().oauth2(Tokens.of("maria")).get("/api/insights/actions?from=garbage"), 400, "from");
        assertProblem(given().auth().oauth2(Tokens.of("maria"))
                .get("/api/insights/actions?from=2024-01-01&to=2025-06-01"), 400, "from");
        assertProblem(given().auth().oauth2(Tokens.of("maria")).get("/api/insights/actions?to=2026-13-01"), 400, "to");
    }

    @Test
    void onlyManagersAndAdminsReadIt() {
        given().auth().oauth2(Tokens.of("admin")).get("/api/insights/actions").then().statusCode(200);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/insights/actions").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("alice")).get("/api/insights/actions").then().statusCode(403);
        given().get("/api/insights/actions").then().statusCode(401);
    }

    private ActionInsights insights(String query) {
        var body = given().auth().oauth2(Tokens.of("maria")).get("/api/insights/actions" + (query.isEmpty() ? "" : "?" + query)).then()
                .statusCode(200).contentType("application/json").extract().asString();
        try {
            return json.readValue(body, ActionInsights.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TeamInsights team(ActionInsights insights, String team) {
        return insights.teams().stream().filter(t -> team.equals(t.team())).findFirst()
                .orElseThrow(() -> new AssertionError(team + " is not among " + insights.teams()));
    }

    private UUID action(String team, String status, Instant createdAt, Instant closedAt, Instant dueAt,
                        Instant informBy, UUID mergedInto) {
        var id = UUID.randomUUID();
        rows.execute("""
                insert into action (id, title, topic, team, status, priority, due_at, inform_by, merged_into,
                                    created_at, updated_at, closed_at)
                values (?, 'Insights test', ?, ?, ?, 'P3', ?, ?, ?, ?, ?, ?)""",
                id, TOPIC, team, status, time(dueAt), time(informBy), mergedInto, time(createdAt), time(createdAt),
                time(closedAt));
        return id;
    }

    private void feedback(UUID action, Instant receivedAt, Instant linkedAt, boolean silent) {
        feedback(UUID.randomUUID(), action, receivedAt, linkedAt, silent);
    }

    private void feedback(UUID id, UUID action, Instant receivedAt, Instant linkedAt, boolean silent) {
        rows.execute("""
                insert into feedback_item (feedback_id, action_id, text, topic, sentiment, channel, consent_to_contact,
                                           received_at, linked_at, silent)
                values (?, ?, 'The same thing again', ?, -0.2, 'WEB', false, ?, ?, ?)""",
                id, action, TOPIC, time(receivedAt), time(linkedAt), silent);
    }

    /** Praise passed to {@code team} as kudos at {@code passedAt} (received an hour before), tracked by no action. */
    private void kudos(String team, Instant passedAt, boolean silent) {
        rows.execute("""
                insert into feedback_item (feedback_id, text, topic, sentiment, rating_scale, rating_score, channel,
                                           consent_to_contact, received_at, silent, kudos_team, kudos_at)
                values (?, 'Wonderful, thank you', ?, 0.8, 'NPS', 10, 'WEB', false, ?, ?, ?, ?)""",
                UUID.randomUUID(), TOPIC, time(passedAt.minus(HOUR)), silent, team, time(passedAt));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
