package org.feedbackloop.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command that starts one service of {@code ./feedbackloop up}, for the script to run and track:
 * {@code env NAME=value ... java ... -jar ...}, each word followed by a NUL byte. The secrets the services share are
 * made once and kept under {@code --secrets}, so that cursors and links stay valid across restarts.
 *
 * <p>Usage: {@code LaunchCommand <service> --root DIR --ports feedback-service=8081,... --profile prod
 * --postgres-port 5432 --amqp-port 5672 --smtp-port 3025 --imap-port 3143 --keycloak URL --secrets DIR --model-cache DIR
 * [--aot-cache DIR]}: with {@code --aot-cache}, the service starts from its ahead-of-time cache there (JDK 25 or later).
 */
public final class LaunchCommand {

    private static final String USAGE = "LaunchCommand <service> --root DIR --ports name=port,... --profile P --postgres-port N"
            + " --amqp-port N --smtp-port N --imap-port N --keycloak REALM_URL --secrets DIR --model-cache DIR [--aot-cache DIR]";

    private LaunchCommand() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 0 || !ServiceLaunch.SERVICES.contains(args[0])) {
                throw new CommandLine.UsageException("the first argument names a service: " + ServiceLaunch.SERVICES);
            }
            var service = args[0];
            var options = CommandLine.parse(Arrays.copyOfRange(args, 1, args.length), "--root", "--ports",
                    "--profile", "--postgres-port", "--amqp-port", "--smtp-port", "--imap-port", "--keycloak", "--secrets", "--model-cache", "--aot-cache");
            var secrets = options.path("--secrets", Path.of(".work/secrets"));
            var ports = ports(options.required("--ports"));
            var site = new ServiceLaunch.Site(ports, "", "feedbackloop", options.required("--profile"),
                    options.required("--keycloak"), options.port("--postgres-port"), options.port("--amqp-port"),
                    options.port("--smtp-port"), options.port("--imap-port"), new ServiceLaunch.Secrets(kept(secrets, "cursor-secret"),
                    kept(secrets, "signing-secret"), kept(secrets, "web-session-secret"), kept(secrets, "web-state-secret"),
                    kept(secrets, "web-csrf-secret")), "http://localhost:" + ports.get("gateway"));
            var environment = new LinkedHashMap<>(ServiceLaunch.environment(service, site));
            environment.put("DJL_CACHE_DIR", options.path("--model-cache", Path.of(".work/djl")).toString());
            var java = ProcessHandle.current().info().command().orElse("java");
            var out = new StringBuilder();
            for (var word : ServiceLaunch.envCommand(java, options.path("--root", Path.of(".")), service, environment,
                    options.optionalPath("--aot-cache"))) {
                out.append(word).append('\0');
            }
            System.out.print(out);
            System.out.flush();
        } catch (CommandLine.UsageException e) {
            Foreground.fail("LaunchCommand", e.getMessage(), USAGE);
            System.exit(Foreground.EXIT_USAGE);
        } catch (RuntimeException e) {
            Foreground.fail("LaunchCommand", Foreground.describe(e), null);
            System.exit(Foreground.EXIT_FAILURE);
        }
    }

    private static Map<String, Integer> ports(String list) {
        var ports = new LinkedHashMap<String, Integer>();
        for (var entry : list.split(",")) {
            var nameAndPort = entry.split("=", 2);
            if (nameAndPort.length != 2 || !ServiceLaunch.SERVICES.contains(nameAndPort[0])) {
                throw new CommandLine.UsageException("--ports takes service=port pairs, not " + entry);
            }
            ports.put(nameAndPort[0], CommandLine.portNumber(nameAndPort[1]));
        }
        if (!ports.keySet().containsAll(ServiceLaunch.SERVICES)) {
            throw new CommandLine.UsageException("--ports names every service: " + ServiceLaunch.SERVICES);
        }
        return ports;
    }

    /** A random value kept in {@code dir/name}, made the first time; the folder is readable by its owner only. */
    static String kept(Path dir, String name) {
        var file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            var secret = HexFormat.of().formatHex(bytes);
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the secret " + file, e);
        }
    }
}
