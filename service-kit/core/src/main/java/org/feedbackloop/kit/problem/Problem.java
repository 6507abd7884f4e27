package org.feedbackloop.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail: what every error of this API looks like. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Identifies the kind of problem", examples = "urn:feedbackloop:problem:validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request", examples = "2 fields are invalid")
        String detail,
        @Schema(description = "One entry per invalid field")
        List<FieldError> errors,
        @Schema(description = "Id of this request in the logs", examples = "5f0c8a2e-4a8e-4a41-9d55-6f2b8d2b1c3e")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemKind type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, List.of(), null);
    }

    public static Problem of(ProblemKind type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, errors, null);
    }

    public Problem withRequestId(String requestId) {
        return new Problem(type, title, status, detail, errors, requestId);
    }

    /** A field that failed validation: its JSON path and why. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(examples = "rating.score") String field,
            @Schema(examples = "must be between 0 and 10 for NPS") String message) {
    }
}
