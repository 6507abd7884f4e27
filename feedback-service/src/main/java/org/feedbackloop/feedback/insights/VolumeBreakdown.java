package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.taxonomy.Topic;

import java.time.Instant;
import java.util.List;

/** How much feedback came in over a period and how it felt, by topic and by channel. */
@Schema(name = "VolumeBreakdown")
public record VolumeBreakdown(Instant from, Instant to, Volume total,
                              @Schema(description = "Most items first") List<Volume> byTopic,
                              @Schema(description = "Most items first", maxItems = Channel.COUNT) List<Volume> byChannel) {

    @Schema(name = "Volume")
    public record Volume(
            @Schema(description = "The topic or channel; absent in the total", maxLength = Topic.MAX_NAME) String key,
            @Schema(minimum = Counts.MIN, maximum = Counts.LONG_MAX) long count,
            @Schema(description = "Items the sentence model read as positive", minimum = Counts.MIN, maximum = Counts.LONG_MAX)
            long positive,
            @Schema(description = "Items read as negative", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long negative,
            @Schema(description = "Items read as neutral", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long neutral,
            @Schema(description = "Items with strong feelings both ways in different parts", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) long mixed,
            @Schema(description = "Items not read by the model yet", minimum = Counts.MIN, maximum = Counts.LONG_MAX)
            long pending,
            @Schema(description = "Mean sentiment (-1 to 1) of the items read; absent when none is") Double meanSentiment) {
    }
}
