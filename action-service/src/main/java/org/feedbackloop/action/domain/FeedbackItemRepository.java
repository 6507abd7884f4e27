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
                select contributor_key(f.contributor_id, f.contact_email, f.feedback_id)
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

    /**
     * Whether the contributor of {@code feedback} counts already among its action's contributors, through other
     * feedback or a "me too" (a lookup in the index of contributors per action).
     */
    public Uni<Boolean> contributorCounted(FeedbackItem feedback) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        select exists (select 1 from feedback_item f
                                       where f.action_id = :action and f.feedback_id <> :feedback
                                         and contributor_key(f.contributor_id, f.contact_email, f.feedback_id)
                                             = contributor_key(:contributor, :email, :feedback))
                            or exists (select 1 from me_too m
                                       where m.action_id = :action
                                         and m.contributor_id = contributor_key(:contributor, :email, :feedback))""", Boolean.class)
                .setParameter("action", feedback.actionId)
                .setParameter("feedback", feedback.feedbackId)
                .setParameter("contributor", feedback.contributorId)
                .setParameter("email", feedback.contactEmail)
                .getSingleResult());
    }
}
