package org.feedbackloop.gateway.web.console;

/**
 * What every contributor of an action will read when it moves on with a public note, as notification-service words
 * it (the console asks it, {@link PublicNotePreviews}), with what the console adds: the status in words and a
 * warning when nobody would be told, or when the preview cannot be had.
 */
public record PublicNotePreview(String title, String body, String quote, String status, boolean tellsContributors,
                                String warning) {

    /** The preview of a step to {@code status} with {@code note}, worded {@code title} and {@code body}. */
    static PublicNotePreview of(String status, String note, String title, String body, String quote) {
        if (note.isEmpty()) {
            var warning = "DONE".equals(status) || "DECLINED".equals(status)
                    ? "A public note is required for this step: it is what every contributor reads."
                    : "Without a public note, contributors are not told about this step.";
            return new PublicNotePreview(title, null, quote, status, false, warning);
        }
        return new PublicNotePreview(title, body, quote, status, true, null);
    }

    /** No preview now: the notification service does not answer. The step itself does not depend on it. */
    static PublicNotePreview unavailable(String status, String quote) {
        return new PublicNotePreview(null, null, quote, status, false,
                "The preview is unavailable for a moment: the notification service does not answer.");
    }

    public String statusWords() {
        return switch (status) {
            case "DONE" -> "Done";
            case "DECLINED" -> "Declined";
            case "PLANNED" -> "Planned";
            case "IN_PROGRESS" -> "In progress";
            default -> status;
        };
    }
}
