package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.feedback.taxonomy.Topic;

import java.time.Instant;
import java.util.List;

/** How much feedback came in per topic over a period. */
@Schema(name = "FeedbackSummary")
public record VolumeSummary(List<TopicCount> topics,
                            @Schema(minimum = Counts.MIN, maximum = Counts.LONG_MAX) long total,
                            Instant from, Instant to) {

    @Schema(name = "TopicCount")
    public record TopicCount(
            @Schema(examples = "billing", maxLength = Topic.MAX_NAME, pattern = Topic.NAME_PATTERN) String topic,
            @Schema(minimum = Counts.MIN, maximum = Counts.LONG_MAX) long count) {
    }
}
