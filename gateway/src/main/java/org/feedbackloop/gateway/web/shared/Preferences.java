package org.feedbackloop.gateway.web.shared;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How a person wants to hear back, as notification-service keeps it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preferences(Boolean email, Boolean inApp, String digest, Boolean stories) {

    public boolean emailOn() {
        return Boolean.TRUE.equals(email);
    }

    public boolean inAppOn() {
        return Boolean.TRUE.equals(inApp);
    }

    public boolean daily() {
        return "DAILY".equals(digest);
    }

    /** The weekly stories e-mail of managers and owners: on unless they switched it off. */
    public boolean storiesOn() {
        return !Boolean.FALSE.equals(stories);
    }

    /** The same channels and rhythm, with the weekly stories on or off. */
    public Preferences withStories(boolean on) {
        return new Preferences(email, inApp, digest, on);
    }
}
