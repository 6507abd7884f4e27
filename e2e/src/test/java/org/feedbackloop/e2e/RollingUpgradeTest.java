package org.feedbackloop.e2e;

import com.rabbitmq.client.ConnectionFactory;
import org.feedbackloop.testkit.RoundRobinProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling upgrade under load, as Kubernetes does one (maxSurge 1, maxUnavailable 0): two instances of each service
 * of this checkout's build, each pair behind a round-robin front (the Service), the gateways' upstreams pointed at
 * the fronts. While customers submit through the gateways' front, every instance is replaced by one of a newer
 * build ({@code E2E_NEWER_ROOT}: {@code bench/upgrade.sh} builds it with {@code bench/upgrade/newer-build.patch}, a
 * Flyway migration that adds a column and a field that {@code feedback.received} gains), one at a time: the new
 * instance starts, becomes ready and joins the front; the old one leaves the front and is stopped by SIGTERM.
 * feedback-service goes first, so that its newer events meet the older consumers.
 *
 * <p>Then no submission failed beyond the clients' documented retry, every accepted one is stored once, tracked and
 * acknowledged once on each channel, no dead-letter queue holds a message, and the newer column and field were
 * written. Not part of {@code ./feedbackloop test} (tag {@code upgrade}): {@code bench/upgrade.sh} runs it.
 */
@Tag("upgrade")
class RollingUpgradeTest {

    @RegisterExtension
    static Suite suite = new Suite();

    /** The producer of the event that gains a field first, then its consumers, the gateway last. */
    private static final List<String> ORDER = List.of("feedback-service", "action-service", "notification-service", "gateway");
    private static final List<String> QUEUES = List.of("action-service.feedback-service",
            "notification-service.feedback-service", "notification-service.action-service",
            "feedback-service.action-service", "feedback-service.notification-service");
    private static final int PER_SECOND = Integer.parseInt(Suite.env("E2E_UPGRADE_RATE", "15"));
    /** The README asks clients to send a submission again, with its key, when they got no answer or a 502/503/504. */
    private static final int CLIENT_RETRIES = 3;
    /** How long the pipeline may take to work off what queued up during the rollout (it runs 9 JVMs on this machine). */
    private static final Duration SETTLE_LIMIT = Duration.parse(Suite.env("E2E_UPGRADE_SETTLE", "PT15M"));
    private static final String OLDER = "feedback-service-older";

    /** Each service's front, in {@link #ORDER}: open until the checks after the upgrade are done. */
    private final Map<String, RoundRobinProxy> fronts = new LinkedHashMap<>();

    @AfterEach
    void closeFronts() throws IOException {
        for (var front : fronts.values()) {
            front.close();
        }
    }

    @Test
    void everyInstanceIsReplacedByANewerBuildUnderLoadAndNothingFailsOrIsLost() throws Exception {
        var newer = Path.of(Suite.env("E2E_NEWER_ROOT", "")).toAbsolutePath();
        assertThat(newer.resolve("feedback-service/target/quarkus-app/quarkus-run.jar"))
                .as("the newer build (E2E_NEWER_ROOT, built by bench/upgrade.sh)").isRegularFile();

        var instances = new HashMap<String, List<String>>();
        for (var service : ORDER.subList(0, 3)) {
            fronts.put(service, new RoundRobinProxy(List.of(Suite.port(service))));
        }
        Suite.restartWith("gateway", Map.of(
                "FEEDBACK_SERVICE_URL", "http://127.0.0.1:" + fronts.get("feedback-service").port(),
                "ACTION_SERVICE_URL", "http://127.0.0.1:" + fronts.get("action-service").port(),
                "NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + fronts.get("notification-service").port()));
        fronts.put("gateway", new RoundRobinProxy(List.of(Suite.port("gateway"))));
        for (var service : ORDER) {
            var replica = Suite.startReplica(service);
            Suite.awaitReady(replica, Duration.ofSeconds(180));
            fronts.get(service).add(Suite.port(replica));
            instances.put(service, new ArrayList<>(List.of(service, replica)));
        }

        var gateways = "http://127.0.0.1:" + fronts.get("gateway").port();
        Suite.reachGatewayAt(gateways); // the instance on GATEWAY_PORT is replaced too
        var deadLettersBefore = deadLetters();
        var prefix = "u" + UUID.randomUUID().toString().substring(0, 6);
        var steps = new ArrayList<Step>();
        List<Burst.Outcome> outcomes;
        Instant firstNewerConsumer = null;
        Duration olderReady;
        long olderHandled;
        long olderAccepted;
        try (var burst = new Burst(prefix, PER_SECOND, gateways, CLIENT_RETRIES)) {
            Await.until("100 submissions before the upgrade", Duration.ofMinutes(2), burst::sent, sent -> sent >= 100);
            for (var service : ORDER) {
                var front = fronts.get(service);
                var olds = instances.get(service);
                for (int i = 0; i < olds.size(); i++) {
                    var old = olds.get(i);
                    var started = Instant.now();
                    var instance = service + "-v2-" + (i + 1);
                    Suite.startInstance(instance, service, newer);
                    Suite.awaitReady(instance, Duration.ofSeconds(180));
                    var ready = Instant.now();
                    if (firstNewerConsumer == null && !service.equals("feedback-service")) {
                        firstNewerConsumer = ready;
                    }
                    front.add(Suite.port(instance));
                    front.remove(Suite.port(old));
                    Suite.stop(old);
                    steps.add(new Step(old, instance, Duration.between(started, ready), Duration.between(ready, Instant.now())));
                }
            }
            // a rollback, or an older pod started again mid-rollout: the older build against the newer schema
            var started = Instant.now();
            Suite.startInstance(OLDER, "feedback-service", Suite.root());
            Suite.awaitReady(OLDER, Duration.ofSeconds(180));
            olderReady = Duration.between(started, Instant.now());
            fronts.get("feedback-service").add(Suite.port(OLDER));
            olderAccepted = submitStraightTo(OLDER, 5);
            var during = burst.sent();
            Await.until("50 submissions with an older feedback-service", Duration.ofMinutes(2), burst::sent, sent -> sent >= during + 50);
            fronts.get("feedback-service").remove(Suite.port(OLDER));
            olderHandled = InstanceMetrics.eventsConsumed(OLDER);
            Suite.stop(OLDER);
            var after = burst.sent();
            Await.until("100 submissions after the upgrade", Duration.ofMinutes(2), burst::sent, sent -> sent >= after + 100);
            outcomes = burst.finish();
        }

        var accepted = new HashMap<String, String>();
        outcomes.stream().filter(Burst.Outcome::accepted).forEach(o -> accepted.put(o.marker(), o.feedbackId()));
        var failed = outcomes.stream().filter(o -> !o.accepted()).toList();
        var retried = outcomes.stream().filter(o -> o.attempts() > 1).count();
        var burstEnded = Instant.now();
        var count = Ledger.settled(prefix, accepted, SETTLE_LIMIT, "after the rolling upgrade");
        var settled = Duration.between(burstEnded, Instant.now());
        var deadLetters = new LinkedHashMap<String, Long>();
        deadLetters().forEach((queue, now) -> deadLetters.put(queue, now - deadLettersBefore.getOrDefault(queue, 0L)));
        var readingModels = readingModels(prefix);
        var newerEventsToOlderConsumers = newerEventsBefore(prefix, firstNewerConsumer);

        report(steps, outcomes.size(), accepted.size(), failed.size(), retried,
                outcomes.stream().mapToInt(Burst.Outcome::attempts).max().orElse(0), count, settled, deadLetters, readingModels,
                newerEventsToOlderConsumers, olderReady, olderHandled, olderAccepted);
        assertThat(failed).as("submissions that failed beyond the clients' retry").isEmpty();
        count.assertWhole("after the rolling upgrade");
        assertThat(count.emailsResent()).as("acknowledgement e-mails sent twice").isZero();
        assertThat(deadLetters.values()).as("messages dead-lettered during the upgrade " + deadLetters).allMatch(n -> n == 0);
        assertThat(readingModels[0]).as("items read by the newer build (its new column)").isPositive();
        assertThat(olderAccepted).as("submissions the older feedback-service accepted on the newer schema").isEqualTo(5);
        assertThat(olderHandled).as("events the older feedback-service handled on the newer schema").isPositive();
        assertThat(newerEventsToOlderConsumers)
                .as("feedback.received with the new field, published while every consumer was of the older build")
                .isPositive();
    }

    /** Submissions sent by the integrator straight to one instance, past the fronts: how many it accepted. */
    private static long submitStraightTo(String instance, int count) {
        var integrator = Gateway.at(Suite.url(instance), Api.integratorToken());
        long accepted = 0;
        for (int i = 0; i < count; i++) {
            var key = UUID.randomUUID().toString();
            var reply = integrator.post("/api/feedback", Map.of("text", "Straight to an older build " + key,
                    "channel", "API", "topic", "product", "consentToContact", true,
                    "contact", Map.of("email", "older." + key.substring(0, 8) + "@loop.example.com")),
                    "Idempotency-Key", key);
            if (reply.status() == 201) {
                accepted++;
            }
        }
        return accepted;
    }

    /** Lines of level ERROR in each instance's log that has any. */
    private static Map<String, Long> errorLines() throws IOException {
        var counts = new java.util.TreeMap<String, Long>();
        try (var logs = Files.list(Suite.target().resolve("suite-logs"))) {
            for (var log : logs.toList()) {
                try (var lines = Files.lines(log)) {
                    var errors = lines.filter(line -> line.matches("^[0-9:.]+ ERROR .*")).count();
                    if (errors > 0) {
                        counts.put(log.getFileName().toString(), errors);
                    }
                }
            }
        }
        return counts;
    }

    /** One instance replaced: how long its successor took to become ready, and the old one to stop. */
    record Step(String old, String newer, Duration toReady, Duration toStop) {
    }

    private static Map<String, Long> deadLetters() throws Exception {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(Integer.parseInt(Suite.env("RABBITMQ_PORT", "5672")));
        factory.setVirtualHost(Suite.env("E2E_RABBITMQ_VHOST", "feedbackloop-e2e"));
        var counts = new LinkedHashMap<String, Long>();
        try (var connection = factory.newConnection("rolling-upgrade-check"); var channel = connection.createChannel()) {
            for (var queue : QUEUES) {
                counts.put(queue + ".dlq", channel.messageCount(queue + ".dlq"));
            }
        }
        return counts;
    }

    /** The burst's items whose reading model is recorded (read by the newer build), and those without. */
    private static long[] readingModels(String prefix) throws Exception {
        try (var connection = Ledger.connect("feedback-service");
             var statement = connection.prepareStatement("""
                     select count(*) filter (where reading_model is not null), count(*) filter (where reading_model is null)
                     from feedback where text like ?""")) {
            statement.setString(1, "%" + prefix + "-%");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    /** The burst's feedback.received events that carry the new field and were published before {@code until}. */
    private static long newerEventsBefore(String prefix, Instant until) {
        return Suite.events().stream()
                .filter(e -> "feedback.received".equals(e.type()) && e.body().contains(prefix + "-")
                        && e.body().contains("\"readingModel\"") && e.receivedAt().isBefore(until))
                .count();
    }

    private static void report(List<Step> steps, int submissions, int accepted, int failed, long retried,
                               int maxAttempts, Ledger.Count count, Duration settled, Map<String, Long> deadLetters,
                               long[] readingModels,
                               long newerEventsToOlderConsumers, Duration olderReady, long olderHandled,
                               long olderAccepted) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("rolling upgrade at %d submissions/s through two gateways: %d submissions, %d accepted, %d failed after the clients' retry; %d needed a retry (at most %d attempts)"
                .formatted(PER_SECOND, submissions, accepted, failed, retried, maxAttempts));
        lines.add("  ledger: %s, whole %.0f s after the burst".formatted(count, settled.toMillis() / 1000.0));
        lines.add("  dead-lettered during the run: %s".formatted(deadLetters));
        lines.add("  ERROR lines in the instances' logs: %s".formatted(errorLines()));
        lines.add("  items read by the newer build (new column set): %d; by the older build: %d".formatted(readingModels[0], readingModels[1]));
        lines.add("  feedback.received with the new field handled while every consumer was older: %d".formatted(newerEventsToOlderConsumers));
        lines.add("  an older feedback-service started again against the newer schema: ready in %.1f s, accepted %d of 5 submissions sent to it, handled %d events"
                .formatted(olderReady.toMillis() / 1000.0, olderAccepted, olderHandled));
        for (var step : steps) {
            lines.add("  %s -> %s: ready in %.1f s, the old one stopped in %.1f s".formatted(step.old(), step.newer(),
                    step.toReady().toMillis() / 1000.0, step.toStop().toMillis() / 1000.0));
        }
        lines.forEach(System.out::println);
        Files.write(Suite.target().resolve("rolling-upgrade.txt"), lines);
    }
}
