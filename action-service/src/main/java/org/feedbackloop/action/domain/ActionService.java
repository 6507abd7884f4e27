package org.feedbackloop.action.domain;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.feedbackloop.action.routing.Routing;
import org.feedbackloop.action.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What people do with actions: read the queue, create, move through the workflow, tell contributors, assign,
 * reschedule, link and merge. Every change checks the caller's team and the version the caller read, records
 * history, and writes its event to the outbox in the same transaction.
 */
@ApplicationScoped
public class ActionService {

    /** An action with its history, for the detail view. */
    public record ActionDetail(Action action, List<HistoryEntry> history) {
    }

    /** What {@link #create} needs; team, priority and dueAt are derived from the feedback when absent. */
    public record NewAction(List<UUID> feedbackIds, String title, String team, Priority priority, Instant dueAt) {
    }

    private static final Instant LATEST_DUE = Instant.parse("+10000-01-01T00:00:00Z");

    private final ActionRepository actions;
    private final FeedbackItemRepository items;
    private final HistoryRepository history;
    private final Routing routing;
    private final Linker linker;
    private final MeTooVotes votes;
    private final ActionEvents events;
    private final Deadlines deadlines;
    private final Clock clock;

    ActionService(ActionRepository actions, FeedbackItemRepository items, HistoryRepository history, Routing routing,
                  Linker linker, MeTooVotes votes, ActionEvents events, Deadlines deadlines, Clock clock) {
        this.actions = actions;
        this.items = items;
        this.history = history;
        this.routing = routing;
        this.linker = linker;
        this.votes = votes;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    // --- reading ----------------------------------------------------------------------------------

    @WithSession
    public Uni<ActionDetail> detail(UUID id) {
        return actions.findById(id)
                .onItem().ifNull().failWith(() -> new ActionException.NotFound(id))
                .flatMap(action -> history.newestOf(id).map(entries -> new ActionDetail(action, entries)));
    }

    @WithSession
    public Uni<List<Action>> page(ActionQuery query) {
        return actions.page(query);
    }

    /** Up to {@code limit} of the action's feedback in the order it was linked, after the given item (or from the first). */
    @WithSession
    public Uni<List<FeedbackItem>> feedbackOf(UUID id, Instant afterLinkedAt, UUID afterId, int limit) {
        return actions.findById(id)
                .onItem().ifNull().failWith(() -> new ActionException.NotFound(id))
                .flatMap(action -> items.pageOf(id, afterLinkedAt, afterId, limit));
    }

    // --- changing ---------------------------------------------------------------------------------

    @WithSpan("action.create")
    public Uni<Action> create(Caller caller, NewAction input) {
        return Panache.withTransaction(() -> movableFeedback(caller, input.feedbackIds(), null).flatMap(feedback ->
                routing.route(feedback.getFirst().topic).flatMap(route -> {
                    var team = input.team() != null ? input.team() : route.team();
                    if (!caller.mayActForTeam(team)) {
                        return Uni.createFrom().failure(new ActionException.NotYourTeam(team));
                    }
                    var now = now();
                    var dueProblem = input.dueAt() == null ? null : dueProblem(input.dueAt(), now);
                    if (dueProblem != null) {
                        return Uni.createFrom().failure(new ActionException.InvalidField("dueAt", dueProblem));
                    }
                    var action = new Action();
                    action.id = UUID.randomUUID();
                    action.title = input.title() != null ? input.title() : Titles.of(feedback.getFirst().text);
                    action.publicTitle = input.title(); // staff's words; a title from feedback stays internal
                    action.topic = feedback.getFirst().topic;
                    action.team = team;
                    action.ownerId = caller.everyTeam() ? route.ownerId() : caller.subject();
                    action.ownerName = caller.everyTeam() ? route.ownerName() : caller.username();
                    action.status = ActionStatus.OPEN;
                    action.priority = input.priority() != null ? input.priority()
                            : feedback.stream().map(PriorityRule::of).min(Comparator.naturalOrder()).orElse(Priority.P4);
                    action.dueAt = input.dueAt() != null ? input.dueAt().truncatedTo(ChronoUnit.MICROS)
                            : deadlines.fixBy(action.priority, now);
                    action.createdAt = now;
                    action.updatedAt = now;
                    return opened(action, caller.actor(), now)
                            .call(opened -> Multi.createFrom().iterable(feedback)
                                    .onItem().transformToUniAndConcatenate(item -> linker.link(opened, item, caller.actor(), now))
                                    .collect().last())
                            .call(opened -> Panache.getSession().flatMap(session -> session.flush()));
                }))).invoke(events::committed);
    }

    /** Persists a new action with its CREATED history and {@code action.created}; used by triage too. */
    public Uni<Action> opened(Action action, Actor actor, Instant now) {
        var created = HistoryEntry.of(action.id, now, actor, HistoryEntry.Kind.CREATED, null, action.status.name())
                .withNotes("team " + action.team + ", " + action.priority + ", due " + action.dueAt.truncatedTo(ChronoUnit.MINUTES), null);
        return actions.persist(action)
                .call(saved -> history.persist(created))
                .call(events::created);
    }

    @WithSpan("action.transition")
    public Uni<Action> transition(Caller caller, UUID id, int version, ActionStatus to, String note, String publicNote,
                                  String publicTitle) {
        return change(caller, id, version, action -> {
            var from = action.status;
            if (!from.canMoveTo(to)) {
                return Uni.createFrom().failure(new ActionException.TransitionForbidden(
                        "An action that is " + from + " cannot become " + to + allowedAfter(from)));
            }
            if (to.needsPublicNote() && isBlank(publicNote)) {
                return Uni.createFrom().failure(new ActionException.InvalidField("publicNote",
                        "is required to make an action " + to + ": it is what the contributors read"));
            }
            return inOwnWords(action, publicTitle).flatMap(checked -> {
                var now = now();
                action.status = to;
                action.updatedAt = now;
                if (!to.isOpen()) {
                    action.closedAt = now;
                }
                if (!isBlank(publicNote)) {
                    told(action, publicNote, now);
                }
                retitle(action, publicTitle);
                var entry = HistoryEntry.of(id, now, caller.actor(), HistoryEntry.Kind.TRANSITION, from.name(), to.name())
                        .withNotes(note, publicNote);
                return history.persist(entry).flatMap(saved -> events.statusChanged(action, from, publicNote, caller.actor(), now));
            });
        });
    }

    @WithSpan("action.progress")
    public Uni<Action> postProgress(Caller caller, UUID id, int version, String publicNote, String publicTitle) {
        return change(caller, id, version, action -> {
            if (!action.status.isOpen()) {
                return Uni.createFrom().failure(new ActionException.TransitionForbidden(
                        "The action is " + action.status + ": progress updates are for open actions"));
            }
            return inOwnWords(action, publicTitle).flatMap(checked -> {
                var now = now();
                told(action, publicNote, now);
                retitle(action, publicTitle);
                action.updatedAt = now;
                var entry = HistoryEntry.of(id, now, caller.actor(), HistoryEntry.Kind.PROGRESS_POSTED, null, null)
                        .withNotes(null, publicNote);
                return history.persist(entry).flatMap(saved -> events.progressPosted(action, publicNote, caller.actor(), now));
            });
        });
    }

    @WithSpan("action.assign")
    public Uni<Action> assign(Caller caller, UUID id, int version, String ownerId, String ownerName) {
        return change(caller, id, version, action -> {
            if (!caller.everyTeam() && ownerId != null && !ownerId.equals(caller.subject())) {
                return Uni.createFrom().failure(new ActionException.NotYourTeam(action.team + " (owners assign to themselves only)"));
            }
            var now = now();
            var previous = action.ownerId;
            action.ownerId = ownerId;
            action.ownerName = ownerId == null ? null : ownerId.equals(caller.subject()) ? caller.username() : ownerName;
            action.updatedAt = now;
            var entry = HistoryEntry.of(id, now, caller.actor(), HistoryEntry.Kind.ASSIGNED, previous, ownerId);
            return history.persist(entry).flatMap(saved -> events.assigned(action, previous, caller.actor(), now));
        });
    }

    @WithSpan("action.reschedule")
    public Uni<Action> changeDue(Caller caller, UUID id, int version, Instant dueAt, String reason) {
        return change(caller, id, version, action -> {
            var now = now();
            var dueProblem = dueProblem(dueAt, now);
            if (dueProblem != null) {
                return Uni.createFrom().failure(new ActionException.InvalidField("dueAt", dueProblem));
            }
            if (!action.status.isOpen()) {
                return Uni.createFrom().failure(new ActionException.TransitionForbidden(
                        "The action is " + action.status + ": only open actions have a due date to change"));
            }
            var previous = action.dueAt;
            action.dueAt = dueAt.truncatedTo(ChronoUnit.MICROS);
            action.updatedAt = now;
            var entry = HistoryEntry.of(id, now, caller.actor(), HistoryEntry.Kind.DUE_CHANGED, previous.toString(),
                    action.dueAt.toString()).withNotes(reason, null);
            return history.persist(entry).flatMap(saved -> events.dueChanged(action, previous, reason, caller.actor(), now));
        });
    }

    /** Why a due date cannot be set, or null when it can. */
    private static String dueProblem(Instant dueAt, Instant now) {
        if (!dueAt.isAfter(now)) {
            return "must be in the future";
        }
        // PostgreSQL would store a later year as infinity, which no action can be read with again
        if (!dueAt.isBefore(LATEST_DUE)) {
            return "must be before the year 10000";
        }
        return null;
    }

    @WithSpan("action.link")
    public Uni<Action> link(Caller caller, UUID id, int version, List<UUID> feedbackIds) {
        return change(caller, id, version, action -> {
            if (!action.status.isOpen()) {
                return Uni.createFrom().failure(new ActionException.TransitionForbidden(
                        "The action is " + action.status + ": feedback joins open actions only"));
            }
            var now = now();
            return movableFeedback(caller, feedbackIds, action.id).flatMap(feedback -> Multi.createFrom().iterable(feedback)
                    .onItem().transformToUniAndConcatenate(item -> linker.link(action, item, caller.actor(), now))
                    .collect().last());
        });
    }

    /**
     * Merges duplicate {@code id} into {@code intoId}: its feedback, history and "me too" votes move, each
     * moved contributor is told once (one {@code action.feedback-linked} with {@code mergedFromAction}), and the
     * duplicate ends as MERGED.
     */
    @WithSpan("action.merge")
    public Uni<Action> merge(Caller caller, UUID id, int version, UUID intoId) {
        if (id.equals(intoId)) {
            return Uni.createFrom().failure(new ActionException.InvalidField("into", "must be another action"));
        }
        return change(caller, id, version, duplicate -> actions.findById(intoId)
                .onItem().ifNull().failWith(() -> new ActionException.InvalidField("into", "is not an action"))
                .flatMap(target -> {
                    if (!caller.mayActOn(target)) {
                        return Uni.createFrom().failure(new ActionException.NotYourTeam(target.team));
                    }
                    if (!duplicate.status.isOpen() || !target.status.isOpen()) {
                        return Uni.createFrom().failure(new ActionException.TransitionForbidden(
                                "Only open actions merge; this one is " + duplicate.status + ", the other " + target.status));
                    }
                    var now = now();
                    duplicate.status = ActionStatus.MERGED;
                    duplicate.mergedInto = target.id;
                    duplicate.closedAt = now;
                    duplicate.updatedAt = now;
                    duplicate.informBy = null;
                    if (duplicate.priority.isHigherThan(target.priority)) {
                        target.priority = duplicate.priority;
                    }
                    if (duplicate.dueAt.isBefore(target.dueAt)) {
                        target.dueAt = duplicate.dueAt;
                    }
                    target.updatedAt = now;
                    return history.move(duplicate.id, target.id)
                            .flatMap(moved -> votes.move(duplicate.id, target.id))
                            .flatMap(moved -> items.ofAction(duplicate.id))
                            .flatMap(feedback -> Multi.createFrom().iterable(feedback)
                                    .onItem().transformToUniAndConcatenate(item -> linker.link(target, item, caller.actor(), now))
                                    .collect().last())
                            .flatMap(linked -> history.persist(HistoryEntry.of(target.id, now, caller.actor(),
                                    HistoryEntry.Kind.MERGED_FROM, duplicate.id.toString(), target.id.toString())))
                            .flatMap(saved -> history.persist(HistoryEntry.of(duplicate.id, now, caller.actor(),
                                    HistoryEntry.Kind.MERGED_INTO, duplicate.id.toString(), target.id.toString())))
                            .invoke(saved -> {
                                duplicate.feedbackCount = 0;
                                duplicate.contributorCount = 0;
                            })
                            .replaceWithVoid();
                }));
    }

    // --- shared steps -------------------------------------------------------------------------------

    /**
     * Loads the action, checks team and version, applies the change in one transaction, and fails with 409
     * when another change won the race to the same version.
     */
    private Uni<Action> change(Caller caller, UUID id, int version, Function<Action, Uni<?>> change) {
        return Panache.withTransaction(() -> actions.findById(id)
                        .onItem().ifNull().failWith(() -> new ActionException.NotFound(id))
                        .flatMap(action -> {
                            if (!caller.mayActOn(action)) {
                                return Uni.createFrom().failure(new ActionException.NotYourTeam(action.team));
                            }
                            if (action.version != version) {
                                return Uni.createFrom().failure(new ActionException.StaleVersion(action.version));
                            }
                            return change.apply(action)
                                    .call(ignored -> Panache.getSession().flatMap(session -> session.flush()))
                                    .replaceWith(action);
                        }))
                .onFailure(ActionService::isLostUpdate).transform(failure -> new ActionException.StaleVersion(version + 1))
                .invoke(events::committed);
    }

    /**
     * The feedback to link, oldest first: it must be known to triage, and feedback tracked by another action
     * moves only from an open action the caller may change (a closed action's contributors were already told).
     */
    private Uni<List<FeedbackItem>> movableFeedback(Caller caller, List<UUID> ids, UUID targetId) {
        var distinct = List.copyOf(new HashSet<>(ids));
        return items.byIds(distinct).flatMap(found -> {
            if (found.size() < distinct.size()) {
                var known = found.stream().map(f -> f.feedbackId).toList();
                var unknown = distinct.stream().filter(x -> !known.contains(x)).map(UUID::toString).toList();
                return Uni.createFrom().failure(new ActionException.InvalidField("feedbackIds",
                        "unknown feedback (not received by triage): " + String.join(", ", unknown)));
            }
            found.sort(Comparator.comparing((FeedbackItem f) -> f.receivedAt).thenComparing(f -> f.feedbackId));
            return Multi.createFrom().iterable(found)
                    .onItem().transformToUniAndConcatenate(item -> mayMove(caller, item, targetId))
                    .collect().last()
                    .replaceWith(found);
        });
    }

    private Uni<Void> mayMove(Caller caller, FeedbackItem item, UUID targetId) {
        if (item.actionId == null) {
            return Uni.createFrom().voidItem();
        }
        if (item.actionId.equals(targetId)) {
            return Uni.createFrom().failure(new ActionException.InvalidField("feedbackIds",
                    "feedback " + item.feedbackId + " is already linked to this action"));
        }
        // locked, because the feedback leaving changes it: the deadline scheduler skips it meanwhile, and a change
        // in flight finishes first instead of making this request fail on a version it never saw
        return actions.findById(item.actionId, LockModeType.PESSIMISTIC_WRITE).flatMap(current -> {
            if (!current.status.isOpen()) {
                return Uni.createFrom().failure(new ActionException.AlreadyTracked(item.feedbackId, current.id));
            }
            if (!caller.mayActOn(current)) {
                return Uni.createFrom().failure(new ActionException.NotYourTeam(current.team));
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Refuses a public title that repeats the words of feedback linked to the action, before anything changes: every
     * contributor and the public would read one customer's words as the organisation's. Staff may start from them
     * (GET .../representative), but publish an edit.
     */
    private Uni<Void> inOwnWords(Action action, String publicTitle) {
        if (isBlank(publicTitle)) {
            return Uni.createFrom().voidItem();
        }
        return items.quotesFeedbackOf(action.id, publicTitle).flatMap(quotes -> quotes
                ? Uni.createFrom().failure(new ActionException.NotOwnWords("publicTitle"))
                : Uni.createFrom().voidItem());
    }

    private static void retitle(Action action, String publicTitle) {
        if (!isBlank(publicTitle)) {
            action.publicTitle = publicTitle.strip();
        }
    }

    /** A public note is a substantive update: every contributor waiting for one has now heard. */
    private static void told(Action action, String publicNote, Instant now) {
        action.publicNote = publicNote;
        action.lastPublicUpdateAt = now;
        action.informBy = null;
    }

    private static String allowedAfter(ActionStatus from) {
        var next = java.util.Arrays.stream(ActionStatus.values()).filter(from::canMoveTo).map(Enum::name).toList();
        return next.isEmpty() ? " (it is closed)" : " (it can become " + String.join(" or ", next) + ")";
    }

    private static boolean isLostUpdate(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
