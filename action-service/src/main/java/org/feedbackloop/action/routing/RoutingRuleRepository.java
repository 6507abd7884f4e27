package org.feedbackloop.action.routing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class RoutingRuleRepository implements PanacheRepositoryBase<RoutingRule, String> {

    public Uni<List<RoutingRule>> inOrder() {
        return find("order by topic").list();
    }
}
