package org.feedbackloop.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail: what every error of this API looks like. Its sizes are bounded here, where the document
 * states them: a detail longer than {@link #MAX_DETAIL} is cut, and at most {@link #MAX_ERRORS} field errors are listed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Identifies the kind of problem", examples = "urn:feedbackloop:problem:validation",
                pattern = TYPE_PATTERN, maxLength = MAX_TYPE)
        String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Invalid request", maxLength = MAX_TITLE)
        String title,
        @Schema(description = "HTTP status code", examples = "400", minimum = "400", maximum = "599")
        int status,
        @Schema(description = "What went wrong with this request", examples = "2 fields are invalid", maxLength = MAX_DETAIL)
        String detail,
        @Schema(description = "One entry per invalid field", maxItems = MAX_ERRORS)
        List<FieldError> errors,
        @Schema(description = "Id of this request in the logs: the caller's X-Request-Id when it is sane, else a UUID",
                examples = "5f0c8a2e-4a8e-4a41-9d55-6f2b8d2b1c3e", pattern = REQUEST_ID_PATTERN, maxLength = MAX_REQUEST_ID)
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PATTERN = "^urn:feedbackloop:problem:[a-z0-9-]+$";
    static final int MAX_TYPE = 100;
    static final int MAX_TITLE = 100;
    public static final int MAX_DETAIL = 1000;
    public static final int MAX_ERRORS = 100;
    /** A request id a caller may choose (X-Request-Id); any other gets a UUID instead. */
    public static final String REQUEST_ID_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";
    public static final int MAX_REQUEST_ID = 64;

    public Problem {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "\u2026";
        }
        if (errors != null && errors.size() > MAX_ERRORS) {
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
    }

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
            @Schema(examples = "rating.score", maxLength = MAX_FIELD) String field,
            @Schema(examples = "must be between 0 and 10 for NPS", maxLength = MAX_DETAIL) String message) {

        /** The longest JSON path or parameter name reported. */
        public static final int MAX_FIELD = 200;

        public FieldError {
            if (field != null && field.length() > MAX_FIELD) {
                field = field.substring(0, MAX_FIELD - 1) + "\u2026";
            }
            if (message != null && message.length() > MAX_DETAIL) {
                message = message.substring(0, MAX_DETAIL - 1) + "\u2026";
            }
        }
    }
}
