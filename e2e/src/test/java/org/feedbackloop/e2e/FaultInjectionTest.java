package org.feedbackloop.e2e;

import org.feedbackloop.devinfra.DatabaseBackups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults during a burst of feedback through the gateway: each service killed with SIGKILL and started again,
 * RabbitMQ and PostgreSQL restarted, Keycloak stopped. Afterwards, within a bounded wait, every submission that was
 * answered 201 is stored once, tracked by one action and acknowledged once in the inbox and once by e-mail; no
 * answer was a 500; readiness said DOWN while a dependency was away and UP after. The infrastructure is restarted
 * with {@code ./feedbackloop stop|start <part>}: on the loopback servers of this machine, never elsewhere. Runs
 * last: it leaves the suite up, but restarted.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    @RegisterExtension
    static Suite suite = new Suite();

    private static final int MINIMUM_BURST = 500;
    private static final int PER_SECOND = 100;
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final List<FaultReport> REPORTS = Collections.synchronizedList(new ArrayList<>());

    /** One fault: how it is caused, how long the part stays away, how it is undone, who must report DOWN. */
    private record Fault(String name, Runnable inject, Duration away, Runnable heal, boolean healAfterBurst,
                         Set<String> mustReportDown) {
    }

    @Test
    @Order(1)
    void killFeedbackService() throws Exception {
        survives(killed("feedback-service"));
    }

    @Test
    @Order(2)
    void killActionService() throws Exception {
        survives(killed("action-service"));
    }

    @Test
    @Order(3)
    void killNotificationService() throws Exception {
        survives(killed("notification-service"));
    }

    @Test
    @Order(4)
    void killGateway() throws Exception {
        survives(killed("gateway"));
    }

    @Test
    @Order(5)
    void restartRabbitMq() throws Exception {
        survives(new Fault("restart RabbitMQ", () -> infrastructure("stop", "broker"), Duration.ofSeconds(5),
                () -> infrastructure("start", "broker"), false, Set.of("feedback-service", "action-service",
                "notification-service")));
    }

    @Test
    @Order(6)
    void restartPostgreSql() throws Exception {
        survives(new Fault("restart PostgreSQL", () -> infrastructure("stop", "postgres"), Duration.ofSeconds(5),
                () -> infrastructure("start", "postgres"), false, Set.of("feedback-service", "action-service",
                "notification-service")));
    }

    /** Tokens issued before keep working: every service checks them against the keys it already holds. */
    @Test
    @Order(7)
    void stopKeycloak() throws Exception {
        survives(new Fault("stop Keycloak", () -> infrastructure("stop", "keycloak"), Duration.ofSeconds(15),
                () -> infrastructure("start", "keycloak"), true, Set.of()));
    }

    /**
     * The restore drill: action-service's database is backed up during the burst, the burst goes on, an owner moves
     * an action, then the service is killed, its database restored to the backup, and the two other services replay
     * their events since the backup. Every accepted submission is then tracked by the action it was first tracked by
     * and acknowledged once (no e-mail twice); the owner's change, which no replay can bring back, is reported.
     */
    @Test
    @Order(8)
    void restoreActionServiceDatabaseFromItsBackup() throws Exception {
        var server = new DatabaseBackups.Server("127.0.0.1", Integer.parseInt(Suite.env("DB_PORT", "5432")), "postgres");
        var database = Suite.database("action-service");
        var backups = Suite.target().resolve("backup-" + RUN);
        var takenAt = new AtomicReference<Instant>();
        var moved = new AtomicReference<UUID>();
        var restored = new AtomicReference<DatabaseBackups.Restored>();
        var killedAt = new AtomicReference<Instant>();
        var readyAfter = new AtomicReference<Duration>();
        var restore = new Fault("restore action-service's database", () -> {
            try {
                takenAt.set(DatabaseBackups.dump(server, database, backups));
                moved.set(ownerMovesANewAction());
                Suite.kill("action-service");
                killedAt.set(Instant.now());
                restored.set(DatabaseBackups.restoreService(server, URI.create("amqp://guest:guest@127.0.0.1:"
                                + Suite.env("RABBITMQ_PORT", "5672") + "/" + Suite.env("E2E_RABBITMQ_VHOST", "feedbackloop-e2e")),
                        "action-service", Suite.env("E2E_DATABASE_SUFFIX", "_e2e"), backups));
            } catch (Exception e) {
                throw new IllegalStateException("the drill failed before the restart", e);
            }
        }, Duration.ZERO, () -> {
            Suite.restart("action-service");
            Suite.awaitReady("action-service", Duration.ofSeconds(120));
            readyAfter.set(Duration.between(killedAt.get(), Instant.now()));
        }, false, Set.of("action-service"));

        var report = survives(restore);

        assertThat(report.count().emailsResent()).as("acknowledgement e-mails sent again after the restore").isZero();
        var behind = DatabaseBackups.actionsBehind(server, database, Suite.database("notification-service"),
                restored.get().replayedSince());
        System.out.printf("%s; ready %.1f s after it was stopped; changes to make again: %s%n", restored.get(),
                readyAfter.get().toMillis() / 1000.0, behind);
        assertThat(behind).as("the changes people made after the backup, reported to be made again")
                .extracting(DatabaseBackups.ActionBehind::actionId).containsExactly(moved.get());
        assertThat(behind.getFirst().toldStatus()).isEqualTo("PLANNED");
        assertThat(behind.getFirst().restoredStatus()).isEqualTo("OPEN");
    }

    /** Feedback of its own, its action moved to PLANNED by its owner: a change only the restored database knew of. */
    private static UUID ownerMovesANewAction() {
        var feedback = Api.giveFeedback(Api.token("alice"), "The loyalty points " + RUN + " vanished from my account "
                + UUID.randomUUID().toString().substring(0, 8), "billing");
        var olivia = Api.token("olivia");
        var action = UUID.fromString(Api.actionOf(olivia, feedback).path("id").asText());
        Api.move(olivia, action, "PLANNED", "We are restoring the points " + RUN + ".");
        Await.until("contributors told the action is PLANNED", Duration.ofSeconds(60), () -> toldStatus(action),
                "PLANNED"::equals);
        return action;
    }

    private static String toldStatus(UUID action) {
        try (var db = Ledger.connect("notification-service");
             var query = db.prepareStatement("select status from tracked_action where action_id = ?")) {
            query.setObject(1, action);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fault killed(String service) {
        return new Fault("kill -9 " + service, () -> Suite.kill(service), Duration.ZERO, () -> {
            Suite.restart(service);
            Suite.awaitReady(service, Duration.ofSeconds(120));
        }, false, Set.of(service));
    }

    private FaultReport survives(Fault fault) throws Exception {
        var prefix = "f" + (REPORTS.size() + 1) + "x" + RUN;
        var tokens = Burst.customersToldAtOnce();
        List<Burst.Outcome> outcomes;
        Set<String> sawDown;
        Set<String> downAfterBack;
        Duration backAfter;
        Instant burstEnd;
        var healed = false;
        try (var watch = new ReadinessWatch(); var burst = new Burst(prefix, tokens, PER_SECOND)) {
            Await.until("the first 100 submissions", Duration.ofSeconds(60), burst::sent, sent -> sent >= 100);
            var injected = Instant.now();
            fault.inject().run();
            try {
                Suite.sleep(fault.away().toMillis());
                if (!fault.healAfterBurst()) {
                    fault.heal().run();
                    healed = true;
                }
                var healedAt = Instant.now();
                Await.until("every service ready and accepting after " + fault.name(), Duration.ofMinutes(3),
                        () -> new Recovery(watch.notReady(), burst.acceptedSince(healedAt)), Recovery::done);
                var back = Instant.now();
                backAfter = Duration.between(injected, back);
                Await.until("the rest of the burst", Duration.ofMinutes(3),
                        () -> burst.sent() >= MINIMUM_BURST && burst.acceptedSince(back) >= 25, done -> done);
                outcomes = burst.finish();
                burstEnd = Instant.now();
                sawDown = watch.sawDown();
                downAfterBack = watch.downAfter(back);
            } finally {
                if (!healed) { // also when the test failed half-way: the machine's servers must not stay down
                    fault.heal().run();
                }
            }
        }
        var accepted = new HashMap<String, String>();
        outcomes.stream().filter(Burst.Outcome::accepted).forEach(o -> accepted.put(o.marker(), o.feedbackId()));
        var count = Ledger.settled(prefix, accepted, SETTLE_LIMIT, "after " + fault.name());
        var report = new FaultReport(fault.name(), outcomes, count, sawDown, backAfter,
                Duration.between(burstEnd, Instant.now()));
        REPORTS.add(report);
        System.out.println(FaultReport.table(List.of(report)));

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(MINIMUM_BURST);
        assertThat(outcomes).as("no answer is a 500").noneMatch(o -> o.status() == 500);
        // an outage may be answered 502, 503 or 504, or not at all (refused or reset connections): never otherwise
        assertThat(outcomes.stream().filter(o -> o.status() != 0).map(Burst.Outcome::status).distinct())
                .as("answers during " + fault.name()).isSubsetOf(201, 502, 503, 504);
        count.assertWhole("after " + fault.name());
        assertThat(sawDown).as("readiness DOWN during " + fault.name()).containsAll(fault.mustReportDown());
        assertThat(downAfterBack).as("readiness DOWN again after the recovery from " + fault.name()).isEmpty();
        try (var readiness = new ReadinessWatch()) {
            assertThat(readiness.notReady()).as("services not ready again").isEmpty();
        }
        return report;
    }

    /** Who is not ready yet (with what it answered) and how many submissions were accepted since the healing. */
    private record Recovery(Map<String, String> notReady, long accepted) {
        boolean done() {
            return notReady.isEmpty() && accepted > 0;
        }
    }

    /** {@code ./feedbackloop stop|start <part>}; a part this machine cannot restart skips the test, with the reason. */
    private static void infrastructure(String command, String part) {
        var script = Suite.root().resolve("feedbackloop");
        try {
            var process = new ProcessBuilder(script.toString(), command, part).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./feedbackloop " + command + " " + part + " hangs");
            }
            if (process.exitValue() != 0) {
                if (command.equals("stop")) {
                    throw new TestAbortedException("cannot " + command + " " + part + " here: " + output.strip());
                }
                throw new IllegalStateException("./feedbackloop " + command + " " + part + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void writeTable() throws IOException {
        if (REPORTS.isEmpty()) {
            return;
        }
        var table = FaultReport.table(REPORTS);
        System.out.println(table);
        Files.writeString(Suite.target().resolve("fault-injection.txt"), table);
    }

    /** One row of the table. */
    record FaultReport(String fault, List<Burst.Outcome> outcomes, Ledger.Count count, Set<String> sawDown,
                       Duration backAfter, Duration settledAfter) {

        long outageAnswers() {
            return outcomes.stream().filter(o -> o.status() >= 502 && o.status() <= 504).count();
        }

        long unanswered() {
            return outcomes.stream().filter(o -> o.status() == 0).count();
        }

        long status500() {
            return outcomes.stream().filter(o -> o.status() == 500).count();
        }

        /** Submissions answered per second (any answer, or none), from the first answer to the last. */
        double perSecond() {
            var times = outcomes.stream().map(Burst.Outcome::at).sorted().toList();
            var seconds = times.size() < 2 ? 0 : Duration.between(times.getFirst(), times.getLast()).toMillis() / 1000.0;
            return seconds == 0 ? 0 : times.size() / seconds;
        }

        /** The longest time without a single 201 answer during the burst. */
        Duration longestGap() {
            var times = outcomes.stream().filter(Burst.Outcome::accepted).map(Burst.Outcome::at)
                    .sorted(Comparator.naturalOrder()).toList();
            var longest = Duration.ZERO;
            for (int i = 1; i < times.size(); i++) {
                var gap = Duration.between(times.get(i - 1), times.get(i));
                longest = gap.compareTo(longest) > 0 ? gap : longest;
            }
            return longest;
        }

        static String table(List<FaultReport> reports) {
            var out = new StringBuilder();
            out.append(String.format("%-30s %11s %5s %8s %11s %9s %4s %4s %10s %8s %9s %8s %6s %9s  %s%n", "fault",
                    "submissions", "per s", "accepted", "502/503/504", "no answer", "500", "lost", "duplicated", "unlinked",
                    "acks 1/ch", "no-201 s", "back s", "settled s", "readiness DOWN seen"));
            for (var r : reports) {
                var acks = r.count.missingAcknowledgements() == 0 && r.count.doubledAcknowledgements() == 0 ? "yes" : "NO";
                out.append(String.format("%-30s %11d %5.0f %8d %11d %9d %4d %4d %10d %8d %9s %8.1f %6.1f %9.1f  %s%n",
                        r.fault, r.outcomes.size(), r.perSecond(), r.count.accepted(), r.outageAnswers(), r.unanswered(),
                        r.status500(), r.count.lost(),
                        r.count.duplicated(), r.count.unlinked(), acks, r.longestGap().toMillis() / 1000.0,
                        r.backAfter.toMillis() / 1000.0, r.settledAfter.toMillis() / 1000.0, r.sawDown.isEmpty() ? "none" : new TreeSet<>(r.sawDown)));
                if (r.count.emailsResent() > 0) {
                    out.append(String.format("%-30s   (the same acknowledgement e-mail sent again: %d)%n", "",
                            r.count.emailsResent()));
                }
            }
            return out.toString();
        }
    }
}
