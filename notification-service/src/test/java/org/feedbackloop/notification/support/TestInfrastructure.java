package org.feedbackloop.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Checks once, before the application starts, that the real Keycloak that {@code ./feedbackloop test}
 * makes available is there (a missing one fails with a clear message rather than 401s), and puts a cuttable
 * proxy between the application and the SMTP sink so that tests can take the mail server away.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String KEYCLOAK_URL = System.getProperty("keycloak.url", "http://localhost:8180");
    public static final int RABBITMQ_PORT = Integer.parseInt(System.getProperty("rabbitmq.port",
            System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));

    public static final int SMTP_PORT = Integer.parseInt(System.getProperty("smtp.port", "3025"));

    private static TcpProxy smtpProxy;

    /** The proxy in front of the SMTP sink; cut it to simulate a mail server outage. */
    public static TcpProxy smtpProxy() {
        return smtpProxy;
    }

    @Override
    public Map<String, String> start() {
        requireKeycloak();
        try {
            smtpProxy = new TcpProxy(SMTP_PORT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.of("quarkus.mailer.port", String.valueOf(smtpProxy.port()));
    }

    private static void requireKeycloak() {
        var wellKnown = URI.create(KEYCLOAK_URL + "/realms/feedbackloop/.well-known/openid-configuration");
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
            if (http.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        throw new IllegalStateException("Keycloak with realm feedbackloop is not answering at " + KEYCLOAK_URL
                + ". Run the tests with ./feedbackloop test (or start the infrastructure with ./feedbackloop infra).");
    }

    @Override
    public void stop() {
        try {
            if (smtpProxy != null) {
                smtpProxy.close();
            }
        } catch (IOException ignored) {
            // the JVM is ending
        }
    }
}
