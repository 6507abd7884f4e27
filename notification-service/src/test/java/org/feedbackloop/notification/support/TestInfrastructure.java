package org.feedbackloop.notification.support;

import org.feedbackloop.testkit.Infrastructure;
import org.feedbackloop.testkit.ServiceTestInfrastructure;
import org.feedbackloop.testkit.TcpProxy;

import java.util.List;

/** The tests' infrastructure, with a cuttable proxy between the application and the SMTP sink. */
public class TestInfrastructure extends ServiceTestInfrastructure {

    private static TcpProxy smtpProxy;

    public TestInfrastructure() {
        // a backlog in this service's queues would be worked through during the tests, writing notifications they
        // do not expect
        super(List.of("notification-service.feedback-service", "notification-service.action-service"),
                "quarkus.mailer.port", Infrastructure.SMTP_PORT);
    }

    /** The proxy in front of the SMTP sink; cut it to simulate a mail server outage. */
    public static TcpProxy smtpProxy() {
        return smtpProxy;
    }

    @Override
    protected void proxied(TcpProxy proxy) {
        smtpProxy = proxy;
    }
}
