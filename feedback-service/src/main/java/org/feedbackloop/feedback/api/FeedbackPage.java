package org.feedbackloop.feedback.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of feedback, newest first. */
@Schema(name = "FeedbackPage")
public record FeedbackPage(
        List<FeedbackView> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}
