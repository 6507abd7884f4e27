package org.feedbackloop.events;

/**
 * The exchanges and event types of the public event contract (ARCHITECTURE.md, "Events").
 * A type changes incompatibly only under a new, suffixed name ({@code feedback.received.v2}).
 */
public final class EventTypes {

    public static final String FEEDBACK_EXCHANGE = "feedback.events";
    public static final String ACTION_EXCHANGE = "action.events";
    public static final String NOTIFICATION_EXCHANGE = "notification.events";

    public static final String FEEDBACK_RECEIVED = "feedback.received";
    public static final String FEEDBACK_UPDATED = "feedback.updated";
    public static final String FEEDBACK_ERASED = "feedback.erased";

    public static final String ACTION_CREATED = "action.created";
    public static final String ACTION_FEEDBACK_LINKED = "action.feedback-linked";
    public static final String ACTION_STATUS_CHANGED = "action.status-changed";
    public static final String ACTION_ASSIGNED = "action.assigned";
    public static final String ACTION_DUE_CHANGED = "action.due-changed";
    public static final String ACTION_OVERDUE = "action.overdue";
    public static final String ACTION_ESCALATED = "action.escalated";
    /** Extension: a public progress note without a change of status. */
    public static final String ACTION_PROGRESS_POSTED = "action.progress-posted";
    /** Extension: a reminder to the owner before a deadline. */
    public static final String ACTION_DEADLINE_APPROACHING = "action.deadline-approaching";
    /** Extension: a customer added their voice to an open action of the public board. */
    public static final String ACTION_ME_TOO_ADDED = "action.me-too-added";

    public static final String NOTIFICATION_DELIVERED = "notification.delivered";
    /** Extension: a contributor answered "did this solve it?" after their action was done. */
    public static final String NOTIFICATION_FOLLOW_UP_ANSWERED = "notification.follow-up-answered";

    private EventTypes() {
    }
}
