package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * Data of {@code insight.silence-detected}: a segment of feedback (a topic or a channel) went quiet. Over the 7 days
 * up to {@code windowEnd} it had {@code observed} items where its trailing 8 weeks lead to expect {@code expected};
 * under a Poisson law of that mean, so few or fewer would happen with probability {@code pValue}. Announced at most
 * once per segment per week.
 *
 * @param dimension   TOPIC or CHANNEL
 * @param segment     the topic's name or the channel (WEB, EMAIL, …)
 * @param windowStart the start of the 7 days looked at
 * @param windowEnd   their end (exclusive)
 * @param observed    items in those 7 days
 * @param expected    items per 7 days over the 8 weeks before them
 * @param pValue      P(X ≤ observed) for X ~ Poisson(expected)
 */
public record SilenceDetected(String dimension, String segment, Instant windowStart, Instant windowEnd, long observed,
                              double expected, double pValue) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return dimension != null && segment != null && windowStart != null && windowEnd != null && expected > 0;
    }
}
