package org.feedbackloop.feedback.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.feedbackloop.testkit.Infrastructure;
import org.feedbackloop.testkit.TcpProxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Checks once, before the application starts, that the infrastructure the tests need is there (the real
 * Keycloak, PostgreSQL and RabbitMQ that {@code ./feedbackloop test} makes available), empties this service's
 * queues of what other modules' tests left, and puts a cuttable proxy between the application and RabbitMQ so
 * that tests can take the broker away.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static TcpProxy brokerProxy;

    /** The proxy in front of RabbitMQ; cut it to simulate an outage. */
    public static TcpProxy brokerProxy() {
        return brokerProxy;
    }

    @Override
    public Map<String, String> start() {
        Infrastructure.requireKeycloak();
        // a "me too" left by another module's tests becomes a feedback item and races the tests that count rows
        Infrastructure.purgeQueues("feedback-service.action-service", "feedback-service.notification-service");
        try {
            brokerProxy = new TcpProxy(Infrastructure.RABBITMQ_PORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("feedbackloop.broker.port", String.valueOf(brokerProxy.port()));
    }

    @Override
    public void stop() {
        try {
            if (brokerProxy != null) {
                brokerProxy.close();
            }
        } catch (IOException ignored) {
            // the JVM is ending
        }
    }
}
