package org.feedbackloop.feedback.imports;

/** The files an import reads. */
public enum ImportFormat {
    /** RFC 4180, UTF-8, a header line naming the fields (nested ones dotted: {@code contact.email}). */
    CSV("text/csv", "csv"),
    /** JSON Lines: one submission object a line, UTF-8. */
    NDJSON("application/x-ndjson", "ndjson");

    public static final String CSV_TYPE = "text/csv";
    public static final String NDJSON_TYPE = "application/x-ndjson";

    private final String mediaType;
    private final String extension;

    ImportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }
}
