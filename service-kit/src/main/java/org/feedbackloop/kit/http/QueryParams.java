package org.feedbackloop.kit.http;

import org.feedbackloop.events.Lengths;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a request's query parameters, collecting every invalid one, so that a single 400 names them all:
 * {@code var params = new QueryParams(); var limit = params.limit(limit); …; params.orRefuse();}.
 */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** A topic or team name, anchored so that it means the same in a JSON Schema as in {@link String#matches}. */
    public static final String NAME_PATTERN = "^[a-z][a-z0-9-]{1," + (Lengths.NAME - 1) + "}$";
    /** Text without control characters, written so that Java and JSON Schema (ECMA-262) read it alike. */
    public static final String NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u001F\\u007F]*$";
    /** Years the database can compare with: a year such as +999999999 overflows the driver. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /**
     * {@code value} read by {@code parser} (stripped of surrounding blanks), null when absent; a value the parser
     * refuses with any runtime exception is reported as {@code name}: {@code expectation}.
     */
    public <T> T parse(String name, String value, Function<String, T> parser, String expectation) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            refuse(name, expectation);
            return null;
        }
    }

    /** A page size: absent is {@value #DEFAULT_LIMIT}; otherwise an integer from 1 to {@value #MAX_LIMIT}. */
    public int limit(String value) {
        var limit = parse("limit", value, QueryParams::pageSize, "must be an integer from 1 to " + MAX_LIMIT);
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** A request's only parameter, its page size. @throws ProblemException 400 when it is not one */
    public static int limitOf(String value) {
        var params = new QueryParams();
        var limit = params.limit(value);
        params.orRefuse();
        return limit;
    }

    /** A moment, as an ISO instant or a day (its start, UTC), within years the database compares. */
    public Instant instant(String name, String value) {
        return parse(name, value, QueryParams::moment, "must be an ISO-8601 instant or date of the years 0 to 9999");
    }

    /** A value from an enum, by name. */
    public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        return parse(name, value, v -> Enum.valueOf(type, v), "must be one of " + names(type.getEnumConstants()));
    }

    /** Text of 1 to {@code max} characters without control characters. */
    public String text(String name, String value, int max, String expectation) {
        return parse(name, value, v -> plainText(v, max), expectation);
    }

    /** A name such as a topic or a team: lower case, digits and hyphens, 2 to {@value Lengths#NAME} characters. */
    public String name(String name, String value, String expectation) {
        return parse(name, value, v -> {
            if (!v.matches(NAME_PATTERN)) {
                throw new IllegalArgumentException();
            }
            return v;
        }, expectation);
    }

    public void refuse(String name, String why) {
        errors.add(new Problem.FieldError(name, why));
    }

    /** @throws ProblemException 400 naming every invalid parameter, if there is one */
    public void orRefuse() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** An id in its canonical 36-character form (UUID.fromString alone accepts shorter, ambiguous forms). */
    public static UUID uuid(String field, String id) {
        try {
            return canonicalUuid(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    /** @throws IllegalArgumentException unless {@code id} is a UUID in its canonical form */
    public static UUID canonicalUuid(String id) {
        if (id.length() != 36) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return UUID.fromString(id);
    }

    /** @throws IllegalArgumentException unless {@code value} has 1 to {@code max} characters, none a control character */
    public static String plainText(String value, int max) {
        if (value.isEmpty() || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not plain text of at most " + max + " characters");
        }
        return value;
    }

    public static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static int pageSize(String value) {
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException();
        }
        return limit;
    }

    private static Instant moment(String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            instant = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new IllegalArgumentException();
        }
        return instant;
    }
}
