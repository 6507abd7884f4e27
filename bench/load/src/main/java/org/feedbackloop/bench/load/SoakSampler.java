package org.feedbackloop.bench.load;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.NetworkConnection;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Samples what could grow without bound while the suite runs for a long time under a steady load, every
 * {@code interval} seconds, into a CSV file (one line a sample, blank where a probe did not answer):
 * <ul>
 *   <li>the run's items submitted and e-mails sent so far;</li>
 *   <li>for each service (the process that listens on its port): resident memory, heap used (all heap pools) and heap
 *       after GC (Micrometer's {@code jvm_gc_live_data_size_bytes}: the old generation after the last full collection;
 *       blank until there was one), MiB; threads; open file descriptors;</li>
 *   <li>PostgreSQL connections to each of the suite's databases (this sampler's own left out), the RabbitMQ
 *       connections and channels of the virtual host {@code feedbackloop} ({@code rabbitmqctl}, this sampler's own
 *       connection left out; blank when rabbitmqctl cannot be used);</li>
 *   <li>messages ready in each queue given, each service's outbox backlog;</li>
 *   <li>the size of each of the suite's databases and of each of their tables (tables, indexes and TOAST), MiB.</li>
 * </ul>
 * Stops when {@code <csv>.stop} appears or after {@code max-seconds}.
 * <p>
 * Usage: {@code SoakSampler <csv> <run> <interval-seconds> <max-seconds> <queue>...} (queues of the virtual host
 * {@code feedbackloop}; the run names the items' contact addresses, {@code burst-<run>-<n>@example.com}).
 */
public final class SoakSampler {

    /** The services that have a database and an outbox, and their databases. */
    static final Map<String, String> DATABASES;

    static {
        var databases = new LinkedHashMap<String, String>();
        databases.put("feedback-service", "feedback");
        databases.put("action-service", "actions");
        databases.put("notification-service", "notifications");
        DATABASES = Collections.unmodifiableMap(databases);
    }

    private static final String APPLICATION = "bench soak sampler";
    private static final double MIB = 1024 * 1024;

    private SoakSampler() {
    }

    public static void main(String[] args) throws Exception {
        var csv = Path.of(args[0]);
        var run = args[1];
        int interval = Integer.parseInt(args[2]);
        long maxSeconds = Long.parseLong(args[3]);
        var queues = List.of(args).subList(4, args.length);
        var stop = Path.of(args[0] + ".stop");
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost("feedbackloop");
        var databases = new LinkedHashMap<String, Connection>();
        try (var out = new PrintWriter(Files.newBufferedWriter(csv));
             var broker = factory.newConnection(APPLICATION)) {
            for (var database : DATABASES.values()) {
                databases.put(database, DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/" + database + "?ApplicationName=" + APPLICATION.replace(' ', '+'),
                        "postgres", ""));
            }
            int ownPort = broker instanceof NetworkConnection network ? network.getLocalPort() : -1;
            var tables = new ArrayList<String>(); // database.table, as they are at the start
            for (var database : databases.entrySet()) {
                tableSizes(database.getValue()).keySet().forEach(table -> tables.add(database.getKey() + "." + table));
            }
            var services = Probes.SERVICES.keySet();
            var header = new ArrayList<>(List.of("epoch", "seconds", "submitted", "emails sent"));
            for (var family : List.of("rss MiB ", "heap MiB ", "heap after GC MiB ", "threads ", "fds ")) {
                services.forEach(service -> header.add(family + service));
            }
            DATABASES.values().forEach(database -> header.add("pg connections " + database));
            header.add("rabbitmq connections");
            header.add("rabbitmq channels");
            queues.forEach(queue -> header.add("queue " + queue));
            DATABASES.keySet().forEach(service -> header.add("outbox " + service));
            DATABASES.values().forEach(database -> header.add("db MiB " + database));
            tables.forEach(table -> header.add("table MiB " + table));
            out.println(String.join(",", header));
            out.flush();

            long start = System.nanoTime();
            for (long sample = 0; sample * interval <= maxSeconds && !Files.exists(stop); sample++) {
                var row = new ArrayList<String>();
                row.add(String.valueOf(System.currentTimeMillis() / 1000));
                row.add(String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
                var feedback = databases.get("feedback");
                var notifications = databases.get("notifications");
                row.add(String.valueOf(Probes.countOfRun(feedback, "select count(*) from feedback where contact_email like ?", run)));
                row.add(String.valueOf(Probes.countOfRun(notifications,
                        "select count(*) from notification where channel = 'EMAIL' and status = 'SENT' and email like ?", run)));
                var metrics = new LinkedHashMap<String, String>();
                var pids = new LinkedHashMap<String, Long>();
                Probes.SERVICES.forEach((service, port) -> {
                    metrics.put(service, Probes.metrics(port));
                    pids.put(service, Probes.listening(port).orElse(-1));
                });
                for (var service : services) {
                    long kiB = pids.get(service) < 0 ? -1 : Probes.status(pids.get(service), "VmRSS");
                    row.add(kiB < 0 ? "" : String.valueOf(kiB / 1024));
                }
                for (var service : services) {
                    row.add(cell(mib(Probes.sum(metrics.get(service), "jvm_memory_used_bytes", "area=\"heap\""))));
                }
                for (var service : services) {
                    double live = Probes.sum(metrics.get(service), "jvm_gc_live_data_size_bytes");
                    row.add(live > 0 ? cell(mib(live)) : ""); // 0 until the first full collection
                }
                for (var service : services) {
                    long threads = pids.get(service) < 0 ? -1 : Probes.status(pids.get(service), "Threads");
                    row.add(threads < 0 ? "" : String.valueOf(threads));
                }
                for (var service : services) {
                    long fds = pids.get(service) < 0 ? -1 : Probes.openFiles(pids.get(service));
                    row.add(fds < 0 ? "" : String.valueOf(fds));
                }
                var connections = postgresConnections(feedback);
                DATABASES.values().forEach(database -> row.add(String.valueOf(connections.getOrDefault(database, 0L))));
                row.addAll(brokerConnections(ownPort));
                for (var queue : queues) {
                    row.add(Probes.ready(broker, queue));
                }
                DATABASES.keySet().forEach(service -> row.add(Probes.outboxPending(metrics.get(service))));
                var sizes = new LinkedHashMap<String, Long>();
                for (var database : databases.entrySet()) {
                    var ofTables = tableSizes(database.getValue());
                    row.add(size(ofTables.values().stream().mapToLong(Long::longValue).sum()));
                    ofTables.forEach((table, bytes) -> sizes.put(database.getKey() + "." + table, bytes));
                }
                tables.forEach(table -> row.add(sizes.containsKey(table) ? size(sizes.get(table)) : ""));
                out.println(String.join(",", row));
                out.flush();
                long next = start + (sample + 1) * interval * 1_000_000_000L;
                while (System.nanoTime() < next && !Files.exists(stop)) {
                    Thread.sleep(Math.min(500, Math.max(1, (next - System.nanoTime()) / 1_000_000)));
                }
            }
        } finally {
            for (var connection : databases.values()) {
                connection.close();
            }
        }
    }

    /** A number for a CSV cell: blank when NaN, to a tenth. */
    private static String cell(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static double mib(double bytes) {
        return bytes / MIB;
    }

    /** A size in MiB to the KiB or so: a table grows by a page (8 KiB) at a time. */
    private static String size(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.3f", mib(bytes));
    }

    /** Each table of the database's own schemas, with its indexes and TOAST, in bytes. */
    private static Map<String, Long> tableSizes(Connection db) throws SQLException {
        var sizes = new LinkedHashMap<String, Long>();
        try (var statement = db.createStatement();
             var rows = statement.executeQuery("select relname, pg_total_relation_size(relid) from pg_stat_user_tables "
                     + "order by relname")) {
            while (rows.next()) {
                sizes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sizes;
    }

    /** Connections to each database, this sampler's left out. */
    private static Map<String, Long> postgresConnections(Connection db) throws SQLException {
        var connections = new LinkedHashMap<String, Long>();
        try (var statement = db.prepareStatement("select datname, count(*) from pg_stat_activity "
                + "where datname is not null and application_name <> ? group by datname")) {
            statement.setString(1, APPLICATION);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    connections.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return connections;
    }

    /**
     * The connections of the virtual host {@code feedbackloop} and their channels, from {@code rabbitmqctl} (an AMQP
     * client cannot count them), leaving out the connection whose client port is {@code ownPort}; two blanks when
     * rabbitmqctl cannot be used here.
     */
    private static List<String> brokerConnections(int ownPort) {
        Path listing = null;
        try {
            listing = Files.createTempFile("soak-connections", ".tsv");
            var process = new ProcessBuilder("rabbitmqctl", "-s", "list_connections", "vhost", "channels", "peer_port")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(listing.toFile()).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of("", "");
            }
            if (process.exitValue() != 0) {
                return List.of("", "");
            }
            var output = Files.readString(listing, StandardCharsets.UTF_8);
            long connections = 0;
            long channels = 0;
            for (var line : output.split("\n")) {
                var fields = line.split("\t");
                if (fields.length == 3 && fields[0].equals("feedbackloop") && !fields[2].trim().equals(String.valueOf(ownPort))) {
                    connections++;
                    channels += Long.parseLong(fields[1].trim());
                }
            }
            return List.of(String.valueOf(connections), String.valueOf(channels));
        } catch (IOException | RuntimeException e) {
            return List.of("", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("", "");
        } finally {
            if (listing != null) {
                try {
                    Files.deleteIfExists(listing);
                } catch (IOException ignored) {
                    // a file in /tmp
                }
            }
        }
    }
}
