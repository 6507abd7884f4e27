package org.feedbackloop.action.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** The customers who said "me too" about an action: one vote per (action, customer). Must run in a transaction. */
@ApplicationScoped
public class MeTooVotes {

    /** True when this is the customer's first "me too" on the action (the unique key decides, so racing clicks count once). */
    public Uni<Boolean> add(UUID actionId, String contributorId, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into me_too (action_id, contributor_id, created_at) values (:action, :contributor, :at)
                        on conflict do nothing""")
                .setParameter("action", actionId)
                .setParameter("contributor", contributorId)
                .setParameter("at", at)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /** A merge brings the duplicate's votes along; someone who voted for both keeps one vote. */
    Uni<Integer> move(UUID from, UUID to) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        with moved as (delete from me_too where action_id = :from returning contributor_id, created_at)
                        insert into me_too (action_id, contributor_id, created_at)
                        select :to, contributor_id, created_at from moved
                        on conflict do nothing""")
                .setParameter("from", from)
                .setParameter("to", to)
                .executeUpdate());
    }
}
