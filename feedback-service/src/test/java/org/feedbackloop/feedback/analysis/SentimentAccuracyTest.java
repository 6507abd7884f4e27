package org.feedbackloop.feedback.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentAccuracyTest {

    private static final double REQUIRED_ACCURACY = 0.85;

    private final SentimentAnalyzer analyzer = new LexiconSentimentAnalyzer();

    @Test
    void labelsTheSampleAccurately() {
        var samples = LabelledSample.read("analysis/sentiment-sample.tsv");
        var misses = new ArrayList<String>();
        for (var sample : samples) {
            double score = analyzer.score(sample.text());
            var predicted = SentimentLabel.of(score);
            if (predicted != SentimentLabel.valueOf(sample.label())) {
                misses.add(String.format(Locale.ROOT, "  expected %-8s got %-8s (%+.3f) %s",
                        sample.label(), predicted, score, sample.text()));
            }
        }
        int correct = samples.size() - misses.size();
        double accuracy = (double) correct / samples.size();
        System.out.printf(Locale.ROOT, "Sentiment accuracy on %d labelled sentences: %.3f (%d/%d)%n",
                samples.size(), accuracy, correct, samples.size());
        misses.forEach(System.out::println);

        assertThat(samples).hasSizeGreaterThanOrEqualTo(60);
        assertThat(accuracy).as("sentiment accuracy, misclassified:%n%s", String.join("\n", misses))
                .isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    }
}
