package org.feedbackloop.kit.http;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A span of time [{@code from}, {@code to}) that a report covers. */
public record Period(Instant from, Instant to) {

    /** The words of the {@code from} parameter in an OpenAPI description (followed by its default). */
    public static final String FROM = "Start of the period, inclusive: an ISO instant or a day (its start, UTC)";
    /** The words of the {@code to} parameter in an OpenAPI description. */
    public static final String TO = "End of the period, exclusive: an ISO instant or a day (its start, UTC); default now";

    /**
     * What a {@code from} or {@code to} parameter looks like in an OpenAPI document: a day, or an instant with its offset
     * (a string, not a choice of two schemas, which generated clients cannot send as a query parameter).
     */
    public static final String BOUND_PATTERN =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$";
    /** The longest {@code from} or {@code to}: an instant with nanoseconds and an offset is 35 characters. */
    public static final int BOUND_MAX_LENGTH = 40;

    /** A report's period when the request does not say. */
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    /** The longest period a report covers: a year, a leap one included. */
    public static final Duration LONGEST = Duration.ofDays(366);

    /** {@link #of(QueryParams, String, String, Instant, Duration, Duration)} with the defaults: 30 days, at most 366. */
    public static Period of(QueryParams params, String from, String to, Instant now) {
        return of(params, from, to, now, DEFAULT_LENGTH, LONGEST);
    }

    /**
     * The period of a request's {@code from} and {@code to} parameters (ISO instants or days; a day is its start, UTC,
     * so {@code to=2026-02-01} ends with January). Absent, {@code to} is {@code now} and {@code from} is
     * {@code defaultLength} before {@code to}. {@code from} must come before {@code to}, at most {@code maxLength} before
     * it; each refusal is collected in {@code params}.
     */
    public static Period of(QueryParams params, String from, String to, Instant now, Duration defaultLength,
                            Duration maxLength) {
        var end = params.instant("to", to);
        var start = params.instant("from", from);
        end = end == null ? now.truncatedTo(ChronoUnit.MICROS) : end;
        start = start == null ? end.minus(defaultLength) : start;
        if (!start.isBefore(end)) {
            params.refuse("from", "must come before to");
        } else if (Duration.between(start, end).compareTo(maxLength) > 0) {
            params.refuse("from", "must be at most " + maxLength.toDays() + " days before to");
        }
        return new Period(start, end);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
