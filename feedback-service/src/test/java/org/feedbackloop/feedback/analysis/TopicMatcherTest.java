package org.feedbackloop.feedback.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rule by which meaning and keywords give a topic, on vectors whose similarities are known exactly. */
class TopicMatcherTest {

    private static final TopicMatcher MATCHER = new TopicMatcher(List.of(
            new TopicMatcher.TopicVectors("billing", List.of(axis(0), axis(0))),
            new TopicMatcher.TopicVectors("delivery", List.of(axis(1), axis(1)))),
            new KeywordTopicClassifier(new Taxonomy(List.of(
                    new TopicDefinition("billing", List.of("refund*")),
                    new TopicDefinition("delivery", List.of("parcel"))))));

    @Test
    void theNearestTopicByMeaningWinsWhenNoKeywordSpeaks() {
        var match = MATCHER.match(text(0.30, 0.25), "It went wrong again").orElseThrow();

        assertThat(match.topic()).isEqualTo("billing");
        assertThat(match.byMeaning()).isTrue();
        assertThat(match.score()).isEqualTo(0.30, within(1e-6));
    }

    @Test
    void aKeywordTipsAClosePairTowardItsTopic() {
        var match = MATCHER.match(text(0.30, 0.25), "The parcel went wrong again").orElseThrow();

        assertThat(match.topic()).isEqualTo("delivery");
        assertThat(match.byMeaning()).isTrue();
        assertThat(match.score()).isEqualTo(0.25 + TopicMatcher.KEYWORD_BONUS, within(1e-6));
    }

    @Test
    void aKeywordDoesNotOverruleAClearMeaning() {
        var match = MATCHER.match(text(0.50, 0.20), "The parcel was charged twice").orElseThrow();

        assertThat(match.topic()).isEqualTo("billing");
    }

    @Test
    void aKeywordCanLiftAWeakMeaningOverTheMinimum() {
        var match = MATCHER.match(text(0.10, 0.02), "Where is my refund?").orElseThrow();

        assertThat(match.topic()).isEqualTo("billing");
        assertThat(match.byMeaning()).isTrue();
        assertThat(MATCHER.match(text(0.10, 0.02), "Where is my money?")).isEmpty();
    }

    @Test
    void farFromEveryTopicTheKeywordsAloneDecide() {
        var match = MATCHER.match(text(0.02, 0.05), "Where is my refund?").orElseThrow();

        assertThat(match.topic()).isEqualTo("billing");
        assertThat(match.byMeaning()).isFalse();
    }

    @Test
    void farFromEveryTopicWithoutAKeywordThereIsNoTopic() {
        assertThat(MATCHER.match(text(0.10, 0.12), "Hello")).isEmpty();
    }

    private static float[] axis(int dimension) {
        var vector = new float[3];
        vector[dimension] = 1;
        return vector;
    }

    /** A unit vector whose similarity to the billing examples is {@code billing} and to delivery's {@code delivery}. */
    private static float[] text(double billing, double delivery) {
        return new float[]{(float) billing, (float) delivery,
                (float) Math.sqrt(1 - billing * billing - delivery * delivery)};
    }
}
