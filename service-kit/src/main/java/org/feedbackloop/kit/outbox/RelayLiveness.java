package org.feedbackloop.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The outbox relay thread is alive: without it, no event would ever leave this service. */
@Liveness
@ApplicationScoped
public class RelayLiveness implements HealthCheck {

    private final OutboxRelay relay;

    RelayLiveness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Outbox relay").status(relay.isRunning()).build();
    }
}
