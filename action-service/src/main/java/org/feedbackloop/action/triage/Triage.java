package org.feedbackloop.action.triage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.config.ActionConfig;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.ActionRepository;
import org.feedbackloop.action.domain.ActionService;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.domain.Actor;
import org.feedbackloop.action.domain.Deadlines;
import org.feedbackloop.action.domain.FeedbackItem;
import org.feedbackloop.action.domain.FeedbackItemRepository;
import org.feedbackloop.action.domain.Linker;
import org.feedbackloop.action.domain.PriorityRule;
import org.feedbackloop.action.domain.Titles;
import org.feedbackloop.action.kudos.Kudos;
import org.feedbackloop.action.kudos.PraiseRule;
import org.feedbackloop.action.routing.Routing;
import org.feedbackloop.action.similarity.Grouping;
import org.feedbackloop.action.similarity.OpenActionIndex;
import org.feedbackloop.action.similarity.ProblemIndex;
import org.feedbackloop.events.FeedbackReceived;
import org.feedbackloop.kit.inbox.Causation;
import org.feedbackloop.kit.inbox.ProcessedEvents;
import org.feedbackloop.kit.outbox.OutboxWriter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Turns received feedback into tracked work: records it, routes its topic to a team, links it to the open action
 * of that team about the same problem (the nearest by meaning, when near enough: {@link Grouping}) or opens a new
 * one with the SLA of its priority. Praise ({@link PraiseRule}) opens and joins nothing: it is passed to the team as
 * kudos ({@link Kudos}). A follow-up answer ("did this solve it?") joins the action it follows up,
 * whatever its status; a "me too" from the public board joins its action while that is open, and is triaged like
 * any feedback after. One transaction per event, with the event id recorded first: a redelivery changes nothing.
 * The team's lock is held from the search to the commit, so that two pieces of feedback about one new problem
 * never open two actions, even on two replicas.
 */
@ApplicationScoped
public class Triage {

    static final String CONSUMER = "triage";

    /** What triage did with one event. */
    public enum Outcome { LINKED, OPENED, KUDOS, DUPLICATE }

    private final ProcessedEvents processed;
    private final FeedbackItemRepository items;
    private final ActionRepository actions;
    private final ActionService actionService;
    private final Routing routing;
    private final Linker linker;
    private final Deadlines deadlines;
    private final OutboxWriter outbox;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ProblemIndex index;
    private final Grouping grouping;
    private final Kudos kudos;
    private final Timer search;
    private final Timer duration;

    Triage(ProcessedEvents processed, FeedbackItemRepository items, ActionRepository actions,
           ActionService actionService, Routing routing, Linker linker, Deadlines deadlines, OutboxWriter outbox,
           MeterRegistry metrics, Clock clock, ActionConfig config, ProblemIndex index, Kudos kudos) {
        this.processed = processed;
        this.items = items;
        this.actions = actions;
        this.actionService = actionService;
        this.routing = routing;
        this.linker = linker;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.index = index;
        this.kudos = kudos;
        this.grouping = new Grouping(index.index(), config.triage().similarityThreshold());
        this.search = Timer.builder("triage.similarity.search")
                .description("Time to find the open actions nearest to a piece of feedback (catch-up included)")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.duration = Timer.builder("triage.duration")
                .description("Time to triage one piece of feedback, from the event to the commit")
                .publishPercentiles(0.5, 0.95, 0.99).register(metrics);
    }

    @WithSpan("triage")
    public Uni<Outcome> handle(UUID eventId, FeedbackReceived received) {
        var started = System.nanoTime();
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> {
                    if (!first) {
                        return Uni.createFrom().item(Outcome.DUPLICATE);
                    }
                    return items.findById(received.feedbackId()).flatMap(known -> known != null
                            ? Uni.createFrom().item(Outcome.DUPLICATE)
                            : triage(item(received), received));
                }))
                .invoke(outcome -> {
                    duration.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    if (outcome != Outcome.DUPLICATE) {
                        outbox.committed();
                    }
                    metrics.counter("triage.feedback", "outcome", outcome.name().toLowerCase()).increment();
                });
    }

    private Uni<Outcome> triage(FeedbackItem item, FeedbackReceived received) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var problem = received.problem() != null && received.problem().isCurrent() ? received.problem().vector() : null;
        item.problem = problem;
        if (PraiseRule.isPraise(received)) {
            return routing.route(item.topic)
                    .flatMap(route -> kudos.pass(item, received, route, now))
                    .replaceWith(Outcome.KUDOS);
        }
        return askedFor(received).flatMap(action -> action != null
                ? track(action, item, now).replaceWith(Outcome.LINKED)
                : triageByContent(item, problem, now));
    }

    /** Stores the item once its action is known (one insert, no update after it) and links it there. */
    private Uni<Void> track(Action action, FeedbackItem item, Instant now) {
        return linker.linkNew(action, item, Actor.TRIAGE, now);
    }

    /** The action the feedback names itself, if it should join it: null to triage it by what it says. */
    private Uni<Action> askedFor(FeedbackReceived received) {
        if (received.followUpOfAction() != null) {
            return actions.findById(received.followUpOfAction());
        }
        if (received.joinsAction() != null) {
            // a closed action keeps what its contributors were told; the voice then goes where its words lead
            return actions.findById(received.joinsAction()).map(action -> action != null && action.status.isOpen() ? action : null);
        }
        return Uni.createFrom().nullItem();
    }

    /**
     * Routing, then the open action of the team nearest in meaning; feedback without a problem vector (from a
     * producer older than the model) opens an action of its own.
     */
    private Uni<Outcome> triageByContent(FeedbackItem item, float[] problem, Instant now) {
        return routing.route(item.topic).flatMap(route -> {
            if (problem == null) {
                return open(item, route, now).replaceWith(Outcome.OPENED);
            }
            var started = System.nanoTime();
            return lockTeam(route.team())
                    .call(locked -> index.catchUp())
                    .map(caughtUp -> grouping.candidates(route.team(), problem))
                    .invoke(candidates -> search.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                    .flatMap(candidates -> joinFirstOpen(candidates, route.team(), item, now))
                    .flatMap(joined -> joined ? Uni.createFrom().item(Outcome.LINKED)
                            : open(item, route, now).replaceWith(Outcome.OPENED));
        });
    }

    /** Serialises triage of one team, until this transaction ends, across every replica. */
    private static Uni<Void> lockTeam(String team) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked", Integer.class)
                .setParameter("key", "triage:" + team)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Joins the first candidate that is still open and still the team's; the index forgets those that are not. */
    private Uni<Boolean> joinFirstOpen(List<OpenActionIndex.Candidate> candidates, String team, FeedbackItem item, Instant now) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        var candidate = candidates.getFirst();
        return actions.findById(candidate.actionId()).flatMap(action -> {
            if (action != null && action.status.isOpen() && team.equals(action.team)) {
                return track(action, item, now).replaceWith(true);
            }
            index.index().forget(candidate.actionId());
            return joinFirstOpen(candidates.subList(1, candidates.size()), team, item, now);
        });
    }

    private Uni<Void> open(FeedbackItem item, Routing.Route route, Instant now) {
        var action = new Action();
        action.id = Causation.newId("action"); // the same action when the event is triaged again after a restore
        action.title = Titles.of(item.text);
        action.topic = item.topic;
        action.team = route.team();
        action.ownerId = route.ownerId();
        action.ownerName = route.ownerName();
        action.status = ActionStatus.OPEN;
        action.priority = PriorityRule.of(item);
        action.dueAt = deadlines.fixBy(action.priority, now);
        action.createdAt = now;
        action.updatedAt = now;
        return actionService.opened(action, Actor.TRIAGE, now).flatMap(opened -> track(opened, item, now));
    }

    private static FeedbackItem item(FeedbackReceived received) {
        var item = new FeedbackItem();
        item.feedbackId = received.feedbackId();
        item.text = received.text();
        item.topic = received.topic();
        item.sentiment = received.sentiment();
        item.channel = received.channel();
        if (received.rating() != null) {
            item.ratingScale = received.rating().scale();
            item.ratingScore = received.rating().score();
        }
        item.contributorId = received.contributorId();
        item.contactEmail = received.contactEmail();
        item.consentToContact = received.consentToContact();
        item.receivedAt = received.receivedAt();
        item.silent = received.isSilent();
        return item;
    }
}
