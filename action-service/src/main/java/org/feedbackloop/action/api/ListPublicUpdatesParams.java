package org.feedbackloop.action.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.feedbackloop.action.board.BoardFilter;
import org.feedbackloop.action.board.BoardPosition;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.signing.CursorCodec;


/** The query string of {@code GET /api/public/updates}, checked here so that every mistake gets a clear message. */
public class ListPublicUpdatesParams {

    @QueryParam("status")
    @Parameter(description = "done (default): completed actions, newest completion first; open: open actions that "
            + "told the public something, latest public note first", example = "done",
            schema = @Schema(type = SchemaType.STRING,
                    enumeration = {BoardFilter.Parameters.DONE, BoardFilter.Parameters.OPEN}))
    String status;

    @QueryParam("limit")
    @Parameter(description = PageSize.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = PageSize.MINIMUM, maximum = PageSize.MAXIMUM, defaultValue = PageSize.DEFAULT))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page (same status)",
            schema = @Schema(type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH, pattern = CursorCodec.PATTERN))
    String cursor;

    /** A checked request for one page. */
    record Query(BoardFilter filter, BoardPosition after, int limit) {
    }

    Query toQuery(CursorCodec cursors) {
        var params = new QueryParams();
        var filter = status == null ? BoardFilter.DONE
                : params.parse("status", status, BoardFilter::ofParameter, "must be done or open");
        var pageSize = params.limit(limit);
        var after = params.parse("cursor", cursor, c -> cursors.decode(c, PublicUpdatesResource::boardPosition),
                "is not a cursor this API returned");
        if (after != null && filter != null && after.filter() != filter) {
            params.refuse("cursor", "belongs to the other status");
        }
        params.orRefuse();
        return new Query(filter, after, pageSize);
    }
}
