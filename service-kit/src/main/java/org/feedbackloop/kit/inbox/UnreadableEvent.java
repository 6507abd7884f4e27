package org.feedbackloop.kit.inbox;

/** A message that is not an event this consumer can process: no retry can fix it, it is dead-lettered at once. */
public final class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String why) {
        super(why, null, false, false);
    }
}
