package org.feedbackloop.action.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.config.ActionConfig;

import java.time.Duration;
import java.time.Instant;

/** The two clocks' defaults: time to fix by priority (the SLA), and time to tell a contributor. */
@ApplicationScoped
public class Deadlines {

    private final ActionConfig.Triage config;

    Deadlines(ActionConfig config) {
        this.config = config.triage();
    }

    public Instant fixBy(Priority priority, Instant from) {
        Duration sla = switch (priority) {
            case P1 -> config.sla().p1();
            case P2 -> config.sla().p2();
            case P3 -> config.sla().p3();
            case P4 -> config.sla().p4();
        };
        return from.plus(sla);
    }

    public Instant informBy(FeedbackItem feedback, Instant from) {
        return from.plus(feedback.isDetractor() ? config.detractorInformWithin() : config.informWithin());
    }
}
