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

    /**
     * The contributors of the action whose id is the SQL expression {@code action}, one row each: the people
     * (or, for imports, the addresses) of its feedback and the customers who said "me too". A person counts once.
     */
    public static String contributorsOf(String action) {
        return """
                select case
                    when f.contributor_id is not null then f.contributor_id
                    when f.contact_email is not null then 'email:' || lower(f.contact_email)
                    else 'feedback:' || f.feedback_id::text end
                from feedback_item f where f.action_id = %1$s
                union
                select m.contributor_id from me_too m where m.action_id = %1$s""".formatted(action);
    }

    public Uni<Integer> countContributors(UUID actionId) {
        return getSession().flatMap(session -> session.createNativeQuery(
                        "select count(*) from (" + contributorsOf(":action") + ") contributor", Long.class)
                .setParameter("action", actionId)
                .getSingleResult()
                .map(Long::intValue));
    }
}
