package org.feedbackloop.bench.load;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Samples the loop once a second while a burst runs, into a CSV file: how many of the burst's items were submitted,
 * acknowledged by e-mail and told "now tracked" by e-mail so far; the messages ready in each of the suite's queues
 * (a passive declare: it costs the broker next to nothing); each service's outbox backlog (its own metric); and each
 * service's resident memory. Stops when {@code <csv>.stop} appears or after {@code max-seconds}.
 * <p>
 * Usage: {@code Sampler <csv> <run> <max-seconds> <queue>...} (queues of the virtual host {@code feedbackloop}).
 */
public final class Sampler {

    private static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("feedback-service", 8081);
        SERVICES.put("action-service", 8082);
        SERVICES.put("notification-service", 8083);
        SERVICES.put("gateway", 8080);
    }

    private static final Pattern PENDING = Pattern.compile("^outbox_events_pending(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private Sampler() {
    }

    public static void main(String[] args) throws Exception {
        var csv = Path.of(args[0]);
        var run = args[1];
        int maxSeconds = Integer.parseInt(args[2]);
        var queues = List.of(args).subList(3, args.length);
        var stop = Path.of(args[0] + ".stop");
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost("feedbackloop");
        try (var out = new PrintWriter(Files.newBufferedWriter(csv));
             var broker = factory.newConnection("bench: queue depth sampler");
             var notifications = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/notifications", "postgres", "");
             var feedback = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/feedback", "postgres", "")) {
            var header = new ArrayList<>(List.of("seconds", "submitted", "acknowledged", "tracked"));
            queues.forEach(queue -> header.add("queue " + queue));
            SERVICES.keySet().forEach(service -> header.add("outbox " + service));
            SERVICES.keySet().forEach(service -> header.add("rss MiB " + service));
            out.println(String.join(",", header));
            long start = System.nanoTime();
            for (int second = 0; second <= maxSeconds && !Files.exists(stop); second++) {
                var row = new ArrayList<String>();
                row.add(String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
                row.add(String.valueOf(count(feedback, "select count(*) from feedback where contact_email like ?", run)));
                row.add(String.valueOf(sent(notifications, "ACKNOWLEDGED", run)));
                row.add(String.valueOf(sent(notifications, "TRACKED", run)));
                for (var queue : queues) {
                    row.add(ready(broker, queue));
                }
                for (var port : SERVICES.values()) {
                    row.add(outboxPending(port));
                }
                for (var service : SERVICES.keySet()) {
                    row.add(rssMiB(service));
                }
                out.println(String.join(",", row));
                out.flush();
                long next = start + (second + 1) * 1_000_000_000L;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        }
    }

    private static long sent(Connection db, String kind, String run) throws SQLException {
        return count(db, "select count(*) from notification where channel = 'EMAIL' and status = 'SENT' and kind = '"
                + kind + "' and email like ?", run);
    }

    private static long count(Connection db, String sql, String run) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, "burst-" + run + "-%");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Messages ready in {@code queue}, or blank when it does not exist (a failed passive declare closes the channel). */
    private static String ready(com.rabbitmq.client.Connection broker, String queue) {
        Channel channel = null;
        try {
            channel = broker.createChannel();
            return String.valueOf(channel.messageCount(queue));
        } catch (IOException | RuntimeException e) {
            return "";
        } finally {
            if (channel != null && channel.isOpen()) {
                try {
                    channel.close();
                } catch (Exception ignored) {
                    // closed meanwhile
                }
            }
        }
    }

    /** A service's outbox backlog, or blank when it does not answer within a second (a sample must not wait). */
    private static String outboxPending(int port) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .timeout(Duration.ofSeconds(1)).build();
        var answer = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            var matcher = PENDING.matcher(answer.get(1, TimeUnit.SECONDS).body());
            return matcher.find() ? String.valueOf((long) Double.parseDouble(matcher.group(2))) : "";
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String rssMiB(String service) {
        var jar = service + "/target/quarkus-app";
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .findFirst()
                .map(process -> {
                    try {
                        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                                .filter(line -> line.startsWith("VmRSS:"))
                                .map(line -> String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024))
                                .findFirst().orElse("");
                    } catch (IOException gone) {
                        return "";
                    }
                })
                .orElse("");
    }
}
