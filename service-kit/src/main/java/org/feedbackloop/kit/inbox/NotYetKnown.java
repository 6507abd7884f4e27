package org.feedbackloop.kit.inbox;

/**
 * An event that refers to something another queue has not delivered yet ({@code kind} {@code id}, such as a feedback
 * item): retried for a few minutes, never dead-lettered at the first attempts.
 */
public final class NotYetKnown extends RuntimeException {

    private final String awaited;

    public NotYetKnown(String kind, Object id) {
        super(kind + " " + id + " is not known yet", null, false, false);
        this.awaited = String.valueOf(id);
    }

    /** The id of what is waited for. */
    public String awaited() {
        return awaited;
    }
}
