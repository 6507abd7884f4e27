package org.feedbackloop.e2e;

import org.feedbackloop.devinfra.ServiceLaunch;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite for the browser tests: the four services started from their built jars
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}) in the prod profile, against databases ({@code *_e2e}) and
 * a virtual host ({@code feedbackloop-e2e}) of their own, each on a free port except the gateway, which Keycloak knows as
 * {@code http://localhost:18080}. Started once per test run, stopped at its end; logs in {@code e2e/target/suite-logs}.
 * The infrastructure (PostgreSQL, RabbitMQ, Keycloak, the mail sink) is {@code ./feedbackloop infra}'s. Once
 * the services are ready, an {@link EventTap} captures every event they publish until the end of the run.
 */
public final class Suite implements BeforeAllCallback {

    /** Keycloak's client feedbackloop-web lets a browser sign in on 18080; API-only runs may move it. */
    public static final int GATEWAY_PORT = Integer.parseInt(env("E2E_GATEWAY_PORT", "18080"));
    public static final String GATEWAY = "http://localhost:" + GATEWAY_PORT;
    public static final String KEYCLOAK = env("OIDC_AUTH_SERVER_URL", "http://localhost:8180/realms/feedbackloop");

    private static Running running;
    private static volatile String gateway = GATEWAY;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (Suite.class) {
            if (running == null) {
                running = new Running();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Suite.class.getName(), running);
            }
        }
    }

    /** Where the tests reach the gateway: {@link #GATEWAY} unless a test put a front before its instances. */
    public static String gateway() {
        return gateway;
    }

    public static void reachGatewayAt(String url) {
        gateway = url;
    }

    /** Where the action service listens in this run (the tests ask it whether its public board exists). */
    public static String actionService() {
        return "http://127.0.0.1:" + running.ports.get("action-service");
    }

    public static String feedbackService() {
        return "http://127.0.0.1:" + running.ports.get("feedback-service");
    }

    /** The suite's services, in the order they start: feedback, action, notification, gateway. */
    public static List<String> services() {
        return List.copyOf(running.ports.keySet());
    }

    public static String url(String service) {
        return "http://127.0.0.1:" + running.ports.get(service);
    }

    /** {@code kill -9} of one service; {@link #restart} brings it back on the same port. */
    public static void kill(String service) {
        running.kill(service);
    }

    public static void restart(String service) {
        running.start(service, true);
    }

    /**
     * Starts a second replica of a service, on a free port, with the same environment (database, queues): it takes
     * its share of the service's queues as a competing consumer. Its name is {@code <service>-2}.
     */
    public static String startReplica(String service) {
        return running.startInstance(service + "-2", service, running.root);
    }

    /** Stops a replica that {@link #startReplica} started (SIGTERM), and forgets it. */
    public static void stopReplica(String replica) {
        running.stop(replica);
    }

    /**
     * Starts one more instance of a service, named {@code instance}, from the jars of the checkout {@code root} (a
     * newer build), on a free port and with the service's environment: not awaited, see {@link #awaitReady}.
     */
    public static void startInstance(String instance, String service, Path root) {
        running.startInstance(instance, service, root);
    }

    /** Stops an instance (SIGTERM: it finishes what it has in hand), waits until it has exited, and forgets it. */
    public static void stop(String instance) {
        running.stop(instance);
    }

    public static int port(String instance) {
        return running.ports.get(instance);
    }

    /**
     * Stops a service (SIGTERM), starts it again with {@code overrides} over the environment it was first started
     * with (none: as it was first started), on the same port, and waits until it is ready: to route one of its
     * connections through a {@code TcpProxy}.
     */
    public static void restartWith(String service, Map<String, String> overrides) {
        running.restartWith(service, overrides);
    }

    public static void awaitReady(String service, Duration limit) {
        running.awaitReady(service, limit);
    }

    /** The database of a service in this run, as {@code ./feedbackloop} provisions it (role = password = name). */
    public static String database(String service) {
        return ServiceLaunch.database(service, env("E2E_DATABASE_SUFFIX", "_e2e"));
    }

    /** The checkout whose jars the suite runs (and whose {@code ./feedbackloop} manages the infrastructure). */
    public static Path root() {
        return running.root;
    }

    public static String notificationService() {
        return "http://127.0.0.1:" + running.ports.get("notification-service");
    }

    /** Every event the services published since the suite was ready, from every test class of the run. */
    static List<EventTap.TappedEvent> events() {
        return running.tap.events();
    }

    public static Path target() {
        return Path.of(System.getProperty("e2e.target", "target"));
    }

    /** The started processes; JUnit closes the store at the end of the run, which stops them. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        private final Map<String, Integer> ports = new LinkedHashMap<>();
        private final Map<String, Process> processes = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> firstEnvironments = new LinkedHashMap<>();
        private final Map<String, String> modules = new LinkedHashMap<>();
        private final Map<String, Path> roots = new LinkedHashMap<>();
        private final Path root;
        private final Path logs;
        private EventTap tap;

        Running() {
            // E2E_ROOT: where the modules' target/quarkus-app directories are (default: this checkout)
            root = Path.of(env("E2E_ROOT", System.getProperty("e2e.root", ".."))).toAbsolutePath().normalize();
            logs = target().resolve("suite-logs");
            try {
                Files.createDirectories(logs);
                deleteScreenshotsOfEarlierRuns();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ports.put("feedback-service", freePort());
            ports.put("action-service", freePort());
            ports.put("notification-service", freePort());
            ports.put("gateway", GATEWAY_PORT);
            if (portTaken(GATEWAY_PORT)) {
                throw new IllegalStateException("port " + GATEWAY_PORT + " is taken: the browser tests need it for the "
                        + "gateway (Keycloak's client feedbackloop-web lets it sign in there)");
            }
            var site = new ServiceLaunch.Site(ports, env("E2E_DATABASE_SUFFIX", "_e2e"), env("E2E_RABBITMQ_VHOST", "feedbackloop-e2e"),
                    env("E2E_QUARKUS_PROFILE", "prod"), KEYCLOAK, Integer.parseInt(env("DB_PORT", "5432")),
                    Integer.parseInt(env("RABBITMQ_PORT", "5672")), Integer.parseInt(env("SMTP_PORT", "3025")),
                    Integer.parseInt(env("IMAP_PORT", "3143")),
                    new ServiceLaunch.Secrets(randomSecret(), randomSecret(), randomSecret(), randomSecret(), randomSecret()),
                    GATEWAY); // links in e-mails lead through the gateway, as in production
            try {
                for (var name : ports.keySet()) {
                    modules.put(name, name);
                    environments.put(name, environment(name, site));
                    start(name, false);
                }
                for (var name : ports.keySet()) {
                    awaitReady(name, Duration.ofSeconds(180));
                }
                tap = EventTap.start("127.0.0.1", Integer.parseInt(env("RABBITMQ_PORT", "5672")),
                        env("E2E_RABBITMQ_VHOST", "feedbackloop-e2e"), Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        synchronized String startInstance(String instance, String service, Path from) {
            var environment = new LinkedHashMap<>(environments.get(service));
            int port = freePort();
            environment.put("HTTP_PORT", String.valueOf(port));
            environments.put(instance, environment);
            ports.put(instance, port);
            modules.put(instance, service);
            roots.put(instance, from);
            start(instance, false);
            return instance;
        }

        synchronized void stop(String instance) {
            var process = processes.remove(instance);
            process.destroy();
            awaitExit(process);
            ports.remove(instance); // its environment stays: the next instance of the service starts with it
            modules.remove(instance);
            roots.remove(instance);
        }

        /** Starts a service of the suite (again), on its port and with its environment; its log grows on. */
        synchronized void start(String name, boolean appendLog) {
            var module = modules.get(name);
            var from = roots.getOrDefault(name, root);
            var log = logs.resolve(name + ".log").toFile();
            var builder = new ProcessBuilder(ServiceLaunch.javaCommand(javaCommand(), from, module))
                    .directory(from.resolve(module).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.to(log));
            builder.environment().putAll(environments.get(name));
            try {
                processes.put(name, builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void restartWith(String name, Map<String, String> overrides) {
            var process = processes.get(name);
            process.destroy();
            awaitExit(process);
            var environment = new LinkedHashMap<>(firstEnvironments.computeIfAbsent(name, environments::get));
            environment.putAll(overrides);
            environments.put(name, environment);
            start(name, true);
            awaitReady(name, Duration.ofSeconds(120));
        }

        /** {@code kill -9}: no shutdown hook, no goodbye to the broker or the database. */
        synchronized void kill(String name) {
            var process = processes.get(name);
            process.destroyForcibly();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " survived SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void deleteScreenshotsOfEarlierRuns() throws IOException {
            var screenshots = target().resolve("screenshots");
            if (Files.isDirectory(screenshots)) {
                try (var files = Files.list(screenshots)) {
                    for (var file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }

        /** The launch recipe's environment, with the test clocks and limits of this run. */
        private Map<String, String> environment(String name, ServiceLaunch.Site site) {
            var env = new LinkedHashMap<>(ServiceLaunch.environment(name, site));
            env.put("LOG_JSON", "false");
            env.put("OTEL_TRACES_SAMPLER", "always_off");
            env.put("DJL_CACHE_DIR", target().resolve("djl").toAbsolutePath().toString());
            // A test database migrated by a newer branch of the services is still usable by this one
            env.put("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS", "*:future");
            // several instances of each service share PostgreSQL's 100 connections (the rolling upgrade runs up to 9)
            var pool = env("E2E_DB_POOL_SIZE", "");
            if (!pool.isEmpty()) {
                env.put("DB_POOL_SIZE", pool);
                env.put("DB_JDBC_POOL_SIZE", pool);
            }
            if (name.equals("action-service")) {
                // praise (priority P4) is due at once and escalated soon after, so that overdue and escalated
                // actions exist within a test; the other priorities keep their days
                env.put("SLA_P4", "2s");
                env.put("ESCALATE_AFTER", "3s");
                env.put("DEADLINE_SCAN_INTERVAL", "1s");
            }
            if (name.equals("feedback-service")) {
                // silence is looked for every few seconds, so that a channel gone quiet is flagged within a test
                env.put("SILENCE_CHECK_EVERY", "3s");
                env.put("SILENCE_CHECK_DELAY", "3s");
            }
            if (name.equals("notification-service")) {
                // the integrators' webhook receivers of the tests listen on loopback; every other private or
                // local address stays refused
                env.put("WEBHOOK_ALLOWED_PRIVATE_HOSTS", "127.0.0.1");
                env.put("WEBHOOK_FIRST_BACKOFF", "500ms");
                env.put("WEBHOOK_MAX_BACKOFF", "2s");
                // after the mail server's ten-minute outage every waiting e-mail is tried again within three minutes
                // (ten attempts then span about 14 minutes: none is given up during the outage)
                env.put("EMAIL_MAX_BACKOFF", "3m");
            }
            if (name.equals("gateway")) {
                // a 2-core machine running four cold JVMs answers slowly at first
                env.put("WEB_UPSTREAM_TIMEOUT", "15s");
                // bursts of hundreds of requests from one test user are the point of the fault and hostile-input
                // tests; the gateway's own tests cover the limits themselves
                env.put("RATE_LIMIT_READ_BURST", "5000");
                env.put("RATE_LIMIT_READ_PER_SECOND", "1000");
                env.put("RATE_LIMIT_WRITE_BURST", "5000");
                env.put("RATE_LIMIT_WRITE_PER_SECOND", "1000");
            }
            return env;
        }

        void awaitReady(String name, Duration limit) {
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var deadline = Instant.now().plus(limit);
            var ready = URI.create("http://127.0.0.1:" + ports.get(name) + "/q/health/ready");
            while (true) {
                var process = processes.get(name);
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue()
                            + " while starting: see " + logs.resolve(name + ".log"));
                }
                try {
                    var response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " was not ready after " + limit.toSeconds() + " s: see "
                            + logs.resolve(name + ".log"));
                }
                sleep(500);
            }
        }

        @Override
        public void close() {
            if (tap != null) {
                tap.close();
            }
            for (var process : processes.values()) {
                process.destroy();
            }
            processes.values().forEach(Running::awaitExit);
            processes.clear();
        }

        /** Waits for a process told to stop, 40 s at most (its shutdown timeout is 20 s), then kills it. */
        private static void awaitExit(Process process) {
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean portTaken(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String randomSecret() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
