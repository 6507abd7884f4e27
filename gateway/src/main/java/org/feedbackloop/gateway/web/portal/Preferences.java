package org.feedbackloop.gateway.web.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How a person wants to hear back, as notification-service keeps it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preferences(Boolean email, Boolean inApp, String digest) {

    public boolean emailOn() {
        return Boolean.TRUE.equals(email);
    }

    public boolean inAppOn() {
        return Boolean.TRUE.equals(inApp);
    }

    public boolean daily() {
        return "DAILY".equals(digest);
    }
}
