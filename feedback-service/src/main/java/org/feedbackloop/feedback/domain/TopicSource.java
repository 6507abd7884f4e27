package org.feedbackloop.feedback.domain;

/**
 * How an item got its topic: given by the submitter; nearest by meaning to a topic's examples; by the topic's
 * keywords ({@code CLASSIFIED}, also the first answer before the model has read the text); or the fallback.
 */
public enum TopicSource {
    PROVIDED, MEANING, CLASSIFIED, FALLBACK
}
