package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.taxonomy.Topic;

import java.time.Instant;
import java.util.List;

/** How much feedback came in over a period and how it felt, by topic and by channel. */
@Schema(name = "VolumeBreakdown")
public record VolumeBreakdown(Instant from, Instant to,
                              @Schema(description = "Every item of the period, of every topic and channel") Volume total,
                              @Schema(description = "Most items first, then by name; at most " + VolumeBreakdown.MAX_TOPICS
                                      + " topics, the largest (items keep a topic removed from the taxonomy, so a period "
                                      + "can have more)", maxItems = VolumeBreakdown.MAX_TOPICS)
                              List<Volume> byTopic,
                              @Schema(description = "Most items first, then by name", maxItems = Channel.COUNT) List<Volume> byChannel) {

    /** The most topics a breakdown lists: as many as the taxonomy holds. */
    public static final int MAX_TOPICS = Topic.MAX_TOPICS;

    @Schema(name = "Volume")
    public record Volume(
            @Schema(description = "The topic or channel; null in the total", nullable = true, maxLength = Topic.MAX_NAME) String key,
            @Schema(minimum = Counts.MIN, maximum = Counts.LONG_MAX) long count,
            @Schema(description = "Items the sentence model read as positive", minimum = Counts.MIN, maximum = Counts.LONG_MAX)
            long positive,
            @Schema(description = "Items read as negative", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long negative,
            @Schema(description = "Items read as neutral", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long neutral,
            @Schema(description = "Items with strong feelings both ways in different parts", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) long mixed,
            @Schema(description = "Items not read by the model yet", minimum = Counts.MIN, maximum = Counts.LONG_MAX)
            long pending,
            @Schema(description = "Mean sentiment (-1 to 1) of the items read; null when none is", nullable = true,
                    minimum = "-1", maximum = "1") Double meanSentiment) {
    }
}
