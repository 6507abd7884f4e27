package org.feedbackloop.feedback.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.domain.FeedbackPosition;
import org.feedbackloop.feedback.domain.FeedbackQuery;
import org.feedbackloop.feedback.domain.FeedbackStatus;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.signing.CursorCodec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The query string of {@code GET /api/feedback}, taken as text and checked here so that every mistake gets a clear message. */
public class ListFeedbackParams {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");
    private static final String DATE_EXPECTATION = "must be an ISO-8601 instant or date of the years 0 to 9999";

    @QueryParam("status")
    @Parameter(description = "RECEIVED, TRACKED or CLOSED")
    String status;

    @QueryParam("topic")
    @Parameter(description = "A topic name", example = "billing")
    String topic;

    @QueryParam("channel")
    @Parameter(description = "WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP or API")
    String channel;

    @QueryParam("from")
    @Parameter(description = "Created at or after: an ISO-8601 instant or date", example = "2026-11-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "Created before: an ISO-8601 instant or date (exclusive)", example = "2026-12-01T00:00:00Z")
    String to;

    @QueryParam("q")
    @Parameter(description = "Full-text search in web-search syntax: words, \"a phrase\", -excluded, or", example = "refund -card")
    String q;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20")
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page")
    String cursor;

    FeedbackQuery toQuery(CursorCodec cursors) {
        var errors = new ArrayList<Problem.FieldError>();
        var parsedStatus = parse("status", status, FeedbackStatus::valueOf, errors, "must be one of " + names(FeedbackStatus.values()));
        var parsedTopic = parse("topic", topic, ListFeedbackParams::topic, errors, "must be a topic name such as billing");
        var parsedChannel = parse("channel", channel, Channel::valueOf, errors, "must be one of " + names(Channel.values()));
        var parsedFrom = parse("from", from, ListFeedbackParams::instant, errors, DATE_EXPECTATION);
        var parsedTo = parse("to", to, ListFeedbackParams::instant, errors, DATE_EXPECTATION);
        var parsedText = parse("q", q, ListFeedbackParams::searchText, errors, "must be 1 to 200 characters without control characters");
        var parsedLimit = parse("limit", limit, ListFeedbackParams::limit, errors, "must be an integer from 1 to " + MAX_LIMIT);
        var after = parse("cursor", cursor, c -> cursors.decode(c, p -> new FeedbackPosition(p.key(), p.id())), errors,
                "is not a cursor this API returned");
        if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new FeedbackQuery(null, parsedStatus, parsedTopic, parsedChannel, parsedFrom, parsedTo, parsedText, after,
                parsedLimit == null ? DEFAULT_LIMIT : parsedLimit);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, List<Problem.FieldError> errors,
                               String expectation) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            errors.add(new Problem.FieldError(name, expectation));
            return null;
        }
    }

    private static String topic(String value) {
        if (!value.matches("[a-z][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static String searchText(String value) {
        if (value.isEmpty() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static Integer limit(String value) {
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException();
        }
        return limit;
    }

    private static Instant instant(String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            instant = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        // years the database can compare with: a year such as +999999999 overflows the driver
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new IllegalArgumentException();
        }
        return instant;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
