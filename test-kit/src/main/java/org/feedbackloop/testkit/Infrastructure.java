package org.feedbackloop.testkit;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Where the real infrastructure of the tests is ({@code ./feedbackloop test} starts Keycloak and the mail sink;
 * PostgreSQL and RabbitMQ run on the machine), and the checks a module's tests make before they start.
 */
public final class Infrastructure {

    public static final String KEYCLOAK_URL = System.getProperty("keycloak.url", "http://localhost:8180");
    public static final int RABBITMQ_PORT = Integer.parseInt(System.getProperty("rabbitmq.port",
            System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
    /** The tests' virtual host; {@code -Drabbitmq.vhost} moves the tests and the service elsewhere together. */
    public static final String RABBITMQ_VHOST = System.getProperty("rabbitmq.vhost", "feedbackloop-test");
    public static final int SMTP_PORT = Integer.parseInt(System.getProperty("smtp.port", "3025"));

    private Infrastructure() {
    }

    /** @throws IllegalStateException saying how to start it, when Keycloak does not serve the realm */
    public static void requireKeycloak() {
        var wellKnown = URI.create(KEYCLOAK_URL + "/realms/feedbackloop/.well-known/openid-configuration");
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
            var response = http.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return;
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Keycloak with realm feedbackloop is not answering at " + KEYCLOAK_URL
                + ". Run the tests with ./feedbackloop test (or start the infrastructure with ./feedbackloop infra).");
    }

    /**
     * Empties queues of the tests' virtual host. The modules' tests publish into the same virtual host: what one
     * left in another service's queues would be consumed at that service's start and race its tests.
     */
    public static void purgeQueues(String... queues) {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(RABBITMQ_PORT);
        factory.setVirtualHost(RABBITMQ_VHOST);
        try (var connection = factory.newConnection("tests: purge")) {
            for (var queue : queues) {
                try (var channel = connection.createChannel()) {
                    channel.queuePurge(queue);
                } catch (IOException | TimeoutException | ShutdownSignalException absent) {
                    // not declared yet: nothing was left
                }
            }
        } catch (IOException | TimeoutException noBroker) {
            // the tests that need it say so
        }
    }
}
