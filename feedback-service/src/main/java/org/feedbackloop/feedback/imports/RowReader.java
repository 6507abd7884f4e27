package org.feedbackloop.feedback.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.feedbackloop.feedback.api.SubmitFeedback;
import org.feedbackloop.feedback.domain.NewFeedback;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Reads a row as {@code POST /api/feedback} reads a body (the same fields, the same validation), plus the
 * original {@code createdAt}: an instant with its offset ({@code 2024-03-01T10:15:00Z}) or a day ({@code 2024-03-01},
 * taken as midnight UTC), not in the future, not before 1990.
 */
@ApplicationScoped
class RowReader {

    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * A row read: a submission to store, or the reason it is refused.
     *
     * @param createdAt   when it was said; null for now
     * @param externalRef the row's reference as written, when it has one (a refused row's too)
     */
    record Read(int line, NewFeedback feedback, Instant createdAt, String externalRef, String refused) {
    }

    private final ObjectReader submissions;
    private final Validator validator;

    RowReader(ObjectMapper json, Validator validator) {
        this.submissions = json.readerFor(SubmitFeedback.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
    }

    Read read(ImportRows.Row row) {
        if (row.fields() == null) {
            return refused(row, row.error());
        }
        var fields = row.fields().deepCopy();
        var createdAtNode = fields.remove("createdAt");
        Instant createdAt = null;
        if (createdAtNode != null && !createdAtNode.isNull()) {
            if (!createdAtNode.isTextual()) {
                return refused(row, "createdAt: must be a date or an instant such as 2024-03-01T10:15:00Z");
            }
            try {
                createdAt = instant(createdAtNode.asText());
            } catch (DateTimeParseException e) {
                return refused(row, "createdAt: must be a date or an instant such as 2024-03-01T10:15:00Z");
            }
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
                return refused(row, "createdAt: must be between 1990-01-01 and now");
            }
        }
        SubmitFeedback submission;
        try {
            submission = submissions.readValue(fields);
        } catch (IOException e) {
            return refused(row, describe(e));
        }
        var violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            return refused(row, violations.stream()
                    .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                    .map(v -> field(v) + ": " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return new Read(row.line(), submission.toNewFeedback(), createdAt, submission.externalRef(), null);
    }

    private static Read refused(ImportRows.Row row, String reason) {
        var ref = row.fields() == null ? null : row.fields().get("externalRef");
        var text = ref != null && ref.isTextual() ? ref.asText() : null;
        return new Read(row.line(), null, null, text == null || text.length() > NewFeedback.MAX_EXTERNAL_REF ? null : text, reason);
    }

    static Instant instant(String text) {
        var value = text.strip();
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String field(ConstraintViolation<?> violation) {
        var path = violation.getPropertyPath().toString();
        return path.isEmpty() ? "rating" : path;
    }

    private static String describe(IOException failure) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + unknown.getPropertyName();
        }
        if (failure instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            var field = mismatch.getPath().stream().map(reference -> reference.getFieldName() == null
                    ? "[" + reference.getIndex() + "]" : reference.getFieldName()).collect(Collectors.joining("."));
            var expected = mismatch instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                    ? "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "must be " + typeName(mismatch.getTargetType());
            return field + ": " + expected;
        }
        return "cannot be read as a submission";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        return "an object";
    }
}
