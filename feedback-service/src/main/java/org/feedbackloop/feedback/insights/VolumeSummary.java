package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.feedback.taxonomy.Topic;

import java.time.Instant;
import java.util.List;

/** How much feedback came in per topic over a period. */
@Schema(name = "FeedbackSummary")
public record VolumeSummary(
        @Schema(description = "Most items first, then by name; at most " + VolumeSummary.MAX_TOPICS + " topics, the largest "
                + "(items keep a topic removed from the taxonomy, so a period can have more)", maxItems = VolumeSummary.MAX_TOPICS)
        List<TopicCount> topics,
        @Schema(description = "Items of the period, of every topic: listed or not", minimum = Counts.MIN,
                maximum = Counts.LONG_MAX) long total,
        Instant from, Instant to) {

    /** The most topics a summary lists: as many as the taxonomy holds. */
    public static final int MAX_TOPICS = Topic.MAX_TOPICS;

    @Schema(name = "TopicCount")
    public record TopicCount(
            @Schema(examples = "billing", maxLength = Topic.MAX_NAME, pattern = QueryParams.NAME_PATTERN) String topic,
            @Schema(minimum = Counts.MIN, maximum = Counts.LONG_MAX) long count) {
    }
}
