package org.feedbackloop.devinfra;

import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Backs up the services' databases ({@code pg_dump}, one custom-format file each) and restores one of them
 * ({@code pg_restore}), then asks the other services to replay what the restored one missed.
 * <p>
 * The suite's recovery rests on three facts: every service keeps the events it published for 7 days
 * ({@code outbox_event}); every consumer keeps the ids of the events it handled for 30 days ({@code processed_event})
 * and ignores one it has seen; and what a consumer makes while handling an event is named after that event
 * ({@code Causation}), so handling it again makes the same actions and the same events. A restore therefore marks the
 * other services' events published since the backup (less {@link #REPLAY_MARGIN}) unpublished again: their relays
 * publish them again, the restored service handles those it lost, and every other consumer passes over them. What
 * no replay can give back is what people changed through the API in the restored service after the backup: the
 * {@link #actionsBehind} report names each action whose contributors were told more than the restored database knows.
 */
public final class DatabaseBackups {

    /**
     * How long before the backup the replay starts: an event published shortly before the backup may still have
     * been waiting in the restored service's queue when the backup was taken. It must exceed the queue's backlog then.
     */
    public static final Duration REPLAY_MARGIN = Duration.ofMinutes(10);

    static final String MANIFEST = "backup.properties";

    static final String USAGE = """
            DatabaseBackups backup <dir> <host> <port> <adminUser> <database>[,<database>...]
            DatabaseBackups restore <dir> <host> <port> <adminUser> <service> <databaseSuffix> <amqpUri>
            DatabaseBackups drained <amqpUri> <service> <seconds>
            DatabaseBackups behind <host> <port> <adminUser> <actionsDatabase> <notificationsDatabase> <since>""";

    /** A PostgreSQL server and the superuser that dumps and restores (its password, if any, in PGPASSWORD). */
    public record Server(String host, int port, String adminUser) {

        Connection connect(String database) throws SQLException {
            var password = System.getenv("PGPASSWORD");
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, adminUser,
                    password == null ? "" : password);
        }
    }

    /** An action whose contributors were told something (a status) the restored action-service no longer holds. */
    public record ActionBehind(UUID actionId, String title, String toldStatus, Instant toldAt, String restoredStatus) {

        @Override
        public String toString() {
            return "action " + actionId + " \"" + title + "\": contributors were told " + toldStatus + " at " + toldAt
                    + ", the restored database says " + (restoredStatus == null ? "nothing of it" : restoredStatus);
        }
    }

    private DatabaseBackups() {
    }

    public static void main(String[] args) {
        Foreground.configureLogging();
        try {
            System.exit(run(args));
        } catch (CommandLine.UsageException e) {
            Foreground.fail("DatabaseBackups", e.getMessage(), USAGE);
            System.exit(Foreground.EXIT_USAGE);
        } catch (Exception e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(Foreground.EXIT_FAILURE);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new CommandLine.UsageException("expected a command: backup, restore or behind");
        }
        switch (args[0]) {
            case "backup" -> {
                expect(args, 6);
                var server = new Server(args[2], Integer.parseInt(args[3]), args[4]);
                var dir = Path.of(args[1]);
                for (var database : args[5].split(",")) {
                    var taken = dump(server, database, dir);
                    System.out.printf("%s: backed up at %s (%d KiB)%n", database, taken,
                            Files.size(dumpFile(dir, database)) / 1024);
                }
            }
            case "restore" -> {
                expect(args, 8);
                var server = new Server(args[2], Integer.parseInt(args[3]), args[4]);
                var restored = restoreService(server, URI.create(args[7]), args[5], args[6], Path.of(args[1]));
                System.out.println(restored);
                System.out.println("since=" + restored.replayedSince());
            }
            case "drained" -> {
                expect(args, 4);
                return drained(URI.create(args[1]), args[2], Duration.ofSeconds(Long.parseLong(args[3]))) ? 0 : 1;
            }
            case "behind" -> {
                expect(args, 7);
                var server = new Server(args[1], Integer.parseInt(args[2]), args[3]);
                var behind = actionsBehind(server, args[4], args[5], Instant.parse(args[6]));
                if (behind.isEmpty()) {
                    System.out.println("Every action is where its contributors were told it is.");
                } else {
                    System.out.printf("%d change(s) made after the backup are not in the restored database; make them "
                            + "again (the action's page in the console):%n", behind.size());
                    behind.forEach(action -> System.out.println("  " + action));
                }
                return behind.isEmpty() ? 0 : 2;
            }
            default -> throw new CommandLine.UsageException("unknown command " + args[0]);
        }
        return 0;
    }

    private static void expect(String[] args, int count) {
        if (args.length != count) {
            throw new CommandLine.UsageException(args[0] + " expects " + (count - 1) + " arguments, got " + (args.length - 1));
        }
    }

    /** Whose events each service reads, from the queues {@code <service>.<producer>}. */
    public static final Map<String, List<String>> PRODUCERS_READ_BY = Map.of(
            "feedback-service", List.of("action-service", "notification-service"),
            "action-service", List.of("feedback-service"),
            "notification-service", List.of("feedback-service", "action-service"));

    /** What a restore did: when the backup was taken, from when the events were replayed, and how many. */
    public record Restored(String service, Instant takenAt, Instant replayedSince, Map<String, Integer> replayed,
                           int emptied) {

        @Override
        public String toString() {
            return service + ": database restored to its backup of " + takenAt + "; " + emptied
                    + " messages waiting in its queues dropped; events published since " + replayedSince
                    + " published again: " + replayed;
        }
    }

    /**
     * Restores {@code service}'s database from {@code dir} and has it given back what it missed since. The service
     * must be stopped. Its queues are emptied (what waits there was published after the backup, or the replay starts
     * at the oldest of it), so that the replay hands it everything in the order it was first published: triage
     * groups feedback in the order it comes, and so groups it as it did the first time.
     */
    public static Restored restoreService(Server server, URI broker, String service, String databaseSuffix, Path dir)
            throws Exception {
        var database = ServiceLaunch.database(service, databaseSuffix);
        var takenAt = takenAt(dir, database);
        restore(server, database, dir);
        var since = takenAt.minus(REPLAY_MARGIN);
        int emptied = 0;
        var factory = new ConnectionFactory();
        factory.setUri(broker);
        try (var connection = factory.newConnection("restore of " + service)) {
            for (var producer : PRODUCERS_READ_BY.get(service)) {
                var queue = service + "." + producer;
                try (var channel = connection.createChannel()) {
                    var oldest = channel.basicGet(queue, false);
                    if (oldest != null && oldest.getProps().getTimestamp() != null) {
                        var publishedAt = oldest.getProps().getTimestamp().toInstant().minusSeconds(1);
                        since = publishedAt.isBefore(since) ? publishedAt : since;
                    }
                }
                try (var channel = connection.createChannel()) {
                    emptied += channel.queuePurge(queue).getMessageCount();
                }
            }
        }
        var replayed = new LinkedHashMap<String, Integer>();
        for (var producer : PRODUCERS_READ_BY.get(service)) {
            replayed.put(producer, replay(server, ServiceLaunch.database(producer, databaseSuffix), since));
        }
        return new Restored(service, takenAt, since, replayed, emptied);
    }

    /**
     * Waits, at most {@code limit}, until nothing waits in {@code service}'s queues, twice a second apart: the replay
     * has been handled (its producers publish it within seconds of the restore).
     */
    static boolean drained(URI broker, String service, Duration limit) throws Exception {
        var factory = new ConnectionFactory();
        factory.setUri(broker);
        var deadline = Instant.now().plus(limit);
        Thread.sleep(3_000);
        try (var connection = factory.newConnection("replay watch of " + service)) {
            int emptyInARow = 0;
            while (Instant.now().isBefore(deadline)) {
                long waiting = 0;
                for (var producer : PRODUCERS_READ_BY.get(service)) {
                    try (var channel = connection.createChannel()) {
                        waiting += channel.queueDeclarePassive(service + "." + producer).getMessageCount();
                    }
                }
                emptyInARow = waiting == 0 ? emptyInARow + 1 : 0;
                if (emptyInARow == 2) {
                    return true;
                }
                Thread.sleep(1_000);
            }
            return false;
        }
    }

    /**
     * Dumps {@code database} into {@code dir} and records when: the time just before {@code pg_dump} started, which
     * is no later than the snapshot it dumps.
     */
    public static Instant dump(Server server, String database, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        var takenAt = Instant.now();
        run(List.of(tool("pg_dump"), "--format=custom", "--file=" + dumpFile(dir, database), "--host=" + server.host(),
                "--port=" + server.port(), "--username=" + server.adminUser(), "--no-password", database));
        var manifest = manifest(dir);
        manifest.setProperty(database, takenAt.toString());
        try (OutputStream out = Files.newOutputStream(dir.resolve(MANIFEST))) {
            manifest.store(out, "when each database's backup was taken");
        }
        return takenAt;
    }

    /** When {@code database}'s backup in {@code dir} was taken. */
    public static Instant takenAt(Path dir, String database) throws IOException {
        var value = manifest(dir).getProperty(database);
        if (value == null) {
            throw new IOException(dir + " holds no backup of " + database);
        }
        return Instant.parse(value);
    }

    /**
     * Puts {@code database} back as its backup in {@code dir} holds it, in one transaction. The service that owns it
     * must be stopped: its tables are dropped and made again.
     */
    public static void restore(Server server, String database, Path dir) throws IOException, InterruptedException {
        var file = dumpFile(dir, database);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " holds no backup of " + database);
        }
        run(List.of(tool("pg_restore"), "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
                "--host=" + server.host(), "--port=" + server.port(), "--username=" + server.adminUser(),
                "--no-password", "--dbname=" + database, file.toString()));
    }

    /**
     * Marks the events {@code database}'s service published since {@code since} unpublished again: its relay
     * publishes them again, within a second. Returns how many.
     */
    public static int replay(Server server, String database, Instant since) throws SQLException {
        try (var connection = server.connect(database);
             var statement = connection.prepareStatement(
                     "update outbox_event set published_at = null where published_at >= ?")) {
            statement.setTimestamp(1, Timestamp.from(since));
            return statement.executeUpdate();
        }
    }

    /**
     * The actions whose contributors were told of a status after {@code since} (notification-service's record) that
     * the restored action-service does not hold: changes made by people after the backup, which no replay brings back.
     * An action the restored database does not know counts only while contributors still follow it: one whose
     * feedback the replay grouped elsewhere is followed by nobody.
     */
    public static List<ActionBehind> actionsBehind(Server server, String actionsDatabase, String notificationsDatabase,
                                                   Instant since) throws SQLException {
        var told = new ArrayList<ActionBehind>();
        var followed = new HashSet<UUID>();
        try (var connection = server.connect(notificationsDatabase);
             var statement = connection.prepareStatement("""
                     select t.action_id, t.title, t.status, t.updated_at,
                            exists (select 1 from contribution c where c.action_id = t.action_id)
                     from tracked_action t where t.updated_at >= ? order by t.updated_at""")) {
            statement.setTimestamp(1, Timestamp.from(since));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var action = rows.getObject(1, UUID.class);
                    told.add(new ActionBehind(action, rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), null));
                    if (rows.getBoolean(5)) {
                        followed.add(action);
                    }
                }
            }
        }
        var restored = new HashMap<UUID, String>();
        try (var connection = server.connect(actionsDatabase);
             var statement = connection.prepareStatement("select id, status from action where id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", told.stream().map(ActionBehind::actionId).toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    restored.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return told.stream()
                .filter(action -> restored.containsKey(action.actionId())
                        ? !action.toldStatus().equals(restored.get(action.actionId()))
                        : followed.contains(action.actionId()))
                .map(action -> new ActionBehind(action.actionId(), action.title(), action.toldStatus(), action.toldAt(),
                        restored.get(action.actionId())))
                .toList();
    }

    static Path dumpFile(Path dir, String database) {
        return dir.resolve(database + ".dump");
    }

    private static Properties manifest(Path dir) throws IOException {
        var manifest = new Properties();
        var file = dir.resolve(MANIFEST);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                manifest.load(in);
            }
        }
        return manifest;
    }

    /** The PostgreSQL client tool on the PATH, or in the machine's PostgreSQL installation. */
    static String tool(String name) {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(Path::compareTo).map(Path::toString)
                    .orElseThrow(() -> new IllegalStateException(name + " is not installed (Debian: apt-get install postgresql-client)"));
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not installed (Debian: apt-get install postgresql-client)");
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(Path.of(command.getFirst()).getFileName() + " failed: " + output.strip());
        }
    }
}
