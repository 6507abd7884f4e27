package org.feedbackloop.feedback.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An import's progress, as its submitter and managers see it. */
@Schema(name = "FeedbackImport", description = "A file of feedback being imported, or imported")
public record ImportView(
        UUID id,
        @Schema(description = "RUNNING; INTERRUPTED (the service stopped while it ran: post the same file again to go on "
                + "where it stopped); DONE; FAILED (the file could no longer be read: see failure)",
                enumeration = {"RUNNING", "INTERRUPTED", "DONE", "FAILED"})
        String status,
        @Schema(type = SchemaType.STRING, implementation = ImportFormat.class) String format,
        @Schema(name = "notify", description = "Whether contributors are told about these items, as if they had just said them")
        @JsonProperty("notify") boolean notifyContributors,
        @Schema(description = "Rows in the file, the header aside", minimum = Counts.MIN, maximum = Counts.INT_MAX) int totalRows,
        @Schema(description = "Rows with a result so far", minimum = Counts.MIN, maximum = Counts.INT_MAX) int rowsDone,
        @Schema(minimum = Counts.MIN, maximum = Counts.INT_MAX) int accepted,
        @Schema(description = "Rows whose externalRef an import brought in before", minimum = Counts.MIN,
                maximum = Counts.INT_MAX) int duplicates,
        @Schema(description = "Rows refused; GET .../rows?outcome=REJECTED gives each with its line and reason",
                minimum = Counts.MIN, maximum = Counts.INT_MAX) int rejected,
        @Schema(description = "Why a FAILED import stopped", nullable = true, maxLength = ImportStore.MAX_REASON) String failure,
        Instant createdAt,
        // as text with its format: SmallRye leaves the format out of a nullable reference
        @Schema(implementation = String.class, format = "date-time", nullable = true) Instant finishedAt) {

    static ImportView of(FeedbackImport job, Duration staleAfter) {
        var status = job.interrupted(staleAfter, Instant.now()) ? "INTERRUPTED" : job.status.name();
        return new ImportView(job.id, status, job.format.name(), job.notify, job.totalRows, job.rowsDone(),
                job.accepted, job.duplicates, job.rejected, job.failure, job.createdAt, job.finishedAt);
    }
}
