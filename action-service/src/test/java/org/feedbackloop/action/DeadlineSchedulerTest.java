package org.feedbackloop.action;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.feedbackloop.action.deadlines.DeadlineScheduler;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.FeedbackEvents;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.received;

/**
 * The deadline scheduler driven by explicit instants (a controllable clock: nothing sleeps until a real
 * deadline), counted in the outbox where its events are written.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadlineSchedulerTest {

    private static TestBroker broker;

    @Inject
    DeadlineScheduler scheduler;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() throws Exception {
        broker = new TestBroker("action-service tests");
        broker.tap("action.events", "action.escalated");
    }

    @AfterAll
    static void disconnect() throws Exception {
        broker.close();
    }

    /** Runs passes at {@code at} until nothing is left to announce (other tests leave open actions too). */
    private void runUntilQuiet(Instant at) throws Throwable {
        while (VertxContextSupport.subscribeAndAwait(() -> scheduler.runOnce(at)) > 0) {
            // another batch
        }
    }

    private long events(String action, String type, String clockOrReason) {
        return new Rows(database).count("""
                select count(*) from outbox_event where aggregate_id = ? and type = ?
                and (payload -> 'data' ->> 'clock' = ? or payload -> 'data' ->> 'reason' = ?)""",
                action, type, clockOrReason, clockOrReason);
    }

    private static Instant dueAt(String action) {
        return Instant.parse(given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action)
                .then().extract().path("dueAt"));
    }

    private static void tellEveryone(String action) {
        given().auth().oauth2(Tokens.of("olivia")).header("If-Match", Actions.etag(action)).contentType("application/json")
                .body(Map.of("publicNote", "We are on it.")).post("/api/actions/" + action + "/updates").then().statusCode(200);
    }

    @Test
    void theFixClockRemindsThenAnnouncesOnceThenEscalatesOnce() throws Throwable {
        var action = Actions.open(broker, "billing");
        tellEveryone(action); // stops the inform clock: only dueAt counts here
        var due = dueAt(action);

        runUntilQuiet(due.minus(Duration.ofHours(25)));
        assertThat(events(action, "action.deadline-approaching", "FIX")).isZero();

        runUntilQuiet(due.minus(Duration.ofHours(23)));
        runUntilQuiet(due.minus(Duration.ofHours(22)));
        assertThat(events(action, "action.deadline-approaching", "FIX")).isEqualTo(1);
        assertThat(events(action, "action.overdue", "FIX")).isZero();

        runUntilQuiet(due.plus(Duration.ofHours(1)));
        runUntilQuiet(due.plus(Duration.ofHours(2)));
        assertThat(events(action, "action.overdue", "FIX")).isEqualTo(1);
        assertThat(events(action, "action.escalated", "OVERDUE_FIX")).isZero();

        runUntilQuiet(due.plus(Duration.ofHours(25)));
        runUntilQuiet(due.plus(Duration.ofHours(48)));
        assertThat(events(action, "action.escalated", "OVERDUE_FIX")).isEqualTo(1);
        assertThat(events(action, "action.deadline-approaching", "FIX")).isEqualTo(1);

        // a new due date is a new promise: announced afresh when it is missed
        var later = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(Tokens.of("olivia")).header("If-Match", Actions.etag(action)).contentType("application/json")
                .body(Map.of("dueAt", later.toString())).put("/api/actions/" + action + "/due").then().statusCode(200);
        runUntilQuiet(later.plus(Duration.ofMinutes(1)));
        assertThat(events(action, "action.overdue", "FIX")).isEqualTo(2);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action).then()
                .body("history.findAll { it.kind == 'OVERDUE' }.size()", org.hamcrest.Matchers.is(2));
    }

    @Test
    void aMissedDeadlineIsNotAlsoAnnouncedAsApproaching() throws Throwable {
        var action = Actions.open(broker, "billing");
        tellEveryone(action);
        runUntilQuiet(dueAt(action).plus(Duration.ofMinutes(5)));
        assertThat(events(action, "action.overdue", "FIX")).isEqualTo(1);
        assertThat(events(action, "action.deadline-approaching", "FIX")).isZero();
    }

    @Test
    void aDetractorsInformClockRunsOut48HoursAfterTheirFeedback() throws Throwable {
        var feedbackId = UUID.randomUUID();
        var before = Instant.now();
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), feedbackId, "billing",
                "Furious about " + FeedbackEvents.uniqueWords(), "NPS", 0, -0.9, "angry-" + feedbackId, null)));
        var action = FeedbackEvents.awaitAction(feedbackId);
        var informBy = Instant.parse(given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action)
                .then().extract().path("informBy"));
        assertThat(informBy).isBetween(before.plus(Duration.ofHours(48)).minusSeconds(1), Instant.now().plus(Duration.ofHours(48)));

        runUntilQuiet(informBy.minus(Duration.ofHours(11)));
        assertThat(events(action, "action.deadline-approaching", "INFORM")).isEqualTo(1);
        runUntilQuiet(informBy.plus(Duration.ofMinutes(1)));
        assertThat(events(action, "action.overdue", "INFORM")).isEqualTo(1);
        runUntilQuiet(informBy.plus(Duration.ofHours(25)));
        assertThat(events(action, "action.escalated", "OVERDUE_INFORM")).isEqualTo(1);
        // a P1 detractor is also due to be fixed within 2 days: both clocks ran out, each announced once
        assertThat(events(action, "action.overdue", "FIX")).isEqualTo(1);
        assertThat(events(action, "action.overdue", "INFORM")).isEqualTo(1);
    }

    @Test
    void twoSchedulersRunningTogetherNeverAnnounceTheSameDeadlineTwice() throws Exception {
        var mine = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            mine.add(Actions.open(broker, i % 2 == 0 ? "billing" : "delivery"));
        }
        var at = Instant.now().plus(Duration.ofDays(60));
        Callable<Integer> replica = () -> {
            int announced = 0;
            int batch;
            do {
                try {
                    batch = VertxContextSupport.subscribeAndAwait(() -> scheduler.runOnce(at));
                } catch (Throwable failure) {
                    throw new AssertionError(failure);
                }
                announced += batch;
            } while (batch > 0);
            return announced;
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var results = pool.invokeAll(List.of(replica, replica));
            for (var result : results) {
                result.get();
            }
        }
        for (var action : mine) {
            assertThat(events(action, "action.overdue", "FIX")).as("overdue for " + action).isEqualTo(1);
            assertThat(events(action, "action.overdue", "INFORM")).as("inform overdue for " + action).isEqualTo(1);
            assertThat(events(action, "action.escalated", "OVERDUE_FIX")).as("escalation for " + action).isEqualTo(1);
            assertThat(events(action, "action.deadline-approaching", "FIX")).isZero();
        }
    }

    @Test
    void manyContributorsSayingTheSameThingEscalateOnce() throws Exception {
        var words = FeedbackEvents.uniqueWords();
        var first = UUID.randomUUID();
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), first, "delivery",
                "Parcel " + words + " lost by the courier", null, null, -0.5, "p0-" + first, null)));
        var action = FeedbackEvents.awaitAction(first);
        for (int i = 1; i < 7; i++) {
            var feedbackId = UUID.randomUUID();
            broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), feedbackId, "delivery",
                    "My parcel " + words + " was lost by the courier", null, null, -0.5, "p" + i + "-" + feedbackId, null)));
            assertThat(FeedbackEvents.awaitAction(feedbackId)).isEqualTo(action);
        }
        assertThat(events(action, "action.escalated", "REPEATS")).isEqualTo(1);
        var escalated = broker.awaitEvents("action.escalated", action, 1, Duration.ofSeconds(10));
        assertThat(escalated.getFirst().event().path("data").path("feedbackCount").asInt()).isEqualTo(5);
    }
}
