package org.feedbackloop.action.deadlines;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.config.ActionConfig;
import org.feedbackloop.action.domain.ActionRepository;
import org.feedbackloop.kit.outbox.OutboxWriter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Watches both clocks of every open action: reminds the owner before a deadline, announces it once when it
 * is missed, and escalates to managers when it is missed by more than the escalation delay.
 * <p>
 * Every replica runs it. Each pass claims its actions with {@code FOR UPDATE SKIP LOCKED} and records what
 * it announced (per deadline value) in the same transaction as the events, so two replicas never announce
 * the same thing, and a changed deadline is announced afresh.
 */
@ApplicationScoped
public class DeadlineScheduler {

    private final ActionRepository actions;
    private final DeadlineAnnouncer announcer;
    private final OutboxWriter outbox;
    private final ActionConfig.Deadlines config;
    private final Clock clock;

    DeadlineScheduler(ActionRepository actions, DeadlineAnnouncer announcer, OutboxWriter outbox,
                      ActionConfig config, Clock clock) {
        this.actions = actions;
        this.announcer = announcer;
        this.outbox = outbox;
        this.config = config.deadlines();
        this.clock = clock;
    }

    @Scheduled(every = "${feedbackloop.actions.deadlines.scan-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scan() {
        return runOnce(clock.instant()).replaceWithVoid();
    }

    /** One pass at {@code now}; returns how many actions it announced something for. */
    public Uni<Integer> runOnce(Instant now) {
        var at = now.truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> actions.lockActionsWithDeadlineWork(at, config.fixReminderBefore(),
                                config.informReminderBefore(), config.escalateAfter(), config.batchSize())
                        .flatMap(ids -> Multi.createFrom().iterable(ids)
                                .onItem().transformToUniAndConcatenate(id -> actions.findById(id)
                                        .flatMap(action -> announcer.announce(action, at)))
                                .collect().asList()
                                .map(announced -> ids.size())))
                .invoke(count -> {
                    if (count > 0) {
                        outbox.committed();
                    }
                });
    }
}
