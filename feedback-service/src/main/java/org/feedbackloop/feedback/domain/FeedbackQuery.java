package org.feedbackloop.feedback.domain;

import java.time.Instant;

/**
 * A page request over feedback, newest first. Null filters do not filter.
 *
 * @param contributorId only this contributor's items (customers); null for everyone's (staff)
 * @param text          PostgreSQL web-search syntax over the text ("late delivery", "refund -card")
 * @param from          created at or after (inclusive)
 * @param to            created before (exclusive)
 * @param after         the position the page starts after, from the previous page's cursor
 */
public record FeedbackQuery(
        String contributorId,
        FeedbackStatus status,
        String topic,
        Channel channel,
        Instant from,
        Instant to,
        String text,
        FeedbackPosition after,
        int limit) {
}
