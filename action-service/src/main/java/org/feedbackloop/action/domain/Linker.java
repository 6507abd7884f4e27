package org.feedbackloop.action.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.config.ActionConfig;
import org.feedbackloop.action.similarity.ProblemVectors;

import java.time.Instant;
import java.util.UUID;

/**
 * Links feedback to an action, the one way it happens (triage, by hand, or by a merge): counts, what the action is
 * about (its feedback's problem vectors), the inform clock, priority, history, the {@code action.feedback-linked}
 * event, and the escalation of repeats. Feedback that was tracked by another action moves: that action's counts,
 * vector and history follow.
 */
@ApplicationScoped
public class Linker {

    private final FeedbackItemRepository items;
    private final ActionRepository actions;
    private final HistoryRepository history;
    private final ActionEvents events;
    private final Deadlines deadlines;
    private final ProblemVectors problems;
    private final int repeatsThreshold;

    Linker(FeedbackItemRepository items, ActionRepository actions, HistoryRepository history, ActionEvents events,
           Deadlines deadlines, ProblemVectors problems, ActionConfig config) {
        this.items = items;
        this.actions = actions;
        this.history = history;
        this.events = events;
        this.deadlines = deadlines;
        this.problems = problems;
        this.repeatsThreshold = config.deadlines().repeatsThreshold();
    }

    /** Must run in a transaction. */
    public Uni<Void> link(Action action, FeedbackItem feedback, Actor actor, Instant now) {
        var previous = feedback.actionId;
        feedback.actionId = action.id;
        feedback.linkedAt = now;
        return linked(action, feedback, previous, actor, now);
    }

    /** Stores feedback no action tracked yet, already linked to {@code action} (one insert). In a transaction. */
    public Uni<Void> linkNew(Action action, FeedbackItem feedback, Actor actor, Instant now) {
        feedback.actionId = action.id;
        feedback.linkedAt = now;
        return items.persist(feedback).flatMap(saved -> linked(action, feedback, null, actor, now));
    }

    private Uni<Void> linked(Action action, FeedbackItem feedback, UUID previous, Actor actor, Instant now) {
        // new feedback is counted before the action changes, so that the action is written once, at the flush
        var counted = previous == null ? countIn(action, feedback) : Uni.createFrom().voidItem();
        var entry = HistoryEntry.of(action.id, now, actor, HistoryEntry.Kind.FEEDBACK_LINKED,
                previous == null ? null : previous.toString(), feedback.feedbackId.toString());
        // a closed action (a follow-up answer to a done one) keeps its clocks and priority: nothing is due any more
        boolean open = action.status.isOpen();
        return counted.invoke(nothing -> {
                    var informBy = deadlines.informBy(feedback, now);
                    if (open && !feedback.silent && (action.informBy == null || informBy.isBefore(action.informBy))) {
                        action.informBy = informBy;
                    }
                    action.updatedAt = now;
                })
                .flatMap(nothing -> Panache.getSession()).call(session -> session.flush())
                .call(session -> problems.add(feedback.feedbackId, action.id))
                .call(session -> previous == null ? Uni.createFrom().voidItem() : problems.withdraw(feedback.feedbackId, previous))
                .flatMap(session -> previous == null ? Uni.createFrom().voidItem() : recount(action))
                .flatMap(nothing -> history.persist(entry))
                .flatMap(saved -> open ? raisePriority(action, feedback, actor, now) : Uni.createFrom().voidItem())
                .flatMap(nothing -> events.feedbackLinked(action, feedback, previous))
                .flatMap(nothing -> open ? escalateRepeats(action, now) : Uni.createFrom().voidItem())
                .flatMap(nothing -> previous == null ? Uni.createFrom().voidItem() : movedOut(previous, action, feedback, actor, now));
    }

    private Uni<Void> movedOut(UUID previousId, Action action, FeedbackItem feedback, Actor actor, Instant now) {
        return actions.findById(previousId).flatMap(previous -> {
            previous.updatedAt = now;
            return recount(previous).flatMap(counted -> history.persist(HistoryEntry.of(previous.id, now, actor,
                    HistoryEntry.Kind.FEEDBACK_MOVED_OUT, feedback.feedbackId.toString(), action.id.toString())));
        }).replaceWithVoid();
    }

    /** Feedback that no action tracked yet: one more piece, and one more contributor if they did not count yet. */
    private Uni<Void> countIn(Action action, FeedbackItem feedback) {
        return items.contributorCounted(feedback).invoke(counted -> {
            action.feedbackCount++;
            if (!counted) {
                action.contributorCount++;
            }
        }).replaceWithVoid();
    }

    private Uni<Void> recount(Action action) {
        return items.countContributors(action.id).invoke(count -> action.contributorCount = count)
                .flatMap(count -> items.count("actionId", action.id))
                .invoke(count -> action.feedbackCount = count.intValue())
                .replaceWithVoid();
    }

    private Uni<Void> raisePriority(Action action, FeedbackItem feedback, Actor actor, Instant now) {
        var priority = PriorityRule.of(feedback);
        if (!priority.isHigherThan(action.priority)) {
            return Uni.createFrom().voidItem();
        }
        var raised = HistoryEntry.of(action.id, now, actor, HistoryEntry.Kind.PRIORITY_RAISED,
                action.priority.name(), priority.name());
        action.priority = priority;
        var sooner = deadlines.fixBy(priority, now);
        if (!sooner.isBefore(action.dueAt)) {
            return history.persist(raised).replaceWithVoid();
        }
        var previousDue = action.dueAt;
        action.dueAt = sooner;
        var moved = HistoryEntry.of(action.id, now, actor, HistoryEntry.Kind.DUE_CHANGED,
                previousDue.toString(), sooner.toString()).withNotes("priority raised to " + priority, null);
        return history.persist(raised)
                .flatMap(saved -> history.persist(moved))
                .flatMap(saved -> events.dueChanged(action, previousDue, "priority raised to " + priority, actor, now));
    }

    private Uni<Void> escalateRepeats(Action action, Instant now) {
        if (action.repeatsEscalatedAt != null || action.feedbackCount < repeatsThreshold) {
            return Uni.createFrom().voidItem();
        }
        action.repeatsEscalatedAt = now;
        var entry = HistoryEntry.of(action.id, now, Actor.TRIAGE, HistoryEntry.Kind.ESCALATED, null, "REPEATS")
                .withNotes(action.feedbackCount + " pieces of feedback say the same", null);
        return history.persist(entry).flatMap(saved -> events.escalated(action, "REPEATS", null, now));
    }
}
