package org.feedbackloop.events;

import java.util.Map;
import java.util.Optional;

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
    /** Extension: praise passed to a team as kudos instead of opening an action. */
    public static final String ACTION_KUDOS_PASSED = "action.kudos-passed";

    public static final String NOTIFICATION_DELIVERED = "notification.delivered";
    /** Extension: a contributor answered "did this solve it?" after their action was done. */
    public static final String NOTIFICATION_FOLLOW_UP_ANSWERED = "notification.follow-up-answered";
    /** A survey was answered through its invitation's link; feedback-service makes it feedback. */
    public static final String NOTIFICATION_SURVEY_ANSWERED = "notification.survey-answered";

    /**
     * A segment of feedback went quiet. Published by feedback-service, which counts the feedback, on its own exchange
     * ({@code feedback.events}) until an insight service owns {@code insight.events}.
     */
    public static final String INSIGHT_SILENCE_DETECTED = "insight.silence-detected";

    private static final Map<String, Class<? extends EventData>> DATA = Map.ofEntries(
            Map.entry(FEEDBACK_RECEIVED, FeedbackReceived.class),
            Map.entry(FEEDBACK_UPDATED, FeedbackUpdated.class),
            Map.entry(FEEDBACK_ERASED, FeedbackErased.class),
            Map.entry(ACTION_CREATED, ActionCreated.class),
            Map.entry(ACTION_FEEDBACK_LINKED, ActionFeedbackLinked.class),
            Map.entry(ACTION_STATUS_CHANGED, ActionStatusChanged.class),
            Map.entry(ACTION_ASSIGNED, ActionAssigned.class),
            Map.entry(ACTION_DUE_CHANGED, ActionDueChanged.class),
            Map.entry(ACTION_OVERDUE, ActionDeadline.class),
            Map.entry(ACTION_ESCALATED, ActionEscalated.class),
            Map.entry(ACTION_PROGRESS_POSTED, ActionProgressPosted.class),
            Map.entry(ACTION_DEADLINE_APPROACHING, ActionDeadline.class),
            Map.entry(ACTION_ME_TOO_ADDED, ActionMeTooAdded.class),
            Map.entry(ACTION_KUDOS_PASSED, KudosPassed.class),
            Map.entry(NOTIFICATION_DELIVERED, NotificationDelivered.class),
            Map.entry(NOTIFICATION_FOLLOW_UP_ANSWERED, FollowUpAnswered.class),
            Map.entry(NOTIFICATION_SURVEY_ANSWERED, SurveyAnswered.class),
            Map.entry(INSIGHT_SILENCE_DETECTED, SilenceDetected.class));

    private EventTypes() {
    }

    /** The record an event of {@code type} carries as its data; empty for a type without data of its own. */
    public static Optional<Class<? extends EventData>> dataType(String type) {
        return Optional.ofNullable(DATA.get(type));
    }
}
