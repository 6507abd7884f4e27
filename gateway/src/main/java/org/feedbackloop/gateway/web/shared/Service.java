package org.feedbackloop.gateway.web.shared;

import org.feedbackloop.gateway.upstream.Upstreams;

import java.util.Arrays;

/** The services behind the pages, named as a person reads them in a message. */
public enum Service {
    FEEDBACK("the feedback service", Upstreams.FEEDBACK),
    ACTIONS("the action service", Upstreams.ACTION),
    NOTIFICATIONS("the notification service", Upstreams.NOTIFICATION);

    private final String label;
    private final String upstream;

    Service(String label, String upstream) {
        this.label = label;
        this.upstream = upstream;
    }

    /** The service behind the upstream named {@code upstream} ({@link Upstreams}). */
    public static Service of(String upstream) {
        return Arrays.stream(values()).filter(service -> service.upstream.equals(upstream)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No page talks to " + upstream));
    }

    public String label() {
        return label;
    }

    /** Its name among the gateway's {@link Upstreams}. */
    public String upstream() {
        return upstream;
    }
}
