package org.feedbackloop.e2e;

import org.feedbackloop.devinfra.DatabaseBackups;
import org.feedbackloop.testkit.TcpProxy;
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
import java.util.concurrent.atomic.AtomicLong;
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

    @RegisterExtension
    static Browser browser = new Browser();

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
     * A partition: feedback-service reaches PostgreSQL but not RabbitMQ. Submissions are still accepted into its
     * outbox, which grows; its readiness says the broker is away; once the link heals the outbox drains and nothing is
     * lost.
     */
    @Test
    @Order(8)
    void feedbackServiceCutFromRabbitMq() throws Exception {
        var peak = new AtomicLong();
        try (var link = new TcpProxy(Integer.parseInt(Suite.env("RABBITMQ_PORT", "5672")))) {
            Suite.restartWith("feedback-service", Map.of("RABBITMQ_PORT", String.valueOf(link.port())));
            try {
                survives(new Fault("feedback-service cut from RabbitMQ", step(() -> {
                    link.cut();
                    Await.until("feedback-service's outbox growing", Duration.ofSeconds(30),
                            () -> unpublished("feedback-service"), waiting -> waiting >= 100);
                }), Duration.ofSeconds(20), step(() -> {
                    peak.set(unpublished("feedback-service"));
                    link.restore();
                }), false, Set.of("feedback-service")));
            } finally {
                Suite.restartWith("feedback-service", Map.of());
            }
        }
        System.out.println("feedback-service's outbox held " + peak.get() + " unpublished events when the link healed");
        assertThat(unpublished("feedback-service")).as("feedback-service's outbox after the partition").isZero();
    }

    /**
     * A partition: the gateway cannot reach action-service. Its breaker opens and answers at once (503, Retry-After,
     * problem+json) instead of waiting for each timeout; the console says the queue is temporarily unavailable; the
     * other services are not touched: feedback is still given and read. Once the link heals, the breaker closes again.
     */
    @Test
    @Order(9)
    void gatewayCutFromActionService() throws Exception {
        var olivia = Gateway.as(Api.token("olivia"));
        var alice = Gateway.as(Api.token("alice"));
        try (var link = new TcpProxy(Integer.parseInt(Suite.url("action-service").replaceAll(".*:", "")))) {
            Suite.restartWith("gateway", Map.of("ACTION_SERVICE_URL", "http://127.0.0.1:" + link.port()));
            try {
                assertThat(olivia.get("/api/actions?limit=1").status()).isEqualTo(200);
                link.cut();
                var answers = new ArrayList<Gateway.Reply>();
                var millis = new ArrayList<Long>();
                for (int i = 0; i < 30; i++) {
                    var started = System.nanoTime();
                    answers.add(olivia.get("/api/actions?limit=1"));
                    millis.add((System.nanoTime() - started) / 1_000_000);
                }
                assertThat(answers).as("the queue while action-service is cut off").allSatisfy(reply -> {
                    assertThat(reply.status()).isEqualTo(503);
                    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(reply.header("Retry-After")).isNotBlank();
                    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
                });
                var lastTen = millis.subList(20, 30);
                assertThat(lastTen).as("answers once the breaker is open (ms)").allMatch(ms -> ms < 500);
                var given = alice.post("/api/feedback", Map.of("text", "My basket " + RUN + " emptied itself at checkout",
                        "channel", "WEB"), "Idempotency-Key", UUID.randomUUID().toString());
                assertThat(given.status()).as("feedback given meanwhile: " + given).isEqualTo(201);
                assertThat(alice.get("/api/feedback/" + given.json().path("id").asText()).status()).isEqualTo(200);
                try (var context = browser.newContext()) {
                    var page = Browser.signIn(context, "olivia");
                    page.navigate("/console");
                    assertThat(page.locator("main").innerText()).contains("temporarily unavailable");
                    Browser.screenshot(page, "console-action-service-cut-off");
                }
                System.out.printf("gateway cut from action-service: first answer %d ms, last ten %s ms%n",
                        millis.getFirst(), lastTen);
                link.restore();
                Await.until("the queue through the gateway again", Duration.ofSeconds(60),
                        () -> olivia.get("/api/actions?limit=1").status(), status -> status == 200);
            } finally {
                Suite.restartWith("gateway", Map.of());
            }
        }
    }

    /**
     * PostgreSQL answers every query a second late, for a minute, to all three services, during a burst: requests
     * may time out (502/503/504, never 500) and work piles up, and afterwards everything accepted is tracked and
     * acknowledged once.
     */
    @Test
    @Order(10)
    void postgreSqlSlowForAMinute() throws Exception {
        var services = List.of("feedback-service", "action-service", "notification-service");
        var link = new TcpProxy(Integer.parseInt(Suite.env("DB_PORT", "5432")));
        try (link) {
            for (var service : services) {
                Suite.restartWith(service, Map.of("DB_PORT", String.valueOf(link.port())));
            }
            survives(new Fault("PostgreSQL 1 s per query for 60 s", () -> link.slow(Duration.ofSeconds(1)),
                    Duration.ofSeconds(60), () -> link.slow(Duration.ZERO), false, Set.of()));
        } finally {
            for (var service : services) {
                Suite.restartWith(service, Map.of());
            }
        }
    }

    /**
     * The mail server refuses every connection for ten minutes ({@code E2E_SMTP_OUTAGE}). The acknowledgements of a
     * burst and the updates of one contributor's action wait; none is given up; once the server is back each goes
     * out once, and one contributor's e-mails arrive in the order they were written.
     */
    @Test
    @Order(11)
    void mailServerRefusingForTenMinutes() throws Exception {
        var outage = Duration.parse(Suite.env("E2E_SMTP_OUTAGE", "PT10M"));
        var prefix = "m" + RUN;
        var deadBefore = deadEmails();
        try (var link = new TcpProxy(Integer.parseInt(Suite.env("SMTP_PORT", "3025")))) {
            Suite.restartWith("notification-service", Map.of("SMTP_PORT", String.valueOf(link.port())));
            try {
                link.cut();
                var cutAt = Instant.now();
                var follower = "follower-" + RUN + "@burst.example.com";
                var updates = oneContributorsUpdates(follower);
                List<Burst.Outcome> outcomes;
                try (var burst = new Burst(prefix, Burst.customersToldAtOnce(), 20)) {
                    Await.until("300 submissions", Duration.ofMinutes(2), burst::sent, sent -> sent >= 300);
                    outcomes = burst.finish();
                }
                var accepted = new HashMap<String, String>();
                outcomes.stream().filter(Burst.Outcome::accepted).forEach(o -> accepted.put(o.marker(), o.feedbackId()));
                Await.until("the acknowledgements waiting for the mail server", Duration.ofMinutes(2),
                        () -> emailsWaiting(), waiting -> waiting >= accepted.size());
                Suite.sleep(Math.max(0, outage.minus(Duration.between(cutAt, Instant.now())).toMillis()));
                assertThat(deadEmails()).as("e-mails given up during the outage").isEqualTo(deadBefore);
                assertThat(MailSink.messages(follower)).as("nothing sent during the outage").isEmpty();
                var waitingAtTheEnd = emailsWaiting();
                link.restore();
                var healedAt = Instant.now();
                var count = Ledger.settled(prefix, accepted, SETTLE_LIMIT, "after the mail server's outage");
                var report = new FaultReport("SMTP refusing " + outage.toMinutes() + " min", outcomes, count, Set.of(),
                        Duration.between(cutAt, healedAt), Duration.between(healedAt, Instant.now()));
                REPORTS.add(report);
                System.out.println(FaultReport.table(List.of(report)));
                System.out.printf("e-mails waiting when the mail server came back: %d%n", waitingAtTheEnd);
                count.assertWhole("after the mail server's outage");
                assertThat(count.emailsResent()).as("e-mails sent twice").isZero();
                var written = emailNotificationsTo(follower);
                assertThat(written).as("e-mails written to the follower").startsWith(updates.toArray(String[]::new));
                Await.until("the follower's updates", Duration.ofMinutes(3), () -> notificationIdsIn(follower),
                        ids -> ids.size() >= written.size());
                assertThat(notificationIdsIn(follower)).as("one contributor's e-mails, in the order they were written")
                        .containsExactlyElementsOf(written);
            } finally {
                Suite.restartWith("notification-service", Map.of());
            }
        }
    }

    /**
     * Feedback from one contributor who gave an address, whose action then moves twice: the notification ids of
     * what is written to that address, in the order written.
     */
    private static List<String> oneContributorsUpdates(String address) {
        // a person of the test's own: the suite writes to one person once per event, whichever of their addresses
        var token = Api.newCustomer(address.substring(0, address.indexOf('@')), address);
        var feedback = Gateway.as(token).post("/api/feedback", Map.of("text", "The delivery slot " + RUN
                        + " I booked was cancelled twice", "channel", "WEB", "consentToContact", true,
                "contact", Map.of("email", address)), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(feedback.status()).as(feedback.toString()).isEqualTo(201);
        var maria = Api.token("maria"); // a manager: whichever team triage routes it to
        var action = UUID.fromString(Api.actionOf(maria, UUID.fromString(feedback.json().path("id").asText()))
                .path("id").asText());
        Api.advance(maria, action, "PLANNED", "Delivery slots " + RUN + " are being rebooked.");
        Api.advance(maria, action, "IN_PROGRESS", "Rebooking delivery slots " + RUN + " now.");
        // thanks, now tracked, planned, in progress
        return Await.until("four e-mails written to the follower", Duration.ofSeconds(60),
                () -> emailNotificationsTo(address), ids -> ids.size() >= 4);
    }

    private static List<String> emailNotificationsTo(String address) {
        return query("notification-service", "select id::text from notification where channel = 'EMAIL' and email = ?"
                + " order by created_at, id", address);
    }

    /** The notification ids of the messages in {@code address}'s mailbox, in the order they arrived. */
    private static List<String> notificationIdsIn(String address) {
        var header = java.util.regex.Pattern.compile("X-Feedbackloop-Notification: *([0-9a-f, -]+)");
        var ids = new ArrayList<String>();
        for (var message : MailSink.messages(address)) {
            var unfolded = message.path("mimeMessage").asText().replaceAll("\\r?\\n[ \\t]+", " ");
            var found = header.matcher(unfolded);
            if (found.find()) {
                for (var id : found.group(1).strip().split(" *, *")) {
                    ids.add(id.strip());
                }
            }
        }
        return ids;
    }

    /** A step of a fault that may throw. */
    private interface Step {
        void run() throws Exception;
    }

    private static Runnable step(Step step) {
        return () -> {
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static long emailsWaiting() {
        return Long.parseLong(query("notification-service",
                "select count(*) from notification where channel = 'EMAIL' and status in ('PENDING', 'FAILED')").getFirst());
    }

    private static long deadEmails() {
        return Long.parseLong(query("notification-service",
                "select count(*) from notification where channel = 'EMAIL' and status = 'DEAD'").getFirst());
    }

    private static long unpublished(String service) {
        return Long.parseLong(query(service, "select count(*) from outbox_event where published_at is null").getFirst());
    }

    private static List<String> query(String service, String sql, String... parameters) {
        try (var db = Ledger.connect(service); var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            var values = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The restore drill: action-service's database is backed up during the burst, the burst goes on, an owner moves
     * an action, then the service is killed, its database restored to the backup, and the two other services replay
     * their events since the backup. Every accepted submission is then tracked by the action it was first tracked by
     * and acknowledged once (no e-mail twice); the owner's change, which no replay can bring back, is reported.
     */
    @Test
    @Order(12)
    void restoreActionServiceDatabaseFromItsBackup() throws Exception {
        var server = new DatabaseBackups.Server("127.0.0.1", Integer.parseInt(Suite.env("DB_PORT", "5432")), "postgres");
        var database = Suite.database("action-service");
        var backups = Suite.target().resolve("backup-" + RUN);
        var takenAt = new AtomicReference<Instant>();
        var olivia = Api.token("olivia");
        var moved = ownersNewAction(olivia);
        var restored = new AtomicReference<DatabaseBackups.Restored>();
        var killedAt = new AtomicReference<Instant>();
        var readyAfter = new AtomicReference<Duration>();
        var restoreTook = new AtomicReference<Duration>();
        var restore = new Fault("restore action-service's database", step(() -> {
            takenAt.set(DatabaseBackups.dump(server, database, backups));
            Api.move(olivia, moved, "PLANNED", "We are restoring the points " + RUN + ".");
            Await.until("the move published", Duration.ofSeconds(30), () -> Long.parseLong(query("action-service",
                    "select count(*) from outbox_event where aggregate_id = ? and published_at is null", moved.toString())
                    .getFirst()), waiting -> waiting == 0);
            Suite.kill("action-service");
            killedAt.set(Instant.now());
            var restoring = System.nanoTime();
            restored.set(DatabaseBackups.restoreService(server, URI.create("amqp://guest:guest@127.0.0.1:"
                            + Suite.env("RABBITMQ_PORT", "5672") + "/" + Suite.env("E2E_RABBITMQ_VHOST", "feedbackloop-e2e")),
                    "action-service", Suite.env("E2E_DATABASE_SUFFIX", "_e2e"), backups));
            restoreTook.set(Duration.ofNanos(System.nanoTime() - restoring));
        }), Duration.ZERO, () -> {
            Suite.restart("action-service");
            Suite.awaitReady("action-service", Duration.ofSeconds(120));
            readyAfter.set(Duration.between(killedAt.get(), Instant.now()));
        }, false, Set.of("action-service"));

        var report = survives(restore);

        assertThat(report.count().emailsResent()).as("acknowledgement e-mails sent again after the restore").isZero();
        var behind = DatabaseBackups.actionsBehind(server, database, Suite.database("notification-service"),
                restored.get().replayedSince());
        var figures = String.format("%s; the restore and the replay's start took %.1f s; the service was ready %.1f s after "
                        + "it was killed; changes to make again: %s%n", restored.get(), restoreTook.get().toMillis() / 1000.0,
                readyAfter.get().toMillis() / 1000.0, behind);
        System.out.print(figures);
        Files.writeString(Suite.target().resolve("restore-drill.txt"), figures);
        assertThat(behind).as("the changes people made after the backup, reported to be made again")
                .extracting(DatabaseBackups.ActionBehind::actionId).containsExactly(moved);
        assertThat(behind.getFirst().toldStatus()).isEqualTo("PLANNED");
        assertThat(behind.getFirst().restoredStatus()).isEqualTo("OPEN");
    }

    /** Feedback of its own, tracked by an action of its own before the backup: its owner moves it after. */
    private static UUID ownersNewAction(String owner) {
        var feedback = Api.giveFeedback(Api.token("alice"), "The loyalty points " + RUN + " vanished from my account "
                + UUID.randomUUID().toString().substring(0, 8), "billing");
        return UUID.fromString(Api.actionOf(owner, feedback).path("id").asText());
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
                        () -> new Progress(burst.sent() >= MINIMUM_BURST && burst.acceptedSince(back) >= 25,
                                burst.progress(back)), Progress::done);
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
    private record Progress(boolean done, String seen) {
    }

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
