package org.feedbackloop.feedback.domain;

/**
 * Where a contributor's words are in the loop: {@code RECEIVED} when stored, {@code TRACKED} once linked
 * to an action, {@code CLOSED} when that action is done or declined and the contributor was told.
 */
public enum FeedbackStatus {
    RECEIVED, TRACKED, CLOSED
}
