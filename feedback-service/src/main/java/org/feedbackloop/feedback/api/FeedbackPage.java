package org.feedbackloop.feedback.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.signing.CursorCodec;

import java.util.List;

/** One page of feedback, newest first. */
@Schema(name = "FeedbackPage")
public record FeedbackPage(
        @Schema(maxItems = QueryParams.MAX_LIMIT) List<FeedbackView> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page", nullable = true,
                maxLength = CursorCodec.MAX_LENGTH, pattern = CursorCodec.PATTERN)
        String nextCursor) {
}
