package org.feedbackloop.gateway.web.shared;

/** The services behind the pages, named as a person reads them in a message. */
public enum Service {
    FEEDBACK("the feedback service"),
    ACTIONS("the action service"),
    NOTIFICATIONS("the notification service");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
