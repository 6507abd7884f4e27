package org.feedbackloop.action.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.domain.FeedbackItem;

import java.time.Instant;
import java.util.UUID;

/** A contributor's words as linked to an action: staff read the customers' own words, not only counts. */
@Schema(name = "LinkedFeedback")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkedFeedbackView(UUID feedbackId, String text, String channel, String ratingScale, Integer ratingScore,
                                 double sentiment, Instant receivedAt, Instant linkedAt) {

    static LinkedFeedbackView of(FeedbackItem f) {
        return new LinkedFeedbackView(f.feedbackId, f.text, f.channel, f.ratingScale, f.ratingScore, f.sentiment,
                f.receivedAt, f.linkedAt);
    }
}
