package org.feedbackloop.action.routing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.config.ActionConfig;

/** Decides the team (and default owner) for a topic; topics without a rule go to the triage team. */
@ApplicationScoped
public class Routing {

    /** The outcome for one topic. */
    public record Route(String team, String ownerId, String ownerName) {
    }

    private final RoutingRuleRepository rules;
    private final String triageTeam;

    Routing(RoutingRuleRepository rules, ActionConfig config) {
        this.rules = rules;
        this.triageTeam = config.triage().defaultTeam();
    }

    public Uni<Route> route(String topic) {
        return rules.findById(topic).map(rule -> rule == null
                ? new Route(triageTeam, null, null)
                : new Route(rule.team, rule.defaultOwnerId, rule.defaultOwnerName));
    }
}
