package org.feedbackloop.feedback.support;

import org.feedbackloop.testkit.Infrastructure;
import org.feedbackloop.testkit.ServiceTestInfrastructure;
import org.feedbackloop.testkit.TcpProxy;

import java.util.List;

/** The tests' infrastructure, with a cuttable proxy between the application and RabbitMQ. */
public class TestInfrastructure extends ServiceTestInfrastructure {

    private static TcpProxy brokerProxy;

    public TestInfrastructure() {
        // a "me too" left by another module's tests becomes a feedback item and races the tests that count rows
        super(List.of("feedback-service.action-service", "feedback-service.notification-service"),
                "feedbackloop.broker.port", Infrastructure.RABBITMQ_PORT);
    }

    /** The proxy in front of RabbitMQ; cut it to simulate an outage. */
    public static TcpProxy brokerProxy() {
        return brokerProxy;
    }

    @Override
    protected void proxied(TcpProxy proxy) {
        brokerProxy = proxy;
    }
}
