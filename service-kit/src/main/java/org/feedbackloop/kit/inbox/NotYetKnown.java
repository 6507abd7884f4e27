package org.feedbackloop.kit.inbox;

/**
 * An event that refers to something another queue has not delivered yet: retried for a few minutes, never
 * dead-lettered at the first attempts.
 */
public final class NotYetKnown extends RuntimeException {

    public NotYetKnown(String what) {
        super(what + " is not known yet", null, false, false);
    }
}
