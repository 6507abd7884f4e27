package org.feedbackloop.kit.inbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Arguments the consumer channels declare exchanges with: exactly as their producers declare them
 * (a mismatch is refused by the broker), so whichever service starts first creates them right.
 * A channel names one in {@code exchange.arguments}: {@code feedback-events-exchange}, … .
 */
@ApplicationScoped
public class Topology {

    @ConfigProperty(name = "feedbackloop.broker.quorum-queues", defaultValue = "true")
    boolean rabbitmqFeatures;

    @Produces
    @Identifier("feedback-events-exchange")
    Map<String, Object> feedbackEventsExchange() {
        return producedBy("feedback.events");
    }

    @Produces
    @Identifier("action-events-exchange")
    Map<String, Object> actionEventsExchange() {
        return producedBy("action.events");
    }

    @Produces
    @Identifier("notification-events-exchange")
    Map<String, Object> notificationEventsExchange() {
        return producedBy("notification.events");
    }

    private Map<String, Object> producedBy(String exchange) {
        return rabbitmqFeatures ? Map.of("alternate-exchange", exchange + ".unrouted") : Map.of();
    }
}
