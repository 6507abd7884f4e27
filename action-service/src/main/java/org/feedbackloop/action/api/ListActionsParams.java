package org.feedbackloop.action.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.feedbackloop.action.domain.ActionPosition;
import org.feedbackloop.action.domain.ActionQuery;
import org.feedbackloop.action.domain.ActionSort;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.security.Caller;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.signing.CursorCodec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The query string of {@code GET /api/actions}, checked here so that every mistake gets a clear message. */
public class ListActionsParams {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    @QueryParam("owner")
    @Parameter(description = "me, or an owner's user id", example = "me")
    String owner;

    @QueryParam("team")
    @Parameter(description = "A team", example = "billing")
    String team;

    @QueryParam("status")
    @Parameter(description = "One or more of OPEN, PLANNED, IN_PROGRESS, DONE, DECLINED, MERGED, comma-separated; default all but MERGED")
    String status;

    @QueryParam("overdue")
    @Parameter(description = "true: only open actions past either deadline; false: only the others")
    String overdue;

    @QueryParam("feedbackId")
    @Parameter(description = "Only the action tracking this feedback")
    String feedbackId;

    @QueryParam("sort")
    @Parameter(description = "dueAt (default: the most urgent first), -dueAt, createdAt or -createdAt")
    String sort;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100 (default 20)")
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page (same sort)")
    String cursor;

    ActionQuery toQuery(Caller caller, CursorCodec cursors, Instant now) {
        var errors = new ArrayList<Problem.FieldError>();
        var parsedOwner = parse("owner", owner, value -> "me".equals(value) ? caller.subject() : text(value, 100), errors,
                "must be me or a user id");
        var parsedTeam = parse("team", team, ListActionsParams::team, errors, "must be a team name such as billing");
        var parsedStatuses = parse("status", status, ListActionsParams::statuses, errors,
                "must be one or more of " + Arrays.stream(ActionStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        var parsedOverdue = parse("overdue", overdue, ListActionsParams::bool, errors, "must be true or false");
        var parsedFeedback = parse("feedbackId", feedbackId, ListActionsParams::uuid, errors, "must be a UUID");
        var parsedSort = sort == null ? ActionSort.DUE_SOONEST
                : parse("sort", sort, ActionSort::ofParameter, errors, "must be dueAt, -dueAt, createdAt or -createdAt");
        var parsedLimit = parse("limit", limit, ListActionsParams::limit, errors, "must be an integer from 1 to " + MAX_LIMIT);
        var after = parse("cursor", cursor, c -> cursors.decode(c, p -> new ActionPosition(ActionSort.valueOf(p.order()), p.key(), p.id())),
                errors, "is not a cursor this API returned");
        if (after != null && parsedSort != null && after.sort() != parsedSort) {
            errors.add(new Problem.FieldError("cursor", "belongs to another sort order"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ActionQuery(parsedOwner, parsedTeam, parsedStatuses, parsedOverdue, parsedFeedback, parsedSort, after,
                parsedLimit == null ? DEFAULT_LIMIT : parsedLimit, now);
    }

    static <T> T parse(String name, String value, Function<String, T> parser, List<Problem.FieldError> errors,
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

    private static String text(String value, int max) {
        if (value.isEmpty() || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static String team(String value) {
        if (!value.matches("[a-z][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static Set<ActionStatus> statuses(String value) {
        var statuses = EnumSet.noneOf(ActionStatus.class);
        for (var name : value.split(",")) {
            statuses.add(ActionStatus.valueOf(name.strip()));
        }
        return statuses;
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    private static UUID uuid(String value) {
        if (value.length() != 36) {
            throw new IllegalArgumentException();
        }
        return UUID.fromString(value);
    }

    static Integer limit(String value) {
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException();
        }
        return limit;
    }
}
