package org.feedbackloop.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** RabbitMQ as the outbox relay sees it: DOWN while it cannot publish, with the backlog that builds up. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final OutboxRelay relay;
    private final BrokerConnection broker;

    BrokerReadiness(OutboxRelay relay, BrokerConnection broker) {
        this.relay = relay;
        this.broker = broker;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("RabbitMQ")
                .status(broker.isOpen())
                .withData("broker", broker.address())
                .withData("pendingEvents", relay.pendingEvents())
                .withData("lagSeconds", String.format("%.1f", relay.lagSeconds()))
                .build();
    }
}
