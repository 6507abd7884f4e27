package org.feedbackloop.notification.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.kit.signing.CursorCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Subscriptions, always read through their owner: another integrator's do not exist for the caller. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    private static final String ACTIVE_OF_OWNER = "ownerId = ?1 and deletedAt is null";

    public Uni<WebhookSubscription> activeOf(String ownerId, UUID id) {
        return find(ACTIVE_OF_OWNER + " and id = ?2", ownerId, id).firstResult();
    }

    public Uni<Long> countActiveOf(String ownerId) {
        return count(ACTIVE_OF_OWNER, ownerId);
    }

    /** Newest first after {@code after} (or from the start); {@code limit + 1} rows tell whether there is more. */
    public Uni<List<WebhookSubscription>> pageOf(String ownerId, CursorCodec.Position after, int limit) {
        var where = new StringBuilder(ACTIVE_OF_OWNER);
        var parameters = new ArrayList<Object>(List.of(ownerId));
        if (after != null) {
            where.append(" and (createdAt < ?2 or (createdAt = ?2 and id < ?3))");
            parameters.add(after.key());
            parameters.add(after.id());
        }
        return find(where + " order by createdAt desc, id desc", parameters.toArray()).page(0, limit + 1).list();
    }
}
