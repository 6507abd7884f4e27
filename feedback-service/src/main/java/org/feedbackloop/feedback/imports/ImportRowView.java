package org.feedbackloop.feedback.imports;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.feedback.domain.NewFeedback;
import org.feedbackloop.kit.http.QueryParams;

import java.util.List;
import java.util.UUID;

/** One row's result. */
@Schema(name = "FeedbackImportRow")
public record ImportRowView(
        @Schema(description = "The line of the file where the row starts (a CSV file's header is line 1)",
                minimum = "1", maximum = Counts.INT_MAX) int line,
        @Schema(type = SchemaType.STRING, implementation = ImportStore.Outcome.class) String outcome,
        // as text with its format: SmallRye leaves the format out of a nullable reference
        @Schema(description = "The item stored, for an accepted row", implementation = String.class, format = "uuid", nullable = true)
        UUID feedbackId,
        @Schema(nullable = true, maxLength = NewFeedback.MAX_EXTERNAL_REF) String externalRef,
        @Schema(description = "Why the row was refused or skipped", nullable = true, maxLength = ImportStore.MAX_REASON)
        String reason) {

    /** A page of rows in file order. */
    @Schema(name = "FeedbackImportRows")
    public record Page(@Schema(maxItems = QueryParams.MAX_LIMIT) List<ImportRowView> items,
                       @Schema(description = "Pass as after to get the next page; null on the last page", nullable = true,
                               minimum = "1", maximum = Counts.INT_MAX)
                       Integer nextAfter) {
    }
}
