package org.feedbackloop.action.board;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.ActionEvents;
import org.feedbackloop.action.domain.ActionException;
import org.feedbackloop.action.domain.FeedbackItemRepository;
import org.feedbackloop.action.domain.MeTooVotes;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public "you said, we did" board: completed actions and announced open ones, and the customers' "me too"
 * on an open one. A "me too" is a vote (one per customer and action) and, through {@code action.me-too-added},
 * feedback of that customer in feedback-service, so that they are told like every other contributor.
 */
@ApplicationScoped
public class PublicBoard {

    /** The outcome of a "me too": {@code added} is false when the customer had said it before. */
    public record Vote(boolean added, PublicUpdate update) {
    }

    private final PublicUpdates updates;
    private final MeTooVotes votes;
    private final FeedbackItemRepository items;
    private final ActionEvents events;
    private final Clock clock;

    PublicBoard(PublicUpdates updates, MeTooVotes votes, FeedbackItemRepository items, ActionEvents events, Clock clock) {
        this.updates = updates;
        this.votes = votes;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /** One page of a list, up to {@code limit + 1} items so the caller knows whether there is more. */
    @WithSession
    public Uni<List<PublicUpdate>> page(BoardFilter filter, BoardPosition after, int limit) {
        return updates.page(filter, after, limit).flatMap(this::withCounts);
    }

    @WithSession
    public Uni<PublicUpdate> find(UUID actionId) {
        return updates.visible(actionId)
                .onItem().ifNull().failWith(() -> new ActionException.NotPublic(actionId))
                .flatMap(action -> withCounts(List.of(action))).map(List::getFirst);
    }

    /** Those of these actions the public may see, in the order given. */
    @WithSession
    public Uni<List<PublicUpdate>> visible(List<UUID> actionIds) {
        if (actionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(actionIds)
                .onItem().transformToUniAndConcatenate(updates::visible)
                .filter(java.util.Objects::nonNull)
                .collect().asList()
                .flatMap(this::withCounts);
    }

    /**
     * Records the customer's "me too" on an open action the public can see, and {@code action.me-too-added} in
     * the same transaction; a repeated one changes nothing. The action row is share-locked, so that it cannot
     * close between the check and the vote.
     */
    @WithSpan("public.me-too")
    public Uni<Vote> meToo(UUID actionId, String contributorId, String contactEmail) {
        // locked for writing: a vote counts the action's contributors again (staff read the count on the action)
        return Panache.withTransaction(() -> updates.findById(actionId, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(action -> {
                            if (action == null) {
                                return Uni.createFrom().failure(new ActionException.NotPublic(actionId));
                            }
                            if (!action.status.isOpen()) {
                                return Uni.createFrom().failure(new ActionException.Closed(actionId, action.status));
                            }
                            if (action.publicNote == null) {
                                return Uni.createFrom().failure(new ActionException.NotPublic(actionId));
                            }
                            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            return votes.add(actionId, contributorId, now)
                                    .call(added -> added ? items.countContributors(actionId)
                                            .invoke(count -> action.contributorCount = count)
                                            .call(counted -> events.meTooAdded(action, contributorId, contactEmail, now))
                                            : Uni.createFrom().voidItem())
                                    .flatMap(added -> withCounts(List.of(action))
                                            .map(counted -> new Vote(added, counted.getFirst())));
                        }))
                .invoke(vote -> {
                    if (vote.added()) {
                        events.committed();
                    }
                });
    }

    private Uni<List<PublicUpdate>> withCounts(List<Action> actions) {
        return updates.counts(actions.stream().map(action -> action.id).toList()).map(counts -> actions.stream()
                .map(action -> of(action, counts))
                .toList());
    }

    private static PublicUpdate of(Action action, Map<UUID, PublicUpdates.Counts> counts) {
        var counted = counts.get(action.id);
        return new PublicUpdate(action, counted == null ? 0 : counted.meToo(), counted == null ? 0 : counted.contributors());
    }
}
