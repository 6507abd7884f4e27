package org.feedbackloop.feedback.imports;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.feedback.domain.NewFeedback;
import org.feedbackloop.kit.http.QueryParams;

import java.util.List;
import java.util.UUID;

/** One row's result. */
@Schema(name = "FeedbackImportRow")
public record ImportRowView(
        @Schema(description = "The line of the file where the row starts (a CSV file's header is line 1)") int line,
        @Schema(type = SchemaType.STRING, implementation = ImportStore.Outcome.class) String outcome,
        @Schema(description = "The item stored, for an accepted row", nullable = true) UUID feedbackId,
        @Schema(nullable = true, maxLength = NewFeedback.MAX_EXTERNAL_REF) String externalRef,
        @Schema(description = "Why the row was refused or skipped", nullable = true) String reason) {

    /** A page of rows in file order. */
    @Schema(name = "FeedbackImportRows")
    public record Page(@Schema(maxItems = QueryParams.MAX_LIMIT) List<ImportRowView> items,
                       @Schema(description = "Pass as after to get the next page; null on the last page", nullable = true)
                       Integer nextAfter) {
    }
}
