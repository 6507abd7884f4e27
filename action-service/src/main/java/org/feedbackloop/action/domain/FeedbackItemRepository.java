package org.feedbackloop.action.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeedbackItemRepository implements PanacheRepositoryBase<FeedbackItem, UUID> {

    /** A linked text this long or longer also counts as quoted when it is part of a longer text. */
    static final int SHORTEST_QUOTE = 20;

    // The wording of a text: lower case, whitespace collapsed, spaces, punctuation and quotes around it trimmed.
    // PostgreSQL regular expressions, passed as parameters (Hibernate would read "[:space:]" as a parameter name).
    private static final String SPACES = "[[:space:]\u00a0]+";
    private static final String AROUND = "^[[:space:][:punct:]«»“”„‘’‚‹›…]+|[[:space:][:punct:]«»“”„‘’‚‹›…]+$";
    private static final String WORDING = "regexp_replace(regexp_replace(lower(%s), :spaces, ' ', 'g'), :around, '', 'g')";

    public Uni<List<FeedbackItem>> ofAction(UUID actionId) {
        return find("actionId = ?1 order by linkedAt, feedbackId", actionId).list();
    }

    /**
     * Up to {@code limit} of the action's feedback in the order it was linked (by linkedAt, then feedback id), after
     * the item at {@code after} (its linkedAt and feedback id), or from the first when null.
     */
    public Uni<List<FeedbackItem>> pageOf(UUID actionId, Instant afterLinkedAt, UUID afterId, int limit) {
        var found = afterLinkedAt == null
                ? find("actionId = ?1 order by linkedAt, feedbackId", actionId)
                : find("actionId = ?1 and (linkedAt > ?2 or linkedAt = ?2 and feedbackId > ?3) order by linkedAt, feedbackId",
                        actionId, afterLinkedAt, afterId);
        return found.page(0, limit).list();
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

    /**
     * Whether {@code text} repeats the words of feedback linked to the action: the same wording, or a longer text
     * around the wording of feedback of at least {@link #SHORTEST_QUOTE} characters. One query over the action's
     * feedback (its index on action_id), each text compared as it is worded.
     */
    public Uni<Boolean> quotesFeedbackOf(UUID actionId, String text) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        select exists (
                            select 1
                            from (select %s as wording) given,
                                 feedback_item f cross join lateral (select %s as wording) said
                            where f.action_id = :action
                              and said.wording <> ''
                              and (said.wording = given.wording
                                   or char_length(said.wording) >= :shortest and strpos(given.wording, said.wording) > 0))"""
                                .formatted(WORDING.formatted(":text"), WORDING.formatted("f.text")), Boolean.class)
                .setParameter("action", actionId)
                .setParameter("text", text)
                .setParameter("spaces", SPACES)
                .setParameter("around", AROUND)
                .setParameter("shortest", SHORTEST_QUOTE)
                .getSingleResult());
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
