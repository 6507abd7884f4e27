package org.feedbackloop.action.kudos;

import org.feedbackloop.events.FeedbackReceived;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PraiseRuleTest {

    @ParameterizedTest(name = "{0}: {1}, sentiment {2}, {3} {4} → {5}")
    @CsvSource(nullValues = "-", value = {
            "strong praise,                            POSITIVE, 0.8,  -,    -,  true",
            "strong praise from an event before labels, -,       0.6,  -,    -,  true",
            "strong praise with a promoter's rating,   POSITIVE, 0.9,  NPS,  10, true",
            "just strongly positive,                   NEUTRAL,  0.5,  -,    -,  true",
            "positive words without a rating,          POSITIVE, 0.49, -,    -,  false",
            "promoter with mildly positive words,      POSITIVE, 0.2,  NPS,  9,  true",
            "satisfied customer with positive words,   POSITIVE, 0.05, CSAT, 4,  true",
            "promoter with neutral words,              NEUTRAL,  0.0,  NPS,  10, false",
            "promoter with barely positive words,      NEUTRAL,  0.04, CSAT, 5,  false",
            "positive words with a detractor rating,   POSITIVE, 0.9,  NPS,  3,  false",
            "positive words with a dissatisfied CSAT,  POSITIVE, 0.7,  CSAT, 2,  false",
            "positive words with a passive rating,     POSITIVE, 0.9,  NPS,  8,  false",
            "positive words with a middling CSAT,      POSITIVE, 0.9,  CSAT, 3,  false",
            "mixed feelings,                           MIXED,    0.7,  -,    -,  false",
            "mixed feelings from a promoter,           MIXED,    0.3,  NPS,  10, false",
            "negative label,                           NEGATIVE, 0.6,  NPS,  10, false",
            "negative words from a promoter,           NEGATIVE, -0.3, NPS,  9,  false"})
    void praiseIsPositiveWithoutANegativeSignal(String name, String label, double sentiment, String scale, Integer score,
                                                boolean praise) {
        assertThat(PraiseRule.isPraise(feedback(label, sentiment, scale, score, null, null))).isEqualTo(praise);
    }

    @Test
    void feedbackThatBelongsToAnActionIsNeverPraise() {
        var action = UUID.randomUUID();
        assertThat(PraiseRule.isPraise(feedback("POSITIVE", 0.9, "NPS", 10, action, null))).as("a follow-up answer").isFalse();
        assertThat(PraiseRule.isPraise(feedback("POSITIVE", 0.9, "NPS", 10, null, action))).as("a \"me too\"").isFalse();
    }

    private static FeedbackReceived feedback(String label, double sentiment, String scale, Integer score,
                                             UUID followUpOf, UUID joins) {
        return new FeedbackReceived(UUID.randomUUID(), "contributor", null, false, "WEB", "Words", "billing", sentiment,
                scale == null ? null : new FeedbackReceived.Rating(scale, score), null, Instant.now(), followUpOf, joins,
                label, null, null);
    }
}
