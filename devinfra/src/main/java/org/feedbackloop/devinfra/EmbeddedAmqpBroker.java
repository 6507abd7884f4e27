package org.feedbackloop.devinfra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHostNode;

/**
 * An AMQP 0-9-1 broker in process (Apache Qpid Broker-J) for machines without RabbitMQ.
 *
 * <pre>
 * EmbeddedAmqpBroker [--port 5672] [--work-dir .work/broker]
 * </pre>
 *
 * <p>It listens on 127.0.0.1 only, accepts {@code guest}/{@code guest} (SASL PLAIN, no TLS), and has the virtual
 * hosts {@code default} (what a RabbitMQ client's "/" reaches), {@code feedbackloop}, {@code feedbackloop-test} and {@code feedbackloop-e2e}.
 * Everything lives in memory: exchanges, queues and messages, durable or not, are gone when it stops. It is not
 * RabbitMQ: see {@link #DIFFERENCES_FROM_RABBITMQ}, which the main prints as a warning.
 */
public final class EmbeddedAmqpBroker implements Foreground.Server {

    static final String USAGE = "EmbeddedAmqpBroker [--port <port, default 5672>] [--work-dir <dir>]";
    static final int DEFAULT_PORT = 5672;
    static final Path DEFAULT_WORK_DIR = Path.of(".work", "broker");
    /** Virtual hosts besides "default", the one a client's "/" (or an empty name) reaches. */
    public static final List<String> VIRTUAL_HOSTS = List.of("feedbackloop", "feedbackloop-test", "feedbackloop-e2e");

    /** What was seen to differ from a RabbitMQ 3.x, with the RabbitMQ Java client 5.x (some are tests here). */
    static final String DIFFERENCES_FROM_RABBITMQ = """
            WARNING: this is Apache Qpid Broker-J 10.1 speaking AMQP 0-9-1, a stand-in for RabbitMQ on a machine \
            that has none. It differs from RabbitMQ:
              - not persistent: exchanges, queues, bindings and messages (durable or not) live in memory and are \
            lost when it stops;
              - RabbitMQ's queue arguments are refused, and the refusal closes the whole CONNECTION (reply 542), \
            not just the channel: x-queue-type (no quorum or stream queues), x-delivery-limit, \
            x-dead-letter-exchange, x-dead-letter-routing-key, x-message-ttl, x-expires, x-max-length, \
            x-overflow, x-max-priority, x-queue-mode; clients must not send them here. So there is no \
            dead-lettering and no poison-message limit: a reject/nack with requeue=false discards the message \
            (configured so; Broker-J's own default would requeue it), requeue=true redelivers it for ever;
              - no exchange-to-exchange bindings, no plugin exchange types (x-delayed-message, x-consistent-hash);
              - with publisher confirms, a mandatory message that no queue takes is returned AND nacked \
            (RabbitMQ returns and acks it), so waitForConfirmsOrDie fails;
              - redeclaring a queue with other flags is accepted silently (RabbitMQ: 406 PRECONDITION_FAILED); \
            deleting a missing queue is a 404 channel error (RabbitMQ: ok); server-named queues are tmp_<uuid>;
              - virtual hosts: "/" (Broker-J's "default"), "feedbackloop", "feedbackloop-test" and "feedbackloop-e2e" only;
              - guest/guest with SASL PLAIN only, no TLS; no management UI or HTTP API (15672), no rabbitmqctl, \
            no policies.
            Test what depends on those against a real RabbitMQ.""";

    private final SystemLauncher launcher;
    private final int port;

    private EmbeddedAmqpBroker(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    /** Starts the broker; returns once its AMQP port and virtual hosts are active, throws if one is not. */
    public static EmbeddedAmqpBroker start(int port, Path workDir) throws Exception {
        Path directory = workDir.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        Path initialConfig = directory.resolve("initial-config.json");
        Files.writeString(initialConfig, initialConfiguration(port), StandardCharsets.UTF_8);

        Map<String, String> context = new HashMap<>();
        context.put("qpid.work_dir", directory.toString());
        // Broker-J requeues a message rejected with requeue=false unless the queue has a maximum number of
        // delivery attempts: with 1, such a reject discards the message as RabbitMQ does for a queue without a
        // dead-letter exchange (requeue=true, and redelivery after a consumer's channel closed, are unaffected).
        context.put("queue.maximumDeliveryAttempts", "1");

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", initialConfig.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);

        AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> resolved) {
                systemConfig.set(resolved);
            }
        });
        try {
            launcher.startup(attributes);
            requireActive(systemConfig.get(), port);
        } catch (Exception | Error e) {
            launcher.shutdown();
            throw e;
        }
        return new EmbeddedAmqpBroker(launcher, port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }

    public static void main(String[] args) {
        Foreground.configureLogging();
        int port;
        Path workDir;
        try {
            CommandLine commandLine = CommandLine.parse(args, "--port", "--work-dir");
            port = commandLine.port(DEFAULT_PORT);
            workDir = commandLine.path("--work-dir", DEFAULT_WORK_DIR);
        } catch (CommandLine.UsageException e) {
            Foreground.fail("EmbeddedAmqpBroker", e.getMessage(), USAGE);
            System.exit(Foreground.EXIT_USAGE);
            return;
        }
        System.err.println("EmbeddedAmqpBroker: work directory " + workDir);
        Foreground.serve("EmbeddedAmqpBroker", () -> {
            EmbeddedAmqpBroker broker = start(port, workDir);
            System.err.println(DIFFERENCES_FROM_RABBITMQ);
            return broker;
        }, broker -> "ready: amqp 0-9-1 broker (Qpid Broker-J) on 127.0.0.1:" + broker.port());
    }

    /**
     * Broker-J's initial configuration: read at every start, since the configuration store ("Memory") keeps
     * nothing. Port, users and virtual host nodes are fixed here; "secureOnlyMechanisms": [] lets PLAIN work
     * without TLS, as RabbitMQ's guest does on localhost.
     */
    static String initialConfiguration(int port) {
        StringBuilder nodes = new StringBuilder();
        nodes.append(virtualHostNode("default", true));
        for (String name : VIRTUAL_HOSTS) {
            nodes.append(",\n").append(virtualHostNode(name, false));
        }
        return """
                {
                  "name": "feedbackloop-dev-broker",
                  "modelVersion": "9.1",
                  "authenticationproviders": [ {
                    "name": "plain",
                    "type": "Plain",
                    "secureOnlyMechanisms": [],
                    "users": [ { "name": "guest", "type": "managed", "password": "guest" } ]
                  } ],
                  "ports": [ {
                    "name": "AMQP",
                    "type": "AMQP",
                    "port": %d,
                    "bindingAddress": "127.0.0.1",
                    "protocols": [ "AMQP_0_9_1" ],
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [
                      { "name": "nameAlias", "type": "nameAlias" },
                      { "name": "defaultAlias", "type": "defaultAlias" }
                    ]
                  } ],
                  "virtualhostnodes": [
                %s
                  ]
                }
                """.formatted(port, nodes);
    }

    private static String virtualHostNode(String name, boolean isDefault) {
        return """
                    {
                      "name": "%s",
                      "type": "Memory",
                      "defaultVirtualHostNode": "%s",
                      "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
                    }""".formatted(name, isDefault);
    }

    /**
     * Broker-J does not fail its startup when a port cannot be bound or a virtual host does not open: it logs and
     * leaves that object ERRORED. Fail instead, so that nobody talks to whatever else holds the port.
     */
    private static void requireActive(SystemConfig<?> systemConfig, int port) {
        if (systemConfig == null) {
            throw new IllegalStateException("Broker-J did not start (no broker was created)");
        }
        Broker<?> broker = systemConfig.getContainer(Broker.class);
        List<String> problems = new ArrayList<>();
        if (broker == null || broker.getState() != State.ACTIVE) {
            problems.add("broker " + (broker == null ? "missing" : broker.getState()));
        } else {
            for (Port<?> amqpPort : broker.getChildren(Port.class)) {
                if (amqpPort.getState() != State.ACTIVE) {
                    problems.add("port " + port + " " + amqpPort.getState()
                            + " (is another broker or program listening on it?)");
                }
            }
            for (VirtualHostNode<?> node : broker.getChildren(VirtualHostNode.class)) {
                if (node.getState() != State.ACTIVE) {
                    problems.add("virtual host " + node.getName() + " " + node.getState());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Broker-J is not usable: " + String.join(", ", problems));
        }
    }
}
