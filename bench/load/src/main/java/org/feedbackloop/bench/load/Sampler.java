package org.feedbackloop.bench.load;

import com.rabbitmq.client.ConnectionFactory;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the loop once a second while a burst runs, into a CSV file: how many of the burst's items were submitted,
 * acknowledged by e-mail and told "now tracked" by e-mail so far; the messages ready in each of the suite's queues
 * (a passive declare: it costs the broker next to nothing); each service's outbox backlog (its own metric); and each
 * service's resident memory (of the process that listens on its port). Stops when {@code <csv>.stop} appears or
 * after {@code max-seconds}.
 * <p>
 * Usage: {@code Sampler <csv> <run> <max-seconds> <queue>...} (queues of the virtual host {@code feedbackloop}).
 */
public final class Sampler {

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
            Probes.SERVICES.keySet().forEach(service -> header.add("outbox " + service));
            Probes.SERVICES.keySet().forEach(service -> header.add("rss MiB " + service));
            out.println(String.join(",", header));
            long start = System.nanoTime();
            for (int second = 0; second <= maxSeconds && !Files.exists(stop); second++) {
                var row = new ArrayList<String>();
                row.add(String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
                row.add(String.valueOf(Probes.countOfRun(feedback, "select count(*) from feedback where contact_email like ?", run)));
                row.add(String.valueOf(sent(notifications, "ACKNOWLEDGED", run)));
                row.add(String.valueOf(sent(notifications, "TRACKED", run)));
                for (var queue : queues) {
                    row.add(Probes.ready(broker, queue));
                }
                for (var port : Probes.SERVICES.values()) {
                    row.add(Probes.outboxPending(Probes.metrics(port)));
                }
                for (var port : Probes.SERVICES.values()) {
                    row.add(Probes.rssMiB(port));
                }
                out.println(String.join(",", row));
                out.flush();
                long next = start + (second + 1) * 1_000_000_000L;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        }
    }

    private static long sent(Connection db, String kind, String run) throws SQLException {
        return Probes.countOfRun(db, "select count(*) from notification where channel = 'EMAIL' and status = 'SENT' and kind = '"
                + kind + "' and email like ?", run);
    }
}
