package org.feedbackloop.action.similarity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.ActionException;
import org.feedbackloop.action.domain.ActionRepository;
import org.feedbackloop.action.domain.FeedbackItemRepository;

import java.util.UUID;

/**
 * The feedback that says best what an action is about: of its feedback, the piece whose problem vector is nearest
 * the action's mean (the normalised sum of its feedback's vectors). Staff start a public title from it, in their own
 * words. Silent feedback (imported history) is passed over; so is feedback from before the sentence model.
 */
@ApplicationScoped
public class RepresentativeFeedback {

    /**
     * Feedback compared with the mean: the most recent this many pieces of the action's (not silent, with a vector).
     * Each vector is 1.5 KB read from TOAST and 384 products: a large action is answered in milliseconds, and what
     * it is about shows in its recent feedback as well as in all of it.
     */
    static final int ITEMS_COMPARED = 500;

    /** A piece of feedback, and its cosine similarity to the action's mean (null when none had a vector). */
    public record Representative(UUID feedbackId, String text, Double similarity) {
    }

    private final ActionRepository actions;
    private final FeedbackItemRepository items;

    RepresentativeFeedback(ActionRepository actions, FeedbackItemRepository items) {
        this.actions = actions;
        this.items = items;
    }

    /**
     * The feedback nearest the action's mean; without vectors, its oldest feedback (not silent if it has any). Fails
     * with {@link ActionException.NotFound} for no such action, {@link ActionException.NoFeedback} for one without
     * feedback (a merged action).
     */
    @WithSession
    public Uni<Representative> of(UUID actionId) {
        return actions.findById(actionId)
                .onItem().ifNull().failWith(() -> new ActionException.NotFound(actionId))
                .flatMap(action -> nearestMean(actionId)
                        .flatMap(nearest -> nearest != null ? Uni.createFrom().item(nearest) : oldest(action)));
    }

    private Uni<Representative> nearestMean(UUID actionId) {
        // unit vectors: the cosine with the mean is the dot product with the sum, divided by the sum's length
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        with mean as (
                            select a.problem_sum as sum,
                                   sqrt((select sum(cast(x as double precision) * x) from unnest(a.problem_sum) x)) as norm
                            from action a
                            where a.id = :action and a.problem_count > 0),
                        recent as (
                            select f.feedback_id, f.text, f.problem
                            from feedback_item f
                            where f.action_id = :action and not f.silent and f.problem is not null
                            order by f.received_at desc, f.feedback_id desc
                            limit :compared)
                        select cast(r.feedback_id as text), r.text, similarity.value
                        from recent r
                        cross join mean m
                        cross join lateral (
                            select sum(cast(s.x as double precision) * s.y) / m.norm as value
                            from unnest(r.problem, m.sum) as s(x, y)) similarity
                        where m.norm > 0
                        order by similarity.value desc nulls last, r.feedback_id
                        limit 1""", Object[].class)
                .setParameter("action", actionId)
                .setParameter("compared", ITEMS_COMPARED)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : new Representative(UUID.fromString((String) rows.getFirst()[0]),
                        (String) rows.getFirst()[1], round(((Number) rows.getFirst()[2]).doubleValue()))));
    }

    private Uni<Representative> oldest(Action action) {
        return items.find("actionId = ?1 order by silent, receivedAt, feedbackId", action.id).firstResult()
                .onItem().ifNull().failWith(() -> new ActionException.NoFeedback(action.id, action.mergedInto))
                .map(item -> new Representative(item.feedbackId, item.text, null));
    }

    private static double round(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }
}
