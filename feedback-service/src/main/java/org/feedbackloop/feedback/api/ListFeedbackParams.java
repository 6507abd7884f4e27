package org.feedbackloop.feedback.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.domain.FeedbackPosition;
import org.feedbackloop.feedback.domain.FeedbackQuery;
import org.feedbackloop.feedback.domain.FeedbackStatus;
import org.feedbackloop.feedback.taxonomy.Topic;
import org.feedbackloop.kit.http.Period;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.signing.CursorCodec;


/** The query string of {@code GET /api/feedback}, taken as text and checked here so that every mistake gets a clear message. */
public class ListFeedbackParams {

    /** The longest search text. */
    static final int MAX_Q = 200;

    @QueryParam("status")
    @Parameter(description = "RECEIVED, TRACKED or CLOSED", schema = @Schema(implementation = FeedbackStatus.class))
    String status;

    @QueryParam("topic")
    @Parameter(description = "A topic name", example = "billing",
            schema = @Schema(type = SchemaType.STRING, maxLength = Topic.MAX_NAME, pattern = QueryParams.NAME_PATTERN))
    String topic;

    @QueryParam("channel")
    @Parameter(description = "WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP or API", schema = @Schema(implementation = Channel.class))
    String channel;

    @QueryParam("from")
    @Parameter(description = "Created at or after: an ISO-8601 instant or date", example = "2026-11-01",
            schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN, maxLength = Period.BOUND_MAX_LENGTH))
    String from;

    @QueryParam("to")
    @Parameter(description = "Created before: an ISO-8601 instant or date (exclusive)", example = "2026-12-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN, maxLength = Period.BOUND_MAX_LENGTH))
    String to;

    @QueryParam("q")
    @Parameter(description = "Full-text search in web-search syntax: words, \"a phrase\", -excluded, or", example = "refund -card",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_Q))
    String q;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to " + QueryParams.MAX_LIMIT + " (default " + QueryParams.DEFAULT_LIMIT + ")",
            example = "20",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + QueryParams.MAX_LIMIT))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page",
            schema = @Schema(type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH, pattern = CursorCodec.PATTERN))
    String cursor;

    FeedbackQuery toQuery(CursorCodec cursors) {
        var params = new QueryParams();
        var parsedStatus = params.oneOf("status", status, FeedbackStatus.class);
        var parsedTopic = params.name("topic", topic, "must be a topic name such as billing");
        var parsedChannel = params.oneOf("channel", channel, Channel.class);
        var parsedFrom = params.instant("from", from);
        var parsedTo = params.instant("to", to);
        var parsedText = params.text("q", q, MAX_Q, "must be 1 to " + MAX_Q + " characters without control characters");
        var parsedLimit = params.limit(limit);
        var after = params.parse("cursor", cursor, c -> cursors.decode(c, p -> new FeedbackPosition(p.key(), p.id())),
                "is not a cursor this API returned");
        if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
            params.refuse("to", "must be after from");
        }
        params.orRefuse();
        return new FeedbackQuery(null, parsedStatus, parsedTopic, parsedChannel, parsedFrom, parsedTo, parsedText, after,
                parsedLimit);
    }
}
