package org.feedbackloop.action.deadlines;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.config.ActionConfig;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.ActionEvents;
import org.feedbackloop.action.domain.Actor;
import org.feedbackloop.action.domain.HistoryEntry;
import org.feedbackloop.action.domain.HistoryRepository;
import org.feedbackloop.events.EventTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides what one action's clocks call for at a moment (reminder, overdue, escalation) and announces each
 * at most once per deadline value. A deadline already missed is not also "approaching": its reminder is
 * marked as given without being sent.
 */
@ApplicationScoped
public class DeadlineAnnouncer {

    private final ActionEvents events;
    private final HistoryRepository history;
    private final ActionConfig.Deadlines config;

    DeadlineAnnouncer(ActionEvents events, HistoryRepository history, ActionConfig config) {
        this.events = events;
        this.history = history;
        this.config = config.deadlines();
    }

    Uni<Void> announce(Action action, Instant now) {
        var work = new ArrayList<Supplier<Uni<Void>>>();
        var due = action.dueAt;
        plan(work, action, now, ActionEvents.Clock.FIX, due, config.fixReminderBefore(),
                action.fixRemindedFor, action.fixOverdueFor, action.fixEscalatedFor);
        action.fixRemindedFor = remembered(action.fixRemindedFor, due, now, config.fixReminderBefore());
        action.fixOverdueFor = due.isAfter(now) ? action.fixOverdueFor : due;
        action.fixEscalatedFor = due.plus(config.escalateAfter()).isAfter(now) ? action.fixEscalatedFor : due;
        var informBy = action.informBy;
        if (informBy != null) {
            plan(work, action, now, ActionEvents.Clock.INFORM, informBy, config.informReminderBefore(),
                    action.informRemindedFor, action.informOverdueFor, action.informEscalatedFor);
            action.informRemindedFor = remembered(action.informRemindedFor, informBy, now, config.informReminderBefore());
            action.informOverdueFor = informBy.isAfter(now) ? action.informOverdueFor : informBy;
            action.informEscalatedFor = informBy.plus(config.escalateAfter()).isAfter(now) ? action.informEscalatedFor : informBy;
        }
        action.updatedAt = now;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var step : work) {
            chain = chain.flatMap(nothing -> step.get());
        }
        return chain;
    }

    private void plan(List<Supplier<Uni<Void>>> work, Action action, Instant now, ActionEvents.Clock clock,
                      Instant deadline, Duration remindBefore, Instant remindedFor, Instant overdueFor,
                      Instant escalatedFor) {
        boolean missed = !deadline.isAfter(now);
        if (!missed && !deadline.equals(remindedFor) && !deadline.minus(remindBefore).isAfter(now)) {
            work.add(() -> record(action, now, HistoryEntry.Kind.DEADLINE_APPROACHING, clock, deadline)
                    .flatMap(saved -> events.deadline(EventTypes.ACTION_DEADLINE_APPROACHING, action, clock, deadline, now)));
        }
        if (missed && !deadline.equals(overdueFor)) {
            work.add(() -> record(action, now, HistoryEntry.Kind.OVERDUE, clock, deadline)
                    .flatMap(saved -> events.deadline(EventTypes.ACTION_OVERDUE, action, clock, deadline, now)));
        }
        if (!deadline.plus(config.escalateAfter()).isAfter(now) && !deadline.equals(escalatedFor)) {
            var reason = "OVERDUE_" + clock.name();
            work.add(() -> record(action, now, HistoryEntry.Kind.ESCALATED, clock, deadline)
                    .flatMap(saved -> events.escalated(action, reason, deadline, now)));
        }
    }

    private Uni<HistoryEntry> record(Action action, Instant now, HistoryEntry.Kind kind, ActionEvents.Clock clock,
                                     Instant deadline) {
        return history.persist(HistoryEntry.of(action.id, now, Actor.SCHEDULER, kind, clock.name(), deadline.toString()));
    }

    /** The reminder for {@code deadline} counts as given once its time has come (sent now, or made moot by a miss). */
    private static Instant remembered(Instant remindedFor, Instant deadline, Instant now, Duration remindBefore) {
        return deadline.minus(remindBefore).isAfter(now) ? remindedFor : deadline;
    }
}
