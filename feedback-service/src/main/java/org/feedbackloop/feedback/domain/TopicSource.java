package org.feedbackloop.feedback.domain;

/** How an item got its topic: given by the submitter, derived from the text, or the fallback. */
public enum TopicSource {
    PROVIDED, CLASSIFIED, FALLBACK
}
