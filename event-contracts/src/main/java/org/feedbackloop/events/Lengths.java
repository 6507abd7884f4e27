package org.feedbackloop.events;

/**
 * The longest value of each kind of text the events carry, so that a service that stores or shows another service's
 * value documents the same limit as the service that accepts it. The producing service validates with these constants
 * and the consuming services state them in their OpenAPI documents: one number, written once.
 */
public final class Lengths {

    /** A feedback item's words, as customers, imports and mailboxes send them. */
    public static final int FEEDBACK_TEXT = 5000;
    /** Topic and team names (lower case letters, digits and hyphens). */
    public static final int NAME = 40;
    /** An action's title, for staff or for customers. */
    public static final int ACTION_TITLE = 200;
    /** A public note, a reason or a progress message written by staff. */
    public static final int NOTE = 2000;
    /** A person's id: the {@code sub} of their token. */
    public static final int PERSON_ID = 100;
    /** A person's display name. */
    public static final int PERSON_NAME = 200;
    /** An e-mail address (RFC 5321's path limit). */
    public static final int EMAIL = 254;
    /** The caller's own reference of a feedback item. */
    public static final int EXTERNAL_REF = 200;
    /** A survey's name. */
    public static final int SURVEY_NAME = 200;
    /** Enumerated codes carried as text (status, priority, channel, scale, sentiment label, clock, kind, reason). */
    public static final int CODE = 40;

    private Lengths() {
    }
}
