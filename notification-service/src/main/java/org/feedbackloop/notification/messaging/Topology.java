package org.feedbackloop.notification.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Arguments the consumer channels declare exchanges with: exactly as their producers declare them
 * (a mismatch is refused by the broker), so whichever service starts first creates them right.
 */
@ApplicationScoped
public class Topology {

    @ConfigProperty(name = "notifications.broker.quorum-queues", defaultValue = "true")
    boolean rabbitmqFeatures;

    @Produces
    @Identifier("feedback-events-exchange")
    Map<String, Object> feedbackEventsExchange() {
        return rabbitmqFeatures ? Map.of("alternate-exchange", "feedback.events.unrouted") : Map.of();
    }

    @Produces
    @Identifier("action-events-exchange")
    Map<String, Object> actionEventsExchange() {
        return rabbitmqFeatures ? Map.of("alternate-exchange", "action.events.unrouted") : Map.of();
    }
}
