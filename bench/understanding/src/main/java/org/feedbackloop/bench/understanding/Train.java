package org.feedbackloop.bench.understanding;

import org.feedbackloop.feedback.analysis.FeedbackSpace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Trains what feedback-service's analysis ships, from the labelled data in {@code bench/understanding/data} and
 * the UCI sentences: the feedback space (the centre of the reference feedback and its two main directions) and
 * the sentiment model's weights. Deterministic: running it again on the same data writes the same files.
 *
 * <p>{@code Train <resources directory>} writes {@code analysis/feedback-space.tsv} and
 * {@code analysis/sentiment-model.tsv} there (feedback-service/src/main/resources).
 */
public final class Train {

    static final int PROBLEM_DIRECTIONS = 2;

    private Train() {
    }

    public static void main(String[] args) throws IOException {
        var resources = Path.of(args.length > 0 ? args[0] : "feedback-service/src/main/resources");
        var corpora = Corpora.fromSystemProperties();
        try (var reader = new Reader()) {
            var space = space(corpora, reader);
            var training = new SentimentTraining(reader);
            var model = training.train(corpora.uci(), corpora.feedbackSentiment());
            System.out.print(training.log());
            var analysis = Files.createDirectories(resources.resolve("analysis"));
            try (var out = Files.newBufferedWriter(analysis.resolve("feedback-space.tsv"))) {
                space.write(out, "The centre of customer feedback in the sentence model's space and its " + PROBLEM_DIRECTIONS
                        + " main directions, from bench/understanding/data (sentiment-feedback.tsv and the topic examples). "
                        + "Written by bench/understanding (Train): do not edit.");
            }
            try (var out = Files.newBufferedWriter(analysis.resolve("sentiment-model.tsv"))) {
                model.write(out, "Sentiment model: logistic regression trained on the UCI sentences (amazon, imdb, yelp) and "
                        + "bench/understanding/data/sentiment-feedback.tsv. Written by bench/understanding (Train): do not edit.");
            }
            System.out.println("Wrote " + analysis.resolve("feedback-space.tsv") + " and " + analysis.resolve("sentiment-model.tsv"));
        }
    }

    /** The reference corpus: the labelled feedback sentences and the taxonomy's examples. */
    static FeedbackSpace space(Corpora corpora, Reader reader) {
        var vectors = new ArrayList<float[]>();
        corpora.feedbackSentiment().forEach(text -> vectors.add(reader.read(text.text()).vector()));
        corpora.topicExamples().stream().filter(row -> row.group().equals("example"))
                .forEach(text -> vectors.add(reader.read(text.text()).vector()));
        var mean = Pca.mean(vectors);
        return new FeedbackSpace(mean, Pca.directions(vectors, mean, PROBLEM_DIRECTIONS));
    }
}
