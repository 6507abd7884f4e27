package org.feedbackloop.action.triage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.domain.FeedbackItemRepository;
import org.feedbackloop.action.similarity.ProblemVectors;
import org.feedbackloop.events.FeedbackUpdated;
import org.feedbackloop.kit.inbox.ProcessedEvents;

import java.util.UUID;

/**
 * Takes in what feedback-service read again in feedback triage already has: its topic and sentiment, and a new
 * problem vector, which also moves the vector of the action that tracks the item. The item stays where it is:
 * whether it belongs elsewhere is for people to decide (the similar actions and feedback help them).
 */
@ApplicationScoped
public class FeedbackReread {

    static final String CONSUMER = "reread";

    private final ProcessedEvents processed;
    private final FeedbackItemRepository items;
    private final ProblemVectors problems;

    FeedbackReread(ProcessedEvents processed, FeedbackItemRepository items, ProblemVectors problems) {
        this.processed = processed;
        this.items = items;
        this.problems = problems;
    }

    /** Returns whether the item changed. */
    public Uni<Boolean> handle(UUID eventId, FeedbackUpdated update) {
        boolean reading = update.topic() != null || update.sentiment() != null
                || update.problem() != null && update.problem().isCurrent();
        if (!reading) {
            return Uni.createFrom().item(false); // the loop's own news (tracked, closed): nothing to read again
        }
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> !first
                ? Uni.createFrom().item(false)
                : items.findById(update.feedbackId()).flatMap(item -> {
                    if (item == null) {
                        return Uni.createFrom().item(false); // not triaged yet: feedback.received carries the same reading
                    }
                    if (update.topic() != null) {
                        item.topic = update.topic();
                    }
                    if (update.sentiment() != null) {
                        item.sentiment = update.sentiment();
                    }
                    if (update.problem() == null || !update.problem().isCurrent()) {
                        return Uni.createFrom().item(true);
                    }
                    // the action's sum loses the old vector (still in the row), the row takes the new one, the sum gains it
                    var action = item.actionId;
                    return (action == null ? Uni.createFrom().voidItem() : problems.withdraw(item.feedbackId, action))
                            .invoke(() -> item.problem = update.problem().vector())
                            .call(() -> Panache.getSession().flatMap(session -> session.flush()))
                            .call(() -> action == null ? Uni.createFrom().voidItem() : problems.add(item.feedbackId, action))
                            .replaceWith(true);
                })));
    }
}
