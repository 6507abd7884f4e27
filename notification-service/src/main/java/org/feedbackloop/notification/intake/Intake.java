package org.feedbackloop.notification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.ActionAssigned;
import org.feedbackloop.events.ActionCreated;
import org.feedbackloop.events.ActionDeadline;
import org.feedbackloop.events.ActionDueChanged;
import org.feedbackloop.events.ActionEscalated;
import org.feedbackloop.events.ActionFeedbackLinked;
import org.feedbackloop.events.ActionProgressPosted;
import org.feedbackloop.events.ActionStatusChanged;
import org.feedbackloop.events.EventData;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.events.FeedbackReceived;
import org.feedbackloop.events.FeedbackUpdated;
import org.feedbackloop.events.KudosPassed;
import org.feedbackloop.events.SilenceDetected;
import org.feedbackloop.kit.inbox.NotYetKnown;
import org.feedbackloop.kit.inbox.ProcessedEvents;
import org.feedbackloop.kit.inbox.ReceivedEvent;
import org.feedbackloop.notification.domain.Audience;
import org.feedbackloop.notification.domain.Contribution;
import org.feedbackloop.notification.domain.Kind;
import org.feedbackloop.notification.domain.Message;
import org.feedbackloop.notification.domain.Notification;
import org.feedbackloop.notification.domain.Notifier;
import org.feedbackloop.notification.domain.Repositories;
import org.feedbackloop.notification.domain.Segment;
import org.feedbackloop.notification.domain.TrackedAction;
import org.feedbackloop.notification.email.FollowUpLinks;
import org.feedbackloop.notification.privacy.Erasure;
import org.feedbackloop.notification.surveys.SurveyRequests;
import org.feedbackloop.notification.surveys.Surveys;
import org.feedbackloop.notification.webhooks.WebhookFanOut;
import org.feedbackloop.notification.wording.Wording;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the projections this service needs (contributions, tracked actions) and decides who is told what,
 * for each event, in one transaction with the event id recorded first: a redelivered event tells nobody
 * twice. Returns the inbox notifications it created, for the live stream once committed. On feedback.erased it erases
 * (privacy {@link Erasure}) in the same transaction.
 */
@ApplicationScoped
public class Intake {

    static final String CONSUMER = "notifications";

    /** The events someone is told of, or that keep a projection; {@link #dispatch} takes each. */
    private static final Set<Class<? extends EventData>> TOLD = Set.of(FeedbackReceived.class, FeedbackUpdated.class,
            ActionCreated.class, ActionFeedbackLinked.class, ActionStatusChanged.class, ActionProgressPosted.class,
            ActionDueChanged.class, ActionAssigned.class, ActionDeadline.class, ActionEscalated.class, KudosPassed.class,
            SilenceDetected.class, FeedbackErased.class);

    private final ProcessedEvents processed;
    private final Repositories.Contributions contributions;
    private final Repositories.Actions actions;
    private final Notifier notifier;
    private final WebhookFanOut webhooks;
    private final FollowUpLinks followUps;
    private final Surveys surveys;
    private final Erasure erasure;
    private final ObjectMapper json;

    Intake(ProcessedEvents processed, Repositories.Contributions contributions, Repositories.Actions actions,
           Notifier notifier, WebhookFanOut webhooks, FollowUpLinks followUps, Surveys surveys, Erasure erasure,
           ObjectMapper json) {
        this.followUps = followUps;
        this.erasure = erasure;
        this.surveys = surveys;
        this.processed = processed;
        this.contributions = contributions;
        this.actions = actions;
        this.notifier = notifier;
        this.webhooks = webhooks;
        this.json = json;
    }

    /**
     * Processes one event in one transaction: records its id first (a redelivery changes nothing), updates the
     * projections, creates the notifications, and queues the webhook deliveries for the integrators.
     */
    public Uni<List<Notification>> handle(ReceivedEvent event) {
        if (!concernsThisService(event.data())) {
            // only integrators may want it, and the queueing of their deliveries is idempotent by itself
            return Panache.withSession(() -> webhooks.fanOut(event.id(), event.type(), event.envelope()))
                    .replaceWith(List.of());
        }
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, event.id()).flatMap(first -> !first
                ? Uni.createFrom().item(List.<Notification>of())
                : dispatch(event).call(created -> webhooks.fanOut(event.id(), event.type(), forIntegrators(event)))))
                .invoke(created -> {
                    if (!created.isEmpty()) {
                        notifier.committed(); // in-app deliveries were announced
                    }
                });
    }

    /** Most feedback.updated are the loop's own news (tracked, closed): only a new sentiment changes a projection. */
    private static boolean concernsThisService(EventData data) {
        return data != null && TOLD.contains(data.getClass())
                && !(data instanceof FeedbackUpdated updated && updated.sentiment() == null);
    }

    private Uni<List<Notification>> dispatch(ReceivedEvent event) {
        var id = event.id();
        return switch (event.data()) {
            case FeedbackReceived received -> feedbackReceived(id, received);
            case FeedbackUpdated updated -> feedbackUpdated(updated);
            case FeedbackErased erased -> erasure.erase(erased).replaceWith(List.<Notification>of());
            case SilenceDetected silence -> silenceDetected(id, silence);
            case ActionCreated created -> actionCreated(id, created);
            case ActionFeedbackLinked link -> feedbackLinked(id, link);
            case ActionStatusChanged changed -> statusChanged(id, changed);
            case ActionProgressPosted posted -> progressPosted(id, posted);
            case ActionDueChanged changed -> dueChanged(id, changed);
            case ActionAssigned assigned -> assigned(id, assigned);
            case ActionDeadline deadline -> deadline(id, deadline, EventTypes.ACTION_OVERDUE.equals(event.type()));
            case ActionEscalated escalated -> escalated(id, escalated);
            case KudosPassed kudos -> kudosPassed(id, kudos);
            case null, default -> Uni.createFrom().item(List.<Notification>of()); // nothing to tell (webhooks may want it)
        };
    }

    /** What integrators receive: the event as it came, but an erasure without the person it was about. */
    private static JsonNode forIntegrators(ReceivedEvent event) {
        return event.data() instanceof FeedbackErased ? Erasure.forIntegrators(event.envelope()) : event.envelope();
    }

    // --- feedback-service ---------------------------------------------------------------------------

    Uni<List<Notification>> feedbackReceived(UUID eventId, FeedbackReceived received) {
        return (contributions.findById(received.feedbackId()).flatMap(known -> {
            if (known != null) {
                return Uni.createFrom().item(List.<Notification>of());
            }
            var contribution = new Contribution();
            contribution.feedbackId = received.feedbackId();
            contribution.contributorId = received.contributorId();
            contribution.contactEmail = received.consentToContact() ? received.contactEmail() : null;
            contribution.consentToContact = received.consentToContact();
            contribution.text = received.text();
            contribution.topic = received.topic();
            contribution.receivedAt = received.receivedAt();
            contribution.followUpOfAction = received.followUpOfAction();
            contribution.silent = received.isSilent();
            contribution.channel = received.channel();
            contribution.segment = Segment.of(received.rating());
            contribution.sentiment = received.sentiment();
            contribution.joinsAction = received.joinsAction();
            if (contribution.followUpOfAction != null || contribution.silent) {
                // an answer is thanked on its page; imported history is not acknowledged
                return contributions.persist(contribution).replaceWith(List.<Notification>of());
            }
            var text = Wording.acknowledged();
            return contributions.persist(contribution).flatMap(saved -> notifier.notify(eventId,
                    Audience.contributor(saved), new Message(Kind.ACKNOWLEDGED, text.title(), text.body(),
                            null, List.of(saved.feedbackId), null, data("quote", quote(saved.text)))));
        }));
    }

    /**
     * Keeps the sentiment the analysis reads in the words now (a taxonomy edit, or the model reading older feedback).
     * feedback.received was published first, but events of one queue are handled several at a time: an item not known
     * yet is waited for.
     */
    Uni<List<Notification>> feedbackUpdated(FeedbackUpdated updated) {
        if (updated.sentiment() == null) {
            return Uni.createFrom().item(List.of());
        }
        return contributions.findById(updated.feedbackId()).flatMap(contribution -> {
            if (contribution == null) {
                return Uni.createFrom().failure(new NotYetKnown("feedback", updated.feedbackId()));
            }
            contribution.sentiment = updated.sentiment();
            return Uni.createFrom().item(List.<Notification>of());
        });
    }

    /** Managers hear that a topic or channel went quiet (announced at most once per segment per week). */
    Uni<List<Notification>> silenceDetected(UUID eventId, SilenceDetected silence) {
        var text = Wording.silenceDetected(silence);
        return notifier.notify(eventId, Audience.managers(), new Message(Kind.SILENCE_DETECTED, text.title(),
                text.body(), null, List.of(), null, data("dimension", silence.dimension(), "segment", silence.segment(),
                "windowStart", silence.windowStart(), "windowEnd", silence.windowEnd(), "observed", silence.observed(),
                "expected", silence.expected(), "pValue", silence.pValue())));
    }

    // --- action-service -----------------------------------------------------------------------------

    Uni<List<Notification>> actionCreated(UUID eventId, ActionCreated created) {
        return (actions.findById(created.actionId()).flatMap(known -> {
            var action = known != null ? known : new TrackedAction();
            action.actionId = created.actionId();
            action.title = created.title();
            action.team = created.team();
            action.ownerId = created.ownerId();
            action.status = created.status();
            action.dueAt = created.dueAt();
            action.updatedAt = created.createdAt();
            return actions.persist(action).replaceWith(List.<Notification>of());
        }));
    }

    /**
     * Tells the contributor where their feedback went. When a merge or a move brought it here, the message is
     * keyed by (old action, new action, person): someone whose several items moved together is told once.
     */
    Uni<List<Notification>> feedbackLinked(UUID eventId, ActionFeedbackLinked link) {
        return (projectAction(link).flatMap(action -> contributions.findById(link.feedbackId())
                .flatMap(contribution -> {
                    if (contribution == null) {
                        // feedback.received comes through another queue and may not be here yet: try again later
                        return Uni.createFrom().failure(new NotYetKnown("feedback", link.feedbackId()));
                    }
                    contribution.actionId = link.actionId();
                    contribution.linkedAt = link.linkedAt();
                    if (contribution.followUpOfAction != null) {
                        return Uni.createFrom().item(List.<Notification>of()); // their answer, filed with the action
                    }
                    var audience = Audience.contributor(contribution);
                    var source = link.previousActionId() == null ? eventId : UUID.nameUUIDFromBytes(
                            ("moved:" + link.previousActionId() + ":" + link.actionId() + ":"
                                    + (audience == null ? "" : audience.recipient())).getBytes(StandardCharsets.UTF_8));
                    var text = Wording.tracked(link);
                    return notifier.notify(source, audience, new Message(Kind.TRACKED, text.title(), text.body(),
                            link.actionId(), List.of(link.feedbackId()), link.actionStatus(),
                            data("quote", quote(contribution.text), "action", link.actionTitle(), "team", link.team(),
                                    "status", link.actionStatus(), "dueAt", link.dueAt())));
                })));
    }

    /** "You said, we did": every contributor hears the public note, once, with a quote of their own words. */
    Uni<List<Notification>> statusChanged(UUID eventId, ActionStatusChanged changed) {
        return (actions.findById(changed.actionId()).flatMap(action -> {
            if (action != null) {
                action.status = changed.to();
                action.dueAt = changed.dueAt();
                action.updatedAt = changed.changedAt();
                if (changed.publicNote() != null) {
                    action.publicNote = changed.publicNote();
                }
                action.completedAt = "DONE".equals(changed.to()) ? changed.changedAt() : null;
            }
            if (changed.publicNote() == null || changed.publicNote().isBlank()) {
                return Uni.createFrom().item(List.<Notification>of());
            }
            return toEveryContributor(eventId, changed.actionId(), changed.to(), contribution -> {
                var data = data("quote", quote(contribution.text), "publicNote", changed.publicNote(),
                        "status", changed.to(), "action", changed.title());
                if ("DONE".equals(changed.to())) {
                    data.putAll(followUps.links(contribution.feedbackId, changed.actionId(), changed.title()));
                }
                var text = Wording.youSaidWeDid(changed.to(), changed.title(), changed.publicNote());
                return new Message(Kind.YOU_SAID_WE_DID, text.title(), text.body(), changed.actionId(), null,
                        changed.to(), data);
            }).flatMap(told -> "DONE".equals(changed.to()) || "DECLINED".equals(changed.to())
                    ? askTheTriggeredSurveys(changed.actionId()).map(asked -> concat(told, asked))
                    : Uni.createFrom().item(told));
        }));
    }

    /** Surveys asked by themselves once an action is closed: its contributors who may be told anything. */
    private Uni<List<Notification>> askTheTriggeredSurveys(UUID actionId) {
        return contributions.ofAction(actionId).flatMap(all -> surveys.triggered(EventTypes.ACTION_STATUS_CHANGED,
                all.stream().map(Audience::contributor).filter(audience -> audience != null && audience.email() != null)
                        .map(audience -> new SurveyRequests.Recipient(audience.email(), audience.userId()))
                        .toList()));
    }

    private static List<Notification> concat(List<Notification> first, List<Notification> second) {
        var all = new ArrayList<Notification>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }

    Uni<List<Notification>> progressPosted(UUID eventId, ActionProgressPosted posted) {
        var text = Wording.progress(posted.title(), posted.publicNote());
        return (toEveryContributor(eventId, posted.actionId(), posted.status(), contribution ->
                new Message(Kind.PROGRESS, text.title(), text.body(), posted.actionId(), null, posted.status(),
                        data("quote", quote(contribution.text), "publicNote", posted.publicNote(),
                                "status", posted.status(), "action", posted.title()))));
    }

    Uni<List<Notification>> dueChanged(UUID eventId, ActionDueChanged changed) {
        return (actions.findById(changed.actionId()).flatMap(action -> {
            if (action != null) {
                action.dueAt = changed.dueAt();
            }
            var text = Wording.dueChanged(changed);
            return toEveryContributor(eventId, changed.actionId(), action == null ? null : action.status,
                    contribution -> new Message(Kind.DUE_CHANGED, text.title(), text.body(), changed.actionId(), null, null,
                            data("quote", quote(contribution.text), "action", changed.title(), "dueAt", changed.dueAt(),
                                    "reason", changed.reason())));
        }));
    }

    Uni<List<Notification>> assigned(UUID eventId, ActionAssigned assigned) {
        return (actions.findById(assigned.actionId()).flatMap(action -> {
            if (action != null) {
                action.ownerId = assigned.ownerId();
            }
            if (assigned.ownerId() == null || assigned.ownerId().equals(assigned.actorId())) {
                return Uni.createFrom().item(List.<Notification>of()); // nobody to tell, or they did it themselves
            }
            var text = Wording.assigned(assigned);
            return notifier.notify(eventId, Audience.staff(assigned.ownerId(), assigned.team()), new Message(
                    Kind.ASSIGNED, text.title(), text.body(), assigned.actionId(), List.of(), null, data("action", assigned.title(), "team", assigned.team())));
        }));
    }

    Uni<List<Notification>> deadline(UUID eventId, ActionDeadline deadline, boolean missed) {
        var text = Wording.deadline(deadline, missed);
        return notifier.notify(eventId, Audience.staff(deadline.ownerId(), deadline.team()),
                new Message(missed ? Kind.OVERDUE : Kind.DEADLINE_APPROACHING, text.title(), text.body(),
                        deadline.actionId(), List.of(), null, data("action", deadline.title(), "clock", deadline.clock(),
                        "deadline", deadline.deadline(), "priority", deadline.priority())));
    }

    Uni<List<Notification>> escalated(UUID eventId, ActionEscalated escalated) {
        var text = Wording.escalated(escalated);
        return notifier.notify(eventId, Audience.managers(), new Message(Kind.ESCALATED, text.title(), text.body(),
                escalated.actionId(), List.of(), null, data("action", escalated.title(), "team", escalated.team(),
                "reason", escalated.reason(), "feedbackCount", escalated.feedbackCount())));
    }

    /**
     * Praise passed to a team instead of an action: the contribution keeps where it went; the contributor hears their
     * words reached the team (which closes their loop), and the team's owner, or the team, reads them.
     */
    Uni<List<Notification>> kudosPassed(UUID eventId, KudosPassed kudos) {
        return contributions.findById(kudos.feedbackId()).flatMap(contribution -> {
            if (contribution == null) {
                // feedback.received comes through another queue and may not be here yet: try again later
                return Uni.createFrom().failure(new NotYetKnown("feedback", kudos.feedbackId()));
            }
            contribution.kudosTeam = kudos.team();
            contribution.kudosAt = kudos.passedAt();
            var quote = quote(contribution.text);
            var thanks = Wording.kudosPassed(kudos.team());
            // an answer to "did this solve it?" was thanked on its page
            var contributor = contribution.followUpOfAction != null ? null : Audience.contributor(contribution);
            var toContributor = notifier.notify(eventId, contributor, new Message(Kind.KUDOS_PASSED, thanks.title(),
                    thanks.body(), null, List.of(kudos.feedbackId()), null, data("quote", quote, "team", kudos.team())));
            var praise = Wording.kudos(kudos);
            // keyed apart from the contributor's message: an owner may be the contributor too
            var toTeam = UUID.nameUUIDFromBytes(("kudos:" + eventId).getBytes(StandardCharsets.UTF_8));
            return toContributor.flatMap(told -> notifier.notify(toTeam, Audience.staff(kudos.ownerId(), kudos.team()),
                    new Message(Kind.KUDOS, praise.title(), praise.body(), null, List.of(kudos.feedbackId()), null,
                            data("quote", quote, "team", kudos.team(), "topic", kudos.topic(), "channel", kudos.channel(),
                                    "sentiment", kudos.sentiment(), "rating", rating(kudos.rating()),
                                    "receivedAt", kudos.receivedAt(), "passedAt", kudos.passedAt())))
                    .map(praised -> concat(told, praised)));
        });
    }

    private static Map<String, Object> rating(FeedbackReceived.Rating rating) {
        return rating == null || rating.scale() == null ? null : Map.of("scale", rating.scale(), "score", rating.score());
    }

    // --- shared steps -------------------------------------------------------------------------------

    private Uni<TrackedAction> projectAction(ActionFeedbackLinked link) {
        return actions.findById(link.actionId()).flatMap(known -> {
            var action = known != null ? known : new TrackedAction();
            action.actionId = link.actionId();
            action.title = link.actionTitle();
            action.team = link.team();
            action.status = link.actionStatus() == null ? (known == null ? "OPEN" : known.status) : link.actionStatus();
            action.dueAt = link.dueAt();
            action.updatedAt = link.linkedAt();
            return actions.persist(action);
        });
    }

    /**
     * One message per person behind the action (a person with several items is told once; the message
     * quotes their first words and lists all their items).
     */
    private Uni<List<Notification>> toEveryContributor(UUID eventId, UUID actionId, String status,
                                                      java.util.function.Function<Contribution, Message> message) {
        return contributions.ofAction(actionId).flatMap(all -> {
            var byPerson = new LinkedHashMap<String, List<Contribution>>();
            for (var contribution : all) {
                var audience = Audience.contributor(contribution);
                if (audience != null) {
                    byPerson.computeIfAbsent(audience.recipient(), key -> new ArrayList<>()).add(contribution);
                }
            }
            return Multi.createFrom().iterable(byPerson.values())
                    .onItem().transformToUniAndConcatenate(items -> {
                        var first = items.getFirst();
                        var base = message.apply(first);
                        var ids = items.stream().map(c -> c.feedbackId).toList();
                        return notifier.notify(eventId, Audience.contributor(first), new Message(base.kind(),
                                base.title(), base.body(), base.actionId(), ids, status, base.data()));
                    })
                    .collect().asList()
                    .map(lists -> lists.stream().flatMap(List::stream).toList());
        });
    }

    private static String quote(String text) {
        return Wording.quote(text);
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        var data = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                data.put((String) keysAndValues[i], keysAndValues[i + 1] instanceof Instant instant
                        ? instant.toString() : keysAndValues[i + 1]);
            }
        }
        return data;
    }
}
