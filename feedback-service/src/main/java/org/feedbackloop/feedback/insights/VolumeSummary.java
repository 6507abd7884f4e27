package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** How much feedback came in per topic over a period. */
@Schema(name = "FeedbackSummary")
public record VolumeSummary(List<TopicCount> topics, long total, Instant from, Instant to) {

    @Schema(name = "TopicCount")
    public record TopicCount(@Schema(examples = "billing") String topic, long count) {
    }
}
