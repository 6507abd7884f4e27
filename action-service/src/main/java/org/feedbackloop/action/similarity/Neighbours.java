package org.feedbackloop.action.similarity;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.config.ActionConfig;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.ActionException;
import org.feedbackloop.action.domain.ActionRepository;
import org.feedbackloop.action.domain.FeedbackItem;
import org.feedbackloop.action.domain.FeedbackItemRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * What is near an action or a piece of feedback in meaning, for the people who decide: open actions about the
 * same problem (to merge) and feedback of other actions that reads like it (to link). Staff see candidates down
 * to half the join threshold: near misses are exactly what a person should look at.
 */
@ApplicationScoped
public class Neighbours {

    /** Feedback items read to rank similar feedback: those of the nearest actions, at most this many. */
    static final int ITEMS_READ = 300;

    /** An open action near in meaning, and how near (mean similarity to its feedback, 0–1). */
    public record NearAction(Action action, double score) {
    }

    /** A piece of feedback near in meaning, and how near (cosine similarity, 0–1). */
    public record NearFeedback(FeedbackItem item, double score) {
    }

    public record Near(List<NearAction> actions, List<NearFeedback> feedback) {
        static final Near NOTHING = new Near(List.of(), List.of());
    }

    private final ProblemIndex problemIndex;
    private final OpenActionIndex index;
    private final ProblemVectors problems;
    private final ActionRepository actions;
    private final FeedbackItemRepository items;
    private final double floor;

    Neighbours(ProblemIndex index, ProblemVectors problems, ActionRepository actions, FeedbackItemRepository items,
               ActionConfig config) {
        this.problemIndex = index;
        this.index = index.index();
        this.problems = problems;
        this.actions = actions;
        this.items = items;
        this.floor = config.triage().similarityThreshold() / 2;
    }

    /** Open actions and other actions' feedback near what this action is about. */
    @WithSession
    public Uni<Near> ofAction(UUID actionId, int limit) {
        return actions.findById(actionId)
                .onItem().ifNull().failWith(() -> new ActionException.NotFound(actionId))
                .flatMap(action -> problems.meanOf(actionId))
                .flatMap(mean -> mean == null ? Uni.createFrom().item(Near.NOTHING) : near(mean, actionId, null, limit));
    }

    /** Open actions near this piece of feedback (its own included, first when it is the nearest) and similar feedback. */
    @WithSession
    public Uni<Near> ofFeedback(UUID feedbackId, int limit) {
        return items.findById(feedbackId)
                .onItem().ifNull().failWith(() -> new ActionException.FeedbackNotFound(feedbackId))
                .flatMap(item -> item.problem == null ? Uni.createFrom().item(Near.NOTHING)
                        : near(item.problem, null, feedbackId, limit));
    }

    /** The open actions on the public board about what {@code problem} says, nearest first, that it would join. */
    public Uni<List<OpenActionIndex.Candidate>> onBoard(float[] problem, double threshold, int limit) {
        return problemIndex.catchUp().map(caughtUp -> index.nearest(problem, null, true, null, threshold, limit));
    }

    private Uni<Near> near(float[] vector, UUID excludeAction, UUID excludeFeedback, int limit) {
        return problemIndex.catchUp().flatMap(caughtUp -> near(index.nearest(vector, null, false, excludeAction, floor, limit),
                vector, excludeFeedback, limit));
    }

    private Uni<Near> near(List<OpenActionIndex.Candidate> candidates, float[] vector, UUID excludeFeedback, int limit) {
        var ids = candidates.stream().map(OpenActionIndex.Candidate::actionId).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Near.NOTHING);
        }
        return actions.list("id in ?1", ids).flatMap(found -> {
            var byId = new HashMap<UUID, Action>();
            found.forEach(action -> byId.put(action.id, action));
            var near = candidates.stream().filter(c -> byId.containsKey(c.actionId()) && byId.get(c.actionId()).status.isOpen())
                    .map(c -> new NearAction(byId.get(c.actionId()), round(c.score()))).toList();
            return items.find("actionId in ?1 order by receivedAt desc", ids).page(0, ITEMS_READ).list()
                    .map(linked -> new Near(near, rank(vector, linked, excludeFeedback, limit)));
        });
    }

    private List<NearFeedback> rank(float[] vector, List<FeedbackItem> linked, UUID exclude, int limit) {
        var ranked = new ArrayList<NearFeedback>();
        for (var item : linked) {
            if (item.problem == null || item.feedbackId.equals(exclude)) {
                continue;
            }
            double score = dot(vector, item.problem);
            if (score >= floor) {
                ranked.add(new NearFeedback(item, round(score)));
            }
        }
        ranked.sort(Comparator.comparingDouble(NearFeedback::score).reversed());
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
