package org.feedbackloop.feedback.insights;

import org.feedbackloop.feedback.domain.RatingScale;
import org.feedbackloop.kit.http.Period;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Scores and intervals against values worked out by hand. */
class RatingScoreTest {

    @Test
    void npsIsPromotersLessDetractorsWithTheIntervalOfTheirDifference() {
        // 2 promoters, 1 passive, 2 detractors: p = d = 0.4, variance (0.8 - 0) / 5 = 0.16, 1.96 * 0.4 = 0.784
        assertThat(RatingScore.of(RatingScale.NPS, 5, 2, 2))
                .isEqualTo(new RatingScore(5, 2, 1, 2, 0.0, -78.4, 78.4, true));
        // 5 promoters, 2 passives, 2 detractors: 33.3; variance (7/9 - 1/9) / 9 = 0.0741, spread 53.3 points
        assertThat(RatingScore.of(RatingScale.NPS, 9, 5, 2))
                .isEqualTo(new RatingScore(9, 5, 2, 2, 33.3, -20.0, 86.7, true));
        // the interval never leaves -100..100
        assertThat(RatingScore.of(RatingScale.NPS, 4, 3, 0).high()).isEqualTo(100.0);
    }

    @Test
    void csatIsTheShareSatisfiedWithTheWilsonInterval() {
        // 2 of 4 satisfied: Wilson centre 0.5, half-width 1.96 / 1.9604 * sqrt(0.0625 + 0.0600) = 0.350
        assertThat(RatingScore.of(RatingScale.CSAT, 4, 2, 1))
                .isEqualTo(new RatingScore(4, 2, 1, 1, 50.0, 15.0, 85.0, true));
        assertThat(RatingScore.of(RatingScale.CSAT, 40, 40, 0).smallSample()).isFalse();
        assertThat(RatingScore.of(RatingScale.CSAT, 40, 40, 0).high()).isEqualTo(100.0);
    }

    @Test
    void noRatingsHaveNoScore() {
        assertThat(RatingScore.of(RatingScale.NPS, 0, 0, 0)).isEqualTo(new RatingScore(0, 0, 0, 0, null, null, null, true));
    }

    @Test
    void feedbackNotReadYetCountsButHasNoSentiment() {
        var period = new Period(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        var breakdown = VolumeInsights.breakdown(period, List.of(
                new VolumeInsights.Group("billing", "WEB", "NEGATIVE", 3, -1.5),
                new VolumeInsights.Group("billing", "EMAIL", null, 2, 0.4),
                new VolumeInsights.Group("delivery", "WEB", "MIXED", 1, 0.1)));
        assertThat(breakdown.total()).isEqualTo(new VolumeBreakdown.Volume(null, 6, 0, 3, 0, 1, 2, -0.35));
        assertThat(breakdown.byTopic()).extracting(VolumeBreakdown.Volume::key).containsExactly("billing", "delivery");
        assertThat(breakdown.byChannel().getFirst()).isEqualTo(new VolumeBreakdown.Volume("WEB", 4, 0, 3, 0, 1, 0, -0.35));
        assertThat(breakdown.byChannel().get(1)).isEqualTo(new VolumeBreakdown.Volume("EMAIL", 2, 0, 0, 0, 0, 2, null));
    }

    @Test
    void theBreakdownListsTheLargestTopicsUpToItsLimitAndTheTotalCountsThemAll() {
        var period = new Period(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        var groups = IntStream.rangeClosed(1, VolumeBreakdown.MAX_TOPICS + 5)
                .mapToObj(i -> new VolumeInsights.Group("topic-" + i, "WEB", "NEUTRAL", i, 0)).toList();
        var breakdown = VolumeInsights.breakdown(period, groups);
        assertThat(breakdown.byTopic()).hasSize(VolumeBreakdown.MAX_TOPICS);
        assertThat(breakdown.byTopic().getFirst().key()).isEqualTo("topic-" + (VolumeBreakdown.MAX_TOPICS + 5));
        assertThat(breakdown.byTopic().getLast().key()).isEqualTo("topic-6");
        long all = (VolumeBreakdown.MAX_TOPICS + 5L) * (VolumeBreakdown.MAX_TOPICS + 6L) / 2;
        assertThat(breakdown.total().count()).isEqualTo(all);
        assertThat(breakdown.byChannel().getFirst().count()).isEqualTo(all);
    }
}
