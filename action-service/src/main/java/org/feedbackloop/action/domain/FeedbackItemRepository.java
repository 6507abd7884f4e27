package org.feedbackloop.action.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeedbackItemRepository implements PanacheRepositoryBase<FeedbackItem, UUID> {

    public Uni<List<FeedbackItem>> ofAction(UUID actionId) {
        return find("actionId = ?1 order by linkedAt, feedbackId", actionId).list();
    }

    public Uni<List<FeedbackItem>> byIds(Collection<UUID> ids) {
        return find("feedbackId in ?1", ids).list();
    }

    /** Distinct contributors among the feedback linked to the action (a person, or an address, counts once). */
    public Uni<Integer> countContributors(UUID actionId) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        select count(distinct case
                            when contributor_id is not null then contributor_id
                            when contact_email is not null then 'email:' || lower(contact_email)
                            else 'feedback:' || feedback_id::text end)
                        from feedback_item where action_id = :action""", Long.class)
                .setParameter("action", actionId)
                .getSingleResult()
                .map(Long::intValue));
    }
}
