package org.feedbackloop.action.domain;

import org.feedbackloop.events.Lengths;

/** Titles of actions: for staff, from the first sentence of the feedback that opened it; for customers, neutral. */
public final class Titles {

    /** The longest title an action has, for staff or for customers: the database's check on {@code action.title} (V1). */
    public static final int LONGEST = Lengths.ACTION_TITLE;
    /** Where {@link #of} cuts a long first sentence. */
    static final int MAX_LENGTH = 120;

    private Titles() {
    }

    /** A title that names only the topic, for customers while staff have not written one. */
    public static String neutral(String topic) {
        if (topic == null || topic.isBlank()) {
            return "Your feedback";
        }
        var words = topic.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " feedback";
    }

    public static String of(String text) {
        var flat = text.strip().replaceAll("\\s+", " ");
        var sentenceEnd = flat.split("(?<=[.!?])\\s", 2)[0];
        var title = sentenceEnd.length() <= MAX_LENGTH ? sentenceEnd
                : sentenceEnd.substring(0, flat.lastIndexOf(' ', MAX_LENGTH - 1) > 40
                        ? flat.lastIndexOf(' ', MAX_LENGTH - 1) : MAX_LENGTH - 1) + "…";
        return title.isEmpty() ? "Feedback" : title;
    }
}
