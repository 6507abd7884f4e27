package org.feedbackloop.action.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.domain.FeedbackItem;
import org.feedbackloop.action.domain.RatingBand;
import org.feedbackloop.events.Lengths;

import java.time.Instant;
import java.util.UUID;

/** A contributor's words as linked to an action: staff read the customers' own words, not only counts. */
@Schema(name = "LinkedFeedback")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkedFeedbackView(UUID feedbackId,
                                 @Schema(maxLength = Lengths.FEEDBACK_TEXT) String text,
                                 @Schema(maxLength = Lengths.CODE) String channel,
                                 @Schema(maxLength = Lengths.CODE) String ratingScale,
                                 @Schema(minimum = RatingBand.LOWEST_SCORE, maximum = RatingBand.HIGHEST_SCORE)
                                 Integer ratingScore,
                                 double sentiment, Instant receivedAt, Instant linkedAt) {

    static LinkedFeedbackView of(FeedbackItem f) {
        return new LinkedFeedbackView(f.feedbackId, f.text, f.channel, f.ratingScale, f.ratingScore, f.sentiment,
                f.receivedAt, f.linkedAt);
    }
}
