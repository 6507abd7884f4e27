package org.feedbackloop.action.routing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class RoutingRuleRepository implements PanacheRepositoryBase<RoutingRule, String> {

    /** The most routing rules kept: one per topic, so also the most topics routed to a team other than triage. */
    public static final int MAX_RULES = 100;

    /** Every rule (at most {@value #MAX_RULES}), by topic. */
    public Uni<List<RoutingRule>> inOrder() {
        return find("order by topic").page(0, MAX_RULES).list();
    }

    /**
     * Keeps other transactions from adding, changing or removing rules until this one ends (reads go on), so that
     * counting the rules before adding one holds. Must run in a transaction.
     */
    public Uni<Void> lockForChange() {
        return getSession().flatMap(session -> session
                .createNativeQuery("lock table routing_rule in share row exclusive mode").executeUpdate())
                .replaceWithVoid();
    }
}
