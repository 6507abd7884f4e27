package org.feedbackloop.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The idempotent-consumer record: inserting the event id first, in the transaction of the effect, is what
 * makes a redelivered event change nothing (insert first, never "select, then insert": that races).
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True when this is the first time {@code consumer} sees {@code eventId}; must run in the effect's transaction. */
    public Uni<Boolean> firstTime(String consumer, UUID eventId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "insert into processed_event (consumer, event_id) values (:consumer, :event) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("event", eventId)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}
