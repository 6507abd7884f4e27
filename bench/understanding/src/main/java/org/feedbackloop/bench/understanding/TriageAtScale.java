package org.feedbackloop.bench.understanding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.Vectors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Triage at scale: publishes {@code feedback.received} events to action-service running against the bench database
 * (1,000,000 feedback items, 100,000 open actions), at a steady rate, half of them about the problem of an existing
 * open action; then reports triage's own latency (its metrics) and the CPU PostgreSQL and action-service spent per
 * triaged item (from /proc). And submission latency: {@code POST /api/feedback} to feedback-service, straight.
 *
 * <pre>
 * TriageAtScale triage &lt;events&gt; &lt;per second&gt;          (action-service on :18082, vhost feedbackloop-bench)
 * TriageAtScale submit &lt;requests&gt; &lt;per second&gt; &lt;label&gt;   (feedback-service on :18081; label "trivial": its
 *                                                               liveness endpoint instead, the latency floor)
 * </pre>
 * Each run appends a line of figures to {@code bench/understanding/target/scale-results.txt}.
 */
public final class TriageAtScale {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESULTS = Path.of(System.getProperty("bench.work", "bench/understanding/target"), "scale-results.txt");
    private static final String ACTIONS_DB = "jdbc:postgresql://127.0.0.1:5432/actions_bench";

    private TriageAtScale() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "triage" -> triage(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "submit" -> submit(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
            default -> throw new IllegalArgumentException("triage or submit");
        }
    }

    // --- triage -----------------------------------------------------------------------------------

    private static void triage(int events, int perSecond) throws Exception {
        var means = sampleOfOpenActions(2_000);
        var random = new Random(7);
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost("feedbackloop-bench");
        long before = triaged();
        var cpuBefore = ProcessCpu.now();
        var started = Instant.now();
        var ids = new ArrayList<UUID>();
        try (var connection = factory.newConnection("bench: triage at scale"); var channel = connection.createChannel()) {
            channel.confirmSelect();
            long intervalNanos = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            for (int i = 0; i < events; i++) {
                var feedbackId = UUID.randomUUID();
                ids.add(feedbackId);
                var mean = i % 2 == 0 ? means.get(random.nextInt(means.size())) : null;
                channel.basicPublish("feedback.events", "feedback.received", true,
                        new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2).build(),
                        JSON.writeValueAsBytes(event(feedbackId, vector(mean, random))));
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            channel.waitForConfirmsOrDie(30_000);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (triaged() < before + events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("triage did not take all " + events + " events within 5 minutes");
            }
            Thread.sleep(200);
        }
        var elapsed = Duration.between(started, Instant.now());
        var cpuAfter = ProcessCpu.now();
        var metrics = metrics("http://127.0.0.1:18082/q/metrics");
        var line = String.format(Locale.ROOT,
                "%s triage events=%d rate=%d/s took=%.1fs | triage p50=%.1fms p95=%.1fms p99=%.1fms | search p50=%.2fms p99=%.2fms"
                        + " | index=%s actions | CPU per item: PostgreSQL (its backends) %.2f ms, action-service %.2f ms, machine %.2f ms",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), events, perSecond, elapsed.toMillis() / 1000.0,
                quantile(metrics, "triage_duration_seconds", "0.5") * 1000, quantile(metrics, "triage_duration_seconds", "0.95") * 1000,
                quantile(metrics, "triage_duration_seconds", "0.99") * 1000,
                quantile(metrics, "triage_similarity_search_seconds", "0.5") * 1000,
                quantile(metrics, "triage_similarity_search_seconds", "0.99") * 1000,
                gauge(metrics, "triage_index_actions"),
                (cpuAfter.postgres() - cpuBefore.postgres()) * 10.0 / events,
                (cpuAfter.java("action-service") - cpuBefore.java("action-service")) * 10.0 / events,
                (cpuAfter.machine() - cpuBefore.machine()) * 10.0 / events);
        record(line);
    }

    private static List<float[]> sampleOfOpenActions(int count) throws Exception {
        var means = new ArrayList<float[]>();
        try (var connection = DriverManager.getConnection(ACTIONS_DB, "postgres", "");
             var statement = connection.prepareStatement("""
                     select problem_sum, problem_count from action tablesample system (5)
                     where status in ('OPEN', 'PLANNED', 'IN_PROGRESS') and problem_count > 0 limit ?""")) {
            statement.setInt(1, count);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var sum = (Float[]) rows.getArray(1).getArray();
                    var mean = new float[sum.length];
                    for (int i = 0; i < sum.length; i++) {
                        mean[i] = sum[i] / rows.getInt(2);
                    }
                    means.add(mean);
                }
            }
        }
        return means;
    }

    /** Near {@code mean} (the problem of an open action) when one is given, otherwise anywhere. */
    private static float[] vector(float[] mean, Random random) {
        var vector = new float[Vectors.DIMENSIONS];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (mean == null ? 0 : mean[i] * 10) + (float) random.nextGaussian() * 0.05f;
        }
        return Vectors.unit(vector);
    }

    private static Map<String, Object> event(UUID feedbackId, float[] problem) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        var topics = List.of("billing", "delivery", "product", "account", "support");
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("feedbackId", feedbackId.toString());
        data.put("contributorId", "bench-" + feedbackId);
        data.put("consentToContact", false);
        data.put("channel", "API");
        data.put("text", "Bench feedback " + feedbackId);
        data.put("topic", topics.get(Math.floorMod(feedbackId.hashCode(), topics.size())));
        data.put("sentiment", -0.3);
        data.put("sentimentLabel", "NEGATIVE");
        data.put("receivedAt", now);
        data.put("problem", Map.of("space", "all-minilm-l6-v2-q/problem-v1", "vector", problem));
        return Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/feedback-service",
                "type", "feedback.received", "time", now, "subject", feedbackId.toString(),
                "datacontenttype", "application/json", "data", data);
    }

    /** Feedback triage took so far, from action-service's own counter: polling it costs the database nothing. */
    private static long triaged() throws Exception {
        var matcher = Pattern.compile("^triage_feedback_total\\{[^}]*} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics("http://127.0.0.1:18082/q/metrics"));
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return (long) total;
    }

    // --- submissions ------------------------------------------------------------------------------

    /** {@code requests} submissions at a steady {@code perSecond} ({@link OpenLoop}). */
    private static void submit(int requests, int perSecond, String label) throws Exception {
        // the ceiling: the same load on the service's most trivial endpoint (liveness), so its latency is the floor
        boolean trivial = label.equals("trivial");
        var token = Keycloak.local().integratorToken();
        var cpuBefore = ProcessCpu.now();
        var outcome = OpenLoop.run(requests, perSecond, trivial ? 200 : 201, i -> {
            var body = "{\"text\": \"Bench submission %d: the parcel came late and the box was damaged.\", \"channel\": \"API\", \"contact\": {\"email\": \"bench%d@example.com\"}}"
                    .formatted(i, i % 500);
            return trivial
                    ? HttpRequest.newBuilder(URI.create("http://127.0.0.1:18081/q/health/live")).build()
                    : HttpRequest.newBuilder(URI.create("http://127.0.0.1:18081/api/feedback"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        });
        var cpuAfter = ProcessCpu.now();
        var line = String.format(Locale.ROOT,
                "%s submit[%s] requests=%d at %d/s took=%.1fs failures=%d | p50=%.1fms p95=%.1fms p99=%.1fms"
                        + " | CPU per request: feedback-service %.2f ms, PostgreSQL %.2f ms, machine %.2f ms",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), label, requests, perSecond, outcome.seconds(),
                outcome.failures(), outcome.millis(0.5), outcome.millis(0.95), outcome.millis(0.99),
                (cpuAfter.java("feedback-service") - cpuBefore.java("feedback-service")) * 10.0 / requests,
                (cpuAfter.postgres() - cpuBefore.postgres()) * 10.0 / requests,
                (cpuAfter.machine() - cpuBefore.machine()) * 10.0 / requests);
        record(line);
    }

    // --- metrics ----------------------------------------------------------------------------------

    private static String metrics(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double quantile(String metrics, String name, String quantile) {
        var matcher = Pattern.compile("^" + name + "\\{[^}]*quantile=\"" + Pattern.quote(quantile) + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    private static String gauge(String metrics, String name) {
        var matcher = Pattern.compile("^" + name + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? matcher.group(2) : "?";
    }

    private static void record(String line) throws IOException {
        System.out.println(line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
