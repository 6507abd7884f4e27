package org.feedbackloop.action.domain;

/** Who made a change: a person (token subject and username) or the system itself. */
public record Actor(String id, String name) {

    public static final Actor TRIAGE = new Actor("system:triage", "triage");
    public static final Actor SCHEDULER = new Actor("system:deadlines", "deadline scheduler");
}
