package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** How much feedback came in over a period and how it felt, by topic and by channel. */
@Schema(name = "VolumeBreakdown")
public record VolumeBreakdown(Instant from, Instant to, Volume total,
                              @Schema(description = "Most items first") List<Volume> byTopic,
                              @Schema(description = "Most items first") List<Volume> byChannel) {

    @Schema(name = "Volume")
    public record Volume(
            @Schema(description = "The topic or channel; absent in the total") String key,
            long count,
            @Schema(description = "Items the sentence model read as positive") long positive,
            @Schema(description = "Items read as negative") long negative,
            @Schema(description = "Items read as neutral") long neutral,
            @Schema(description = "Items with strong feelings both ways in different parts") long mixed,
            @Schema(description = "Items not read by the model yet") long pending,
            @Schema(description = "Mean sentiment (-1 to 1) of the items read; absent when none is") Double meanSentiment) {
    }
}
