package org.feedbackloop.action.kudos;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.domain.RatingBand;
import org.feedbackloop.action.privacy.Erasure;
import org.feedbackloop.events.Lengths;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Praise as its team reads it: the customer's own words, never who they are. */
@Schema(name = "Kudos", description = "Praise triage passed to a team instead of opening an action")
public record KudosView(
        UUID feedbackId,
        @Schema(description = "The team it was passed to (the routing of its topic)", examples = "billing",
                pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String team,
        @Schema(examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String topic,
        @Schema(description = "Where it came in", examples = "WEB", maxLength = Lengths.CODE) String channel,
        @Schema(nullable = true, description = "The customer's words; null once they were erased (at the customer's "
                + "request, or at the end of their retention)", maxLength = Lengths.FEEDBACK_TEXT) String text,
        @Schema(description = "The sentiment of the words, in [-1, 1]", examples = "0.83") double sentiment,
        @Schema(nullable = true, description = "NPS or CSAT; null without a rating", examples = "NPS",
                maxLength = Lengths.CODE) String ratingScale,
        @Schema(nullable = true, description = "NPS 9–10 or CSAT 4–5 (praise has no lower rating); null without one",
                examples = "10", minimum = RatingBand.LOWEST_SCORE, maximum = RatingBand.HIGHEST_SCORE)
        Integer ratingScore,
        @Schema(description = "When the feedback was stored") Instant receivedAt,
        @Schema(description = "When triage passed it on") Instant passedAt) {

    /** A row of {@link Kudos#page}. */
    static KudosView of(Object[] row) {
        var text = (String) row[4];
        boolean erased = Erasure.ERASED.equals(text) || Erasure.REDACTED.equals(text);
        return new KudosView(UUID.fromString((String) row[0]), (String) row[1], (String) row[2], (String) row[3],
                erased ? null : text, ((Number) row[5]).doubleValue(), (String) row[6],
                row[7] == null ? null : ((Number) row[7]).intValue(), instant(row[8]), instant(row[9]));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
