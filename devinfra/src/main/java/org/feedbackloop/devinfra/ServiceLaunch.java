package org.feedbackloop.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a service of the suite is started from its built jar ({@code <module>/target/quarkus-app/quarkus-run.jar}):
 * the JVM's flags and the environment that points it at the local infrastructure and at the other services.
 * {@code ./feedbackloop up} (through {@link LaunchCommand}) and the end-to-end suite both start services with it.
 */
public final class ServiceLaunch {

    /** The services in the order they start. */
    public static final List<String> SERVICES = List.of("feedback-service", "action-service", "notification-service", "gateway");

    /** The suite on one machine: every service on loopback, the infrastructure on its ports. */
    public record Site(Map<String, Integer> ports, String databaseSuffix, String virtualHost, String profile,
                       String keycloakRealmUrl, int postgresPort, int amqpPort, int smtpPort, int imapPort, Secrets secrets,
                       String publicUrl) {

        public Site {
            ports = Map.copyOf(ports);
        }

        public String url(String service) {
            return "http://127.0.0.1:" + ports.get(service);
        }
    }

    /** What the services of one suite share and a client never sees. */
    public record Secrets(String cursor, String signing, String webSession, String webState, String webCsrf) {
    }

    private ServiceLaunch() {
    }

    /** A service's database, as {@code ProvisionDatabases} makes it (role = password = name). */
    public static String database(String service, String suffix) {
        return switch (service) {
            case "feedback-service" -> "feedback" + suffix;
            case "action-service" -> "actions" + suffix;
            case "notification-service" -> "notifications" + suffix;
            default -> throw new IllegalArgumentException(service + " has no database");
        };
    }

    /** {@code java <flags> -jar <jar>}; the jar must have been built. */
    public static List<String> javaCommand(String java, Path root, String service) {
        var jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        // the sentence model's native code (ONNX Runtime, the tokenizer) needs native access on JDK 22+; the thread
        // priority policy lets the analysis threads yield to requests. The serial collector with a small young
        // generation: every page of the young generation is touched between two collections, so its size is resident
        // memory; at this heap size collections cost under 1 ms of CPU per item of the loop (bench/RESULTS.md)
        return List.of(java, "-Xmx256m", "-Xmn24m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-XX:ThreadPriorityPolicy=1",
                "-XX:JavaPriority1_To_OSPriority=19", "-jar", jar.toString());
    }

    public static Map<String, String> environment(String service, Site site) {
        var env = new LinkedHashMap<String, String>();
        env.put("QUARKUS_PROFILE", site.profile());
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(site.ports().get(service)));
        // as in Kubernetes (k8s/base/common.env): at SIGTERM the requests in hand are answered before the port closes
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "20s");
        env.put("OIDC_AUTH_SERVER_URL", site.keycloakRealmUrl());
        if (service.equals("gateway")) {
            env.put("FEEDBACK_SERVICE_URL", site.url("feedback-service"));
            env.put("ACTION_SERVICE_URL", site.url("action-service"));
            env.put("NOTIFICATION_SERVICE_URL", site.url("notification-service"));
            env.put("WEB_SESSION_SECRET", site.secrets().webSession());
            env.put("WEB_STATE_SECRET", site.secrets().webState());
            env.put("WEB_CSRF_SECRET", site.secrets().webCsrf());
            // the benchmark loads the gateway as the dev realm's feedbackloop-bench client, past the production limits
            env.put("RATE_LIMIT_CLIENT_QUOTAS", "feedbackloop-bench=5000/5000");
            return env;
        }
        var database = database(service, site.databaseSuffix());
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(site.postgresPort()));
        env.put("DB_NAME", database);
        env.put("DB_USER", database);
        env.put("DB_PASSWORD", database);
        env.put("RABBITMQ_HOST", "127.0.0.1");
        env.put("RABBITMQ_PORT", String.valueOf(site.amqpPort()));
        env.put("RABBITMQ_VHOST", site.virtualHost());
        env.put("RABBITMQ_USERNAME", "guest");
        env.put("RABBITMQ_PASSWORD", "guest");
        env.put("CURSOR_SECRET", site.secrets().cursor());
        env.put("SIGNING_SECRET", site.secrets().signing());
        env.put("REPLY_SECRET", site.secrets().signing()); // shared by the e-mail's sender and the mailbox's reader
        if (service.equals("feedback-service")) { // its own mailbox on the mail sink: plain IMAP on loopback
            env.put("MAILBOX_ENABLED", "true");
            env.put("MAILBOX_HOST", "127.0.0.1");
            env.put("MAILBOX_PORT", String.valueOf(site.imapPort()));
            env.put("MAILBOX_TLS", "false");
            env.put("MAILBOX_USERNAME", "feedback" + site.databaseSuffix().replace('_', '-') + "@feedbackloop.local");
            env.put("MAILBOX_PASSWORD", "feedback");
        }
        if (service.equals("notification-service")) { // its delivery reports go to a mailbox of its own on the sink
            var bounces = "bounces" + site.databaseSuffix().replace('_', '-') + "@feedbackloop.local";
            env.put("MAIL_BOUNCE_ADDRESS", bounces);
            env.put("BOUNCE_MAILBOX_ENABLED", "true");
            env.put("BOUNCE_MAILBOX_HOST", "127.0.0.1");
            env.put("BOUNCE_MAILBOX_PORT", String.valueOf(site.imapPort()));
            env.put("BOUNCE_MAILBOX_TLS", "false");
            env.put("BOUNCE_MAILBOX_USERNAME", bounces);
            env.put("BOUNCE_MAILBOX_PASSWORD", "bounces");
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(site.smtpPort()));
            env.put("PUBLIC_URL", site.publicUrl());
            // reads the dev realm's managers and owners for the weekly stories (the realm's dev-only secret)
            env.put("DIRECTORY_CLIENT_SECRET", "dev-directory-secret");
        }
        return env;
    }

    /**
     * The command and environment as {@code env NAME=value ... java ... -jar ...}; with an {@code aotCaches} folder,
     * the JVM starts from the service's ahead-of-time cache there ({@link #aotCache}).
     */
    public static List<String> envCommand(String java, Path root, String service, Map<String, String> environment,
                                          Path aotCaches) {
        var command = new ArrayList<String>();
        command.add("env");
        environment.forEach((name, value) -> command.add(name + "=" + value));
        var javaCommand = new ArrayList<>(javaCommand(java, root, service));
        if (aotCaches != null) {
            javaCommand.addAll(1, aotCache(aotCaches, service, root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar")));
        }
        command.addAll(javaCommand);
        return command;
    }

    /**
     * JDK 25's ahead-of-time cache (JEP 483, 514, 515): the classes an earlier run of the same build loaded and linked,
     * and its method profiles; a service starts in about two thirds of the time. Without a cache newer than the jar,
     * this run records one, written when the service stops. Nothing on an older JDK.
     */
    static List<String> aotCache(Path folder, String service, Path jar) {
        if (Runtime.version().feature() < 25) {
            return List.of();
        }
        var cache = folder.resolve(service + ".aot").toAbsolutePath();
        try {
            Files.createDirectories(folder);
            if (Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:AOTCache=" + cache);
            }
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the ahead-of-time cache " + cache, e);
        }
        return List.of("-XX:AOTCacheOutput=" + cache);
    }
}
