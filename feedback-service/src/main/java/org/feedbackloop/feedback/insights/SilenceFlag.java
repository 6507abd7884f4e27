package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.feedback.taxonomy.Topic;

import java.time.Instant;
import java.time.LocalDate;

/** A segment of feedback that went quiet (see {@link SilenceRule}), flagged once in its week. */
@Schema(name = "SilenceFlag")
public record SilenceFlag(
        @Schema(description = "TOPIC or CHANNEL", enumeration = {"TOPIC", "CHANNEL"}) String dimension,
        @Schema(description = "The topic's or the channel's name", examples = "delivery", maxLength = Topic.MAX_NAME)
        String segment,
        @Schema(description = "The Monday (UTC) of the week it was flagged in") LocalDate week,
        @Schema(description = "Start of the 7 days looked at") Instant windowStart,
        @Schema(description = "End of the 7 days looked at (exclusive)") Instant windowEnd,
        @Schema(description = "Items in those 7 days", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long observed,
        @Schema(description = "Items per 7 days over the 8 weeks before") double expected,
        @Schema(description = "P(X ≤ observed) for X ~ Poisson(expected); below 0.01 is flagged") double pValue,
        Instant detectedAt) {
}
