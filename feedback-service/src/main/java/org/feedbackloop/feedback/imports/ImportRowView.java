package org.feedbackloop.feedback.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** One row's result. */
@Schema(name = "FeedbackImportRow")
public record ImportRowView(
        @Schema(description = "The line of the file where the row starts (a CSV file's header is line 1)") int line,
        @Schema(enumeration = {"ACCEPTED", "DUPLICATE", "REJECTED"}) String outcome,
        @Schema(description = "The item stored, for an accepted row", nullable = true) UUID feedbackId,
        @Schema(nullable = true) String externalRef,
        @Schema(description = "Why the row was refused or skipped", nullable = true) String reason) {

    /** A page of rows in file order. */
    @Schema(name = "FeedbackImportRows")
    public record Page(List<ImportRowView> items,
                       @Schema(description = "Pass as after to get the next page; null on the last page", nullable = true)
                       Integer nextAfter) {
    }
}
