package org.feedbackloop.gateway.web.console;

/**
 * The public note as a contributor will read it: the same wording notification-service uses for "you said, we
 * did" (title and body per status, a quote of their words, the new status). Staff see it before they send it.
 */
public record PublicNotePreview(String title, String body, String quote, String status, boolean tellsContributors,
                                String warning) {

    private static final int QUOTE_LENGTH = 200;

    public static PublicNotePreview of(String to, String actionTitle, String publicNote, String sampleQuote) {
        var status = to == null || to.isBlank() ? "" : to;
        var note = publicNote == null ? "" : publicNote.strip();
        if (note.isEmpty()) {
            var warning = "DONE".equals(status) || "DECLINED".equals(status)
                    ? "A public note is required for this step: it is what every contributor reads."
                    : "Without a public note, contributors are not told about this step.";
            return new PublicNotePreview(title(status, actionTitle), null, sampleQuote, status, false, warning);
        }
        return new PublicNotePreview(title(status, actionTitle), body(status, note), sampleQuote, status, true, null);
    }

    /** As notification-service quotes a contributor: whitespace flattened, at most 200 characters. */
    public static String quote(String text) {
        if (text == null) {
            return null;
        }
        var flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= QUOTE_LENGTH ? flat : flat.substring(0, QUOTE_LENGTH - 1) + "…";
    }

    static String title(String status, String title) {
        return switch (status) {
            case "DONE" -> "You said, we did: " + title;
            case "DECLINED" -> "About what you told us: " + title;
            case "PLANNED" -> "Planned: " + title;
            case "IN_PROGRESS" -> "We are working on it: " + title;
            default -> "An update on what you told us: " + title;
        };
    }

    static String body(String status, String publicNote) {
        return switch (status) {
            case "DONE" -> "It is done. " + publicNote;
            case "DECLINED" -> "We have decided not to make this change, and we owe you the reason: " + publicNote;
            default -> publicNote;
        };
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
