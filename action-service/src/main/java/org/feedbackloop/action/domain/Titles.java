package org.feedbackloop.action.domain;

/** A title for a new action, from the first sentence of the feedback that opened it. */
public final class Titles {

    static final int MAX_LENGTH = 120;

    private Titles() {
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
