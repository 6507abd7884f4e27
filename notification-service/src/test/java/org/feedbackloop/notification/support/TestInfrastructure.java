package org.feedbackloop.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.feedbackloop.testkit.Infrastructure;
import org.feedbackloop.testkit.TcpProxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Checks once, before the application starts, that the real Keycloak that {@code ./feedbackloop test}
 * makes available is there (a missing one fails with a clear message rather than 401s), and puts a cuttable
 * proxy between the application and the SMTP sink so that tests can take the mail server away.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static TcpProxy smtpProxy;

    /** The proxy in front of the SMTP sink; cut it to simulate a mail server outage. */
    public static TcpProxy smtpProxy() {
        return smtpProxy;
    }

    @Override
    public Map<String, String> start() {
        Infrastructure.requireKeycloak();
        // the other modules' tests publish into the same virtual host: their backlog in this service's queues would
        // be worked through during the tests, writing notifications the tests do not expect
        Infrastructure.purgeQueues("notification-service.feedback-service", "notification-service.action-service");
        try {
            smtpProxy = new TcpProxy(Infrastructure.SMTP_PORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.mailer.port", String.valueOf(smtpProxy.port()));
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
