package org.feedbackloop.feedback.tracking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.ActionFeedbackLinked;
import org.feedbackloop.events.ActionStatusChanged;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FeedbackUpdated;
import org.feedbackloop.events.KudosPassed;
import org.feedbackloop.events.NotificationDelivered;
import org.feedbackloop.feedback.domain.FeedbackRepository;
import org.feedbackloop.feedback.domain.FeedbackStatus;
import org.feedbackloop.kit.inbox.ProcessedEvents;
import org.feedbackloop.kit.outbox.OutboxWriter;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records which action tracks a contributor's feedback, so that {@code GET /api/feedback/{id}} shows where
 * their words went: status TRACKED, the action id, and the action's title and status. Idempotent (the event id
 * is recorded first, in the same transaction), and order-proof: a link or a status older than the one an item
 * holds changes nothing.
 */
@ApplicationScoped
public class Tracking {

    static final String CONSUMER = "tracking";

    private final ProcessedEvents processed;
    private final FeedbackRepository feedback;
    private final OutboxWriter outbox;
    private final Clock clock;

    Tracking(ProcessedEvents processed, FeedbackRepository feedback, OutboxWriter outbox) {
        this.processed = processed;
        this.feedback = feedback;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    /**
     * Closes the loop of each item whose contributor was told that its action is DONE or DECLINED (a "you said, we
     * did" delivered on any channel), or that their praise reached the team. Returns whether an item changed. Any other delivery changes
     * nothing, so it takes no transaction: most deliveries are acknowledgements and "now tracked".
     */
    public Uni<Boolean> delivered(UUID eventId, NotificationDelivered delivery) {
        var closes = ("KUDOS_PASSED".equals(delivery.kind()) || "YOU_SAID_WE_DID".equals(delivery.kind())
                && ("DONE".equals(delivery.actionStatus()) || "DECLINED".equals(delivery.actionStatus())))
                && delivery.feedbackIds() != null && !delivery.feedbackIds().isEmpty();
        if (!closes) {
            return Uni.createFrom().item(false);
        }
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> !first
                        ? Uni.createFrom().item(false)
                        : feedback.list("id in ?1 and status <> ?2", delivery.feedbackIds(), FeedbackStatus.CLOSED)
                        .flatMap(items -> {
                            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (var item : items) {
                                item.status = FeedbackStatus.CLOSED;
                                item.updatedAt = now;
                                chain = chain.flatMap(nothing -> outbox.add(EventTypes.FEEDBACK_UPDATED, item.id.toString(),
                                        FeedbackUpdated.loop(item.id, item.contributorId, item.status.name(), item.actionId, now))
                                        .replaceWithVoid());
                            }
                            return chain.replaceWith(!items.isEmpty());
                        })))
                .invoke(changed -> {
                    if (changed) {
                        outbox.committed();
                    }
                });
    }

    /**
     * Keeps the title and status of the action on every item it tracks, so that a contributor's own list shows
     * where their words are; an announcement older than the one an item holds changes nothing. Returns whether
     * an item changed.
     */
    public Uni<Boolean> statusChanged(UUID eventId, ActionStatusChanged changed) {
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> !first
                ? Uni.createFrom().item(false)
                : feedback.actionChanged(changed.actionId(), changed.title(), changed.to(), changed.changedAt(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS)).map(updated -> updated > 0)));
    }

    /** Praise passed to a team: the item is with that team, no action tracks it. Returns whether the item changed. */
    public Uni<Boolean> kudosPassed(UUID eventId, KudosPassed kudos) {
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> !first
                        ? Uni.createFrom().item(false)
                        : feedback.findById(kudos.feedbackId()).flatMap(item -> {
                            if (item == null || item.kudosTeam != null) {
                                return Uni.createFrom().item(false); // erased, or already passed on
                            }
                            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            item.kudosTeam = kudos.team();
                            item.kudosAt = kudos.passedAt();
                            if (item.status == FeedbackStatus.RECEIVED) {
                                item.status = FeedbackStatus.TRACKED;
                            }
                            item.updatedAt = now;
                            return outbox.add(EventTypes.FEEDBACK_UPDATED, item.id.toString(),
                                    FeedbackUpdated.loop(item.id, item.contributorId, item.status.name(), null, now))
                                    .replaceWith(true);
                        })))
                .invoke(changed -> {
                    if (changed) {
                        outbox.committed();
                    }
                });
    }

    /** Returns whether the item changed. */
    public Uni<Boolean> linked(UUID eventId, ActionFeedbackLinked link) {
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> !first
                        ? Uni.createFrom().item(false)
                        : feedback.findById(link.feedbackId()).flatMap(item -> {
                            if (item == null || item.actionLinkedAt != null && !link.linkedAt().isAfter(item.actionLinkedAt)) {
                                return Uni.createFrom().item(false); // erased, or a late copy of an older link
                            }
                            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            item.actionId = link.actionId();
                            item.actionLinkedAt = link.linkedAt();
                            item.actionTitle = link.actionTitle();
                            item.actionStatus = link.actionStatus();
                            item.actionStatusAt = link.linkedAt();
                            if (item.status == FeedbackStatus.RECEIVED) {
                                item.status = FeedbackStatus.TRACKED;
                            }
                            item.updatedAt = now;
                            return feedback.newestActionState(link.actionId(), link.linkedAt())
                                    .invoke(newer -> {
                                        if (newer != null) { // the action moved on before this link was processed
                                            item.actionTitle = newer.actionTitle;
                                            item.actionStatus = newer.actionStatus;
                                            item.actionStatusAt = newer.actionStatusAt;
                                        }
                                    })
                                    .flatMap(newer -> outbox.add(EventTypes.FEEDBACK_UPDATED, item.id.toString(),
                                            FeedbackUpdated.loop(item.id, item.contributorId, item.status.name(), item.actionId, now)))
                                    .replaceWith(true);
                        })))
                .invoke(changed -> {
                    if (changed) {
                        outbox.committed();
                    }
                });
    }
}
