package org.feedbackloop.bench.load;

import com.rabbitmq.client.Channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the samplers ({@link Sampler}, {@link SoakSampler}) read of the suite that {@code ./feedbackloop up} runs: each
 * service's metrics, its process (the one that listens on the service's port: the end-to-end tests run the same jars
 * on other ports), the messages ready in a queue, and counts of a run's items. Every probe answers within about a
 * second, or with a blank.
 */
final class Probes {

    /** The suite's services and their HTTP ports. */
    static final Map<String, Integer> SERVICES;

    static {
        var services = new LinkedHashMap<String, Integer>();
        services.put("feedback-service", 8081);
        services.put("action-service", 8082);
        services.put("notification-service", 8083);
        services.put("gateway", 8080);
        SERVICES = Collections.unmodifiableMap(services);
    }

    private static final Pattern PENDING = Pattern.compile("^outbox_events_pending(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final Map<Integer, Long> LISTENERS = new ConcurrentHashMap<>();

    private Probes() {
    }

    /** A service's metrics ({@code /q/metrics}, Prometheus text), or "" when it does not answer within a second. */
    static String metrics(int port) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .timeout(Duration.ofSeconds(1)).build();
        var answer = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(1, TimeUnit.SECONDS).body();
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The outbox backlog in a service's metrics ({@code outbox_events_pending}), or blank. */
    static String outboxPending(String metrics) {
        var matcher = PENDING.matcher(metrics);
        return matcher.find() ? String.valueOf((long) Double.parseDouble(matcher.group(2))) : "";
    }

    /**
     * The sum of a metric's samples whose labels include every one of {@code labels} (such as {@code area="heap"}),
     * or NaN when it has none.
     */
    static double sum(String metrics, String name, String... labels) {
        double sum = Double.NaN;
        var matcher = SAMPLE.matcher(metrics);
        while (matcher.find()) {
            if (!matcher.group(1).equals(name)) {
                continue;
            }
            var found = matcher.group(2) == null ? "" : matcher.group(2);
            if (Stream.of(labels).allMatch(found::contains)) {
                double value = Double.parseDouble(matcher.group(3));
                sum = Double.isNaN(sum) ? value : sum + value;
            }
        }
        return sum;
    }

    /**
     * The process that listens on a TCP port on this machine (from {@code /proc/net/tcp} and {@code tcp6}, then the
     * processes' open sockets), remembered while it lives.
     */
    static OptionalLong listening(int port) {
        var known = LISTENERS.get(port);
        if (known != null && Files.isDirectory(Path.of("/proc", known.toString()))) {
            return OptionalLong.of(known);
        }
        var sockets = new HashSet<String>();
        for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                var lines = Files.readAllLines(Path.of(table));
                for (var line : lines.subList(1, lines.size())) {
                    var fields = line.trim().split("\\s+");
                    // local_address is HEX_IP:HEX_PORT, st 0A is LISTEN, the inode is the tenth field
                    if (fields.length > 9 && "0A".equals(fields[3])
                            && Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16) == port) {
                        sockets.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // no IPv6, say
            }
        }
        if (sockets.isEmpty()) {
            return OptionalLong.empty();
        }
        try (var processes = Files.list(Path.of("/proc"))) {
            var pid = processes.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .filter(name -> holdsAny(Path.of("/proc", name, "fd"), sockets))
                    .findFirst();
            pid.ifPresent(found -> LISTENERS.put(port, Long.parseLong(found)));
            return pid.map(found -> OptionalLong.of(Long.parseLong(found))).orElse(OptionalLong.empty());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean holdsAny(Path fds, Set<String> sockets) {
        try (var entries = Files.list(fds)) {
            return entries.anyMatch(fd -> {
                try {
                    return sockets.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException | UnsupportedOperationException gone) {
                    return false;
                }
            });
        } catch (IOException | SecurityException gone) {
            return false;
        }
    }

    /** A number of {@code /proc/<pid>/status} ({@code VmRSS} in kB, {@code Threads}), or -1. */
    static long status(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(-1);
        } catch (IOException gone) {
            return -1;
        }
    }

    /** The file descriptors a process holds open ({@code /proc/<pid>/fd}), or -1. */
    static long openFiles(long pid) {
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.count();
        } catch (IOException gone) {
            return -1;
        }
    }

    /** The resident memory of the service that listens on {@code port}, MiB, or blank. */
    static String rssMiB(int port) {
        var pid = listening(port);
        if (pid.isEmpty()) {
            return "";
        }
        long kiB = status(pid.getAsLong(), "VmRSS");
        return kiB < 0 ? "" : String.valueOf(kiB / 1024);
    }

    /** Messages ready in {@code queue}, or blank when it does not exist (a failed passive declare closes the channel). */
    static String ready(com.rabbitmq.client.Connection broker, String queue) {
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

    /** A count of a run's rows: {@code sql} has one parameter, the pattern of the run's contact addresses. */
    static long countOfRun(Connection db, String sql, String run) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, "burst-" + run + "-%");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
