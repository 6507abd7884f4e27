package org.feedbackloop.action.kudos;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.feedbackloop.action.api.PageSize;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.security.Caller;
import org.feedbackloop.kit.http.Period;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.feedbackloop.kit.signing.CursorCodec;

import java.time.Instant;
import java.util.Set;

/** The query string of {@code GET /api/kudos}, checked here so that every mistake gets a clear message. */
public class ListKudosParams {

    @QueryParam("team")
    @Parameter(description = "A team; default every team the caller may read (an owner: their own teams)",
            example = "billing",
            schema = @Schema(type = SchemaType.STRING, pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH))
    String team;

    @QueryParam("from")
    @Parameter(description = Period.FROM + "; default 30 days before to. Of the time the kudos were passed",
            example = "2026-01-01", schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN,
                    maxLength = Period.BOUND_MAX_LENGTH))
    String from;

    @QueryParam("to")
    @Parameter(description = Period.TO, example = "2026-02-01",
            schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN,
                    maxLength = Period.BOUND_MAX_LENGTH))
    String to;

    @QueryParam("limit")
    @Parameter(description = PageSize.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = PageSize.MINIMUM, maximum = PageSize.MAXIMUM, defaultValue = PageSize.DEFAULT))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page",
            schema = @Schema(type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH,
                    pattern = CursorCodec.PATTERN))
    String cursor;

    /**
     * @throws ProblemException 400 naming each invalid parameter; 403 when an owner asks for a team not theirs
     */
    KudosQuery toQuery(Caller caller, CursorCodec cursors, Instant now) {
        var params = new QueryParams();
        var parsedTeam = params.name("team", team, "must be a team name such as billing");
        var period = Period.of(params, from, to, now);
        var pageSize = params.limit(limit);
        var after = params.parse("cursor", cursor, c -> cursors.decode(c, ListKudosParams::position),
                "is not a cursor this API returned");
        params.orRefuse();
        return new KudosQuery(teams(caller, parsedTeam), period, after, pageSize);
    }

    /** Managers and admins read every team's kudos; owners those of their own teams, as their token's groups say. */
    private static Set<String> teams(Caller caller, String team) {
        if (caller.everyTeam()) {
            return team == null ? null : Set.of(team);
        }
        if (team == null) {
            return caller.teams();
        }
        if (!caller.teams().contains(team)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "Owners read the kudos of their own teams; " + team
                    + " is not one of yours");
        }
        return Set.of(team);
    }

    private static CursorCodec.Position position(CursorCodec.Position position) {
        if (!KudosQuery.ORDER.equals(position.order())) {
            throw new IllegalArgumentException(position.order());
        }
        return position;
    }
}
