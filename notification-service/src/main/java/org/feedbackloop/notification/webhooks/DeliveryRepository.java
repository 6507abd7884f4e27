package org.feedbackloop.notification.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.kit.signing.CursorCodec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The delivery log, the queue the dispatcher works from. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * One PENDING delivery per active subscription to {@code type} (exactly or by its family wildcard); a second
     * call for the same event adds nothing. Runs in the caller's transaction.
     */
    public Uni<Integer> queueFor(UUID eventId, String type, String family, String payload, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, status,
                                                      attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), s.id, :event, :type, cast(cast(:payload as text) as jsonb), 'PENDING', 0, :now, :now
                        from webhook_subscription s
                        where s.deleted_at is null and (:type = any (s.event_types) or :family = any (s.event_types))
                        on conflict (subscription_id, event_id) do nothing""")
                .setParameter("event", eventId)
                .setParameter("type", type)
                .setParameter("family", family)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** Locks up to {@code limit} deliveries due at {@code now}; other replicas skip the locked ones. */
    public Uni<List<UUID>> lockDue(Instant now, int limit) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        select d.id from webhook_delivery d
                        join webhook_subscription s on s.id = d.subscription_id and s.deleted_at is null
                        where d.status in ('PENDING', 'FAILED') and d.next_attempt_at <= :now
                        order by d.next_attempt_at
                        limit :limit
                        for update of d skip locked""", UUID.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Deliveries of a deleted subscription that were still to be attempted: they never will be. */
    public Uni<Integer> retireOpenOf(UUID subscriptionId) {
        return update("status = ?1, nextAttemptAt = null, lastError = ?2 where subscriptionId = ?3 and status in ?4",
                WebhookDelivery.Status.DEAD, "subscription deleted", subscriptionId,
                List.of(WebhookDelivery.Status.PENDING, WebhookDelivery.Status.FAILED));
    }

    /** Newest first after {@code after} (or from the start); {@code limit + 1} rows tell whether there is more. */
    public Uni<List<WebhookDelivery>> pageOf(UUID subscriptionId, CursorCodec.Position after, int limit) {
        var where = new StringBuilder("subscriptionId = ?1");
        var parameters = new ArrayList<Object>(List.of(subscriptionId));
        if (after != null) {
            where.append(" and (createdAt < ?2 or (createdAt = ?2 and id < ?3))");
            parameters.add(after.key());
            parameters.add(after.id());
        }
        return find(where + " order by createdAt desc, id desc", parameters.toArray()).page(0, limit + 1).list();
    }
}
