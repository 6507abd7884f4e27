package org.feedbackloop.action.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.feedbackloop.action.domain.ActionPosition;
import org.feedbackloop.action.domain.ActionQuery;
import org.feedbackloop.action.domain.ActionSort;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.security.Caller;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.signing.CursorCodec;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The query string of {@code GET /api/actions}, checked here so that every mistake gets a clear message. */
public class ListActionsParams {

    /** The longest status filter taken: room for every status with a space after each comma, twice over. */
    static final int LONGEST_STATUS = 100;
    /** A status filter as the document states it: status names separated by commas, spaces around them allowed. */
    static final String STATUS_PATTERN = "^\\s*(OPEN|PLANNED|IN_PROGRESS|DONE|DECLINED|MERGED)\\s*"
            + "(,\\s*(OPEN|PLANNED|IN_PROGRESS|DONE|DECLINED|MERGED)\\s*)*$";

    @QueryParam("owner")
    @Parameter(description = "me, or an owner's user id", example = "me",
            schema = @Schema(type = SchemaType.STRING, maxLength = ActionRequests.LONGEST_OWNER_ID,
                    pattern = QueryParams.NO_CONTROL_CHARACTERS))
    String owner;

    @QueryParam("team")
    @Parameter(description = "A team", example = "billing",
            schema = @Schema(type = SchemaType.STRING, pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH))
    String team;

    @QueryParam("status")
    @Parameter(description = "One or more of OPEN, PLANNED, IN_PROGRESS, DONE, DECLINED, MERGED, comma-separated; default all but MERGED",
            schema = @Schema(type = SchemaType.STRING, maxLength = LONGEST_STATUS, pattern = STATUS_PATTERN))
    String status;

    @QueryParam("overdue")
    @Parameter(description = "true: only open actions past either deadline; false: only the others",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String overdue;

    @QueryParam("feedbackId")
    @Parameter(description = "Only the action tracking this feedback", schema = @Schema(implementation = UUID.class))
    String feedbackId;

    @QueryParam("sort")
    @Parameter(description = "dueAt (default: the most urgent first), -dueAt, createdAt or -createdAt",
            schema = @Schema(type = SchemaType.STRING, enumeration = {ActionSort.Parameters.DUE_SOONEST,
                    ActionSort.Parameters.DUE_LATEST, ActionSort.Parameters.OLDEST, ActionSort.Parameters.NEWEST}))
    String sort;

    @QueryParam("limit")
    @Parameter(description = PageSize.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = PageSize.MINIMUM, maximum = PageSize.MAXIMUM, defaultValue = PageSize.DEFAULT))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page (same sort)",
            schema = @Schema(type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH, pattern = CursorCodec.PATTERN))
    String cursor;

    ActionQuery toQuery(Caller caller, CursorCodec cursors, Instant now) {
        var params = new QueryParams();
        var parsedOwner = params.parse("owner", owner,
                value -> "me".equals(value) ? caller.subject()
                        : QueryParams.plainText(value, ActionRequests.LONGEST_OWNER_ID), "must be me or a user id");
        var parsedTeam = params.name("team", team, "must be a team name such as billing");
        var parsedStatuses = params.parse("status", status, ListActionsParams::statuses,
                "must be one or more of " + QueryParams.names(ActionStatus.values()));
        var parsedOverdue = params.parse("overdue", overdue, ListActionsParams::bool, "must be true or false");
        var parsedFeedback = params.parse("feedbackId", feedbackId, QueryParams::canonicalUuid, "must be a UUID");
        var parsedSort = sort == null ? ActionSort.DUE_SOONEST
                : params.parse("sort", sort, ActionSort::ofParameter, "must be dueAt, -dueAt, createdAt or -createdAt");
        var parsedLimit = params.limit(limit);
        var after = params.parse("cursor", cursor,
                c -> cursors.decode(c, p -> new ActionPosition(ActionSort.valueOf(p.order()), p.key(), p.id())),
                "is not a cursor this API returned");
        if (after != null && parsedSort != null && after.sort() != parsedSort) {
            params.refuse("cursor", "belongs to another sort order");
        }
        params.orRefuse();
        return new ActionQuery(parsedOwner, parsedTeam, parsedStatuses, parsedOverdue, parsedFeedback, parsedSort, after,
                parsedLimit, now);
    }

    private static Set<ActionStatus> statuses(String value) {
        if (value.length() > LONGEST_STATUS) {
            throw new IllegalArgumentException(value);
        }
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
}
