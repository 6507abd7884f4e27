package org.feedbackloop.action.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.ActionAssigned;
import org.feedbackloop.events.ActionCreated;
import org.feedbackloop.events.ActionDeadline;
import org.feedbackloop.events.ActionDueChanged;
import org.feedbackloop.events.ActionEscalated;
import org.feedbackloop.events.ActionFeedbackLinked;
import org.feedbackloop.events.ActionMeTooAdded;
import org.feedbackloop.events.ActionProgressPosted;
import org.feedbackloop.events.ActionStatusChanged;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.kit.outbox.OutboxWriter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes the {@code action.events} of a change to the outbox, in the transaction of the change. Events that
 * reach contributors carry the title for customers; those for staff carry the staff title.
 */
@ApplicationScoped
public class ActionEvents {

    private final OutboxWriter outbox;

    ActionEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Uni<Void> created(Action a) {
        return add(EventTypes.ACTION_CREATED, a, new ActionCreated(a.id, a.title, a.topic, a.team, a.ownerId,
                a.priority.name(), a.status.name(), a.dueAt, a.informBy, a.createdAt));
    }

    Uni<Void> feedbackLinked(Action a, FeedbackItem f, UUID previousActionId) {
        return add(EventTypes.ACTION_FEEDBACK_LINKED, a, new ActionFeedbackLinked(a.id, f.feedbackId, f.contributorId,
                f.consentToContact ? f.contactEmail : null, f.consentToContact, a.titleForCustomers(), a.status.name(), a.team,
                a.dueAt, previousActionId, f.linkedAt));
    }

    Uni<Void> statusChanged(Action a, ActionStatus from, String publicNote, Actor actor, Instant at) {
        return add(EventTypes.ACTION_STATUS_CHANGED, a, new ActionStatusChanged(a.id, a.titleForCustomers(), from.name(),
                a.status.name(), publicNote, a.dueAt, a.feedbackCount, actor.id(), at));
    }

    Uni<Void> progressPosted(Action a, String publicNote, Actor actor, Instant at) {
        return add(EventTypes.ACTION_PROGRESS_POSTED, a, new ActionProgressPosted(a.id, a.titleForCustomers(), a.status.name(),
                publicNote, a.dueAt, actor.id(), at));
    }

    Uni<Void> assigned(Action a, String previousOwnerId, Actor actor, Instant at) {
        return add(EventTypes.ACTION_ASSIGNED, a, new ActionAssigned(a.id, a.title, a.team, a.ownerId, a.ownerName,
                previousOwnerId, actor.id(), at));
    }

    Uni<Void> dueChanged(Action a, Instant previousDueAt, String reason, Actor actor, Instant at) {
        return add(EventTypes.ACTION_DUE_CHANGED, a, new ActionDueChanged(a.id, a.titleForCustomers(), previousDueAt, a.dueAt,
                reason, actor.id(), at));
    }

    /** A customer's "me too": feedback-service turns it into their feedback of this action. */
    public Uni<Void> meTooAdded(Action a, String contributorId, String contactEmail, Instant at) {
        return add(EventTypes.ACTION_ME_TOO_ADDED, a, new ActionMeTooAdded(a.id, a.titleForCustomers(), a.topic, contributorId,
                contactEmail, true, at));
    }

    public Uni<Void> deadline(String type, Action a, Clock clock, Instant deadline, Instant at) {
        return addOnce(type, a, clock.name() + " " + deadline, new ActionDeadline(a.id, a.title, clock.name(), deadline,
                a.team, a.ownerId, a.priority.name(), at));
    }

    public Uni<Void> escalated(Action a, String reason, Instant deadline, Instant at) {
        return addOnce(EventTypes.ACTION_ESCALATED, a, reason + " " + deadline, new ActionEscalated(a.id, a.title, reason,
                a.team, a.ownerId, a.priority.name(), a.feedbackCount, deadline, at));
    }

    /** After the transaction committed: the relay publishes now rather than at its next poll. */
    public void committed() {
        outbox.committed();
    }

    private Uni<Void> add(String type, Action action, Object data) {
        return outbox.add(type, action.id.toString(), data).replaceWithVoid();
    }

    /**
     * An announcement made once per action and deadline: its id is derived from them, so that the scheduler
     * announcing it again (its database restored from a backup taken before it did) is recognised downstream.
     */
    private Uni<Void> addOnce(String type, Action action, String occasion, Object data) {
        var id = UUID.nameUUIDFromBytes((type + " " + action.id + " " + occasion).getBytes(StandardCharsets.UTF_8));
        return outbox.add(id, type, action.id.toString(), data).replaceWithVoid();
    }

    /** The two clocks of an action. */
    public enum Clock {
        /** {@code dueAt}: the issue is fixed. */
        FIX,
        /** {@code informBy}: every contributor heard something substantive. */
        INFORM
    }
}
