package org.feedbackloop.notification.webhooks;

import org.feedbackloop.events.EventTypes;

import java.util.List;
import java.util.Set;

/**
 * What a subscription may ask for: one of the consumed event types, or a whole family ({@code action.*}). The
 * {@code insight.*} events come in on {@code feedback.events} for now (feedback-service publishes them).
 */
public final class EventTypeFilter {

    static final String WILDCARD_SUFFIX = ".*";
    private static final String FEEDBACK = "feedback";
    private static final String ACTION = "action";
    private static final String INSIGHT = "insight";
    /** What the type of a delivered event begins with: a family a subscription can ask for. */
    static final String DELIVERED_TYPE_PATTERN = "^(" + FEEDBACK + "|" + ACTION + "|" + INSIGHT + ")\\.";
    /** The longest event type passed on to integrators (the contract's are under 40 characters). */
    static final int TYPE_MAX_LENGTH = 100;

    public static final List<String> SUBSCRIBABLE = List.of(
            EventTypes.FEEDBACK_RECEIVED, EventTypes.FEEDBACK_UPDATED, EventTypes.FEEDBACK_ERASED,
            EventTypes.ACTION_CREATED, EventTypes.ACTION_FEEDBACK_LINKED, EventTypes.ACTION_STATUS_CHANGED,
            EventTypes.ACTION_ASSIGNED, EventTypes.ACTION_DUE_CHANGED, EventTypes.ACTION_OVERDUE,
            EventTypes.ACTION_ESCALATED, EventTypes.ACTION_PROGRESS_POSTED, EventTypes.ACTION_DEADLINE_APPROACHING,
            EventTypes.ACTION_KUDOS_PASSED, EventTypes.INSIGHT_SILENCE_DETECTED,
            FEEDBACK + WILDCARD_SUFFIX, ACTION + WILDCARD_SUFFIX, INSIGHT + WILDCARD_SUFFIX);

    private static final Set<String> ACCEPTED = Set.copyOf(SUBSCRIBABLE);

    private EventTypeFilter() {
    }

    static boolean isSubscribable(String filter) {
        return ACCEPTED.contains(filter);
    }

    /** The wildcard that covers {@code type}: {@code action.*} for {@code action.overdue}. */
    static String familyOf(String type) {
        int dot = type.indexOf('.');
        return (dot < 0 ? type : type.substring(0, dot)) + WILDCARD_SUFFIX;
    }
}
