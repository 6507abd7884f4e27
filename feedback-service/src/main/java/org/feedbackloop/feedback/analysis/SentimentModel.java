package org.feedbackloop.feedback.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A three-class logistic regression (positive, negative, neutral) on a text's sentence vector and its lexicon
 * score: the embedding says what kind of statement it is, the lexicon adds the weight of the words it knows.
 * The weights are trained by {@code bench/understanding} ({@link #train}) on the public UCI sentences and the
 * project's own labelled feedback, and ship as {@code analysis/sentiment-model.tsv}.
 */
public final class SentimentModel {

    static final String RESOURCE = "analysis/sentiment-model.tsv";
    /** How much the lexicon score counts beside the 384 embedding features (each about ±0.1). */
    static final double LEXICON_SCALE = 0.5;
    private static final int FEATURES = SentenceEncoder.DIMENSIONS + 1;

    /** The classes, in the order of the weight rows. */
    public enum Polarity { POSITIVE, NEGATIVE, NEUTRAL }

    /** A labelled text for training: its vector, lexicon score and class. */
    public record Example(float[] vector, double lexicon, Polarity polarity) {
    }

    /** How likely each class is; {@link #score} folds them into [-1, 1]. */
    public record Probabilities(double positive, double negative, double neutral) {

        /** P(positive) − P(negative): near ±1 when sure, near 0 when neutral or torn. */
        public double score() {
            return positive - negative;
        }

        public Polarity likeliest() {
            if (positive >= negative && positive >= neutral) {
                return Polarity.POSITIVE;
            }
            return negative >= neutral ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        }
    }

    /** One row per class: a weight per feature, then the bias. */
    private final double[][] weights;

    private SentimentModel(double[][] weights) {
        this.weights = weights;
    }

    public static SentimentModel fromClasspath() {
        var stream = SentimentModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            var weights = new double[Polarity.values().length][];
            for (var line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var fields = line.split("\t");
                var row = FeedbackSpace.parse(fields[1]);
                if (row.length != FEATURES + 1) {
                    throw new IllegalStateException(RESOURCE + ": " + fields[0] + " has " + row.length + " weights");
                }
                var doubles = new double[row.length];
                for (int i = 0; i < row.length; i++) {
                    doubles[i] = row[i];
                }
                weights[Polarity.valueOf(fields[0]).ordinal()] = doubles;
            }
            for (var polarity : Polarity.values()) {
                if (weights[polarity.ordinal()] == null) {
                    throw new IllegalStateException(RESOURCE + " has no weights for " + polarity);
                }
            }
            return new SentimentModel(weights);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public Probabilities classify(float[] vector, double lexicon) {
        var logits = new double[weights.length];
        for (int c = 0; c < weights.length; c++) {
            logits[c] = logit(weights[c], vector, lexicon);
        }
        var p = softmax(logits);
        return new Probabilities(p[0], p[1], p[2]);
    }

    /**
     * Fits the weights by full-batch gradient descent with Nesterov momentum on the cross-entropy with an L2
     * penalty of {@code l2} (the bias is not penalised). Deterministic: the same examples give the same weights.
     */
    public static SentimentModel train(List<Example> examples, double l2, int iterations) {
        int classes = Polarity.values().length;
        var features = new double[examples.size()][];
        var truth = new int[examples.size()];
        for (int n = 0; n < examples.size(); n++) {
            features[n] = features(examples.get(n).vector(), examples.get(n).lexicon());
            truth[n] = examples.get(n).polarity().ordinal();
        }
        var weights = new double[classes][FEATURES + 1];
        var velocity = new double[classes][FEATURES + 1];
        var ahead = new double[classes][FEATURES + 1];
        for (int iteration = 0; iteration < iterations; iteration++) {
            for (int c = 0; c < classes; c++) {
                for (int f = 0; f <= FEATURES; f++) {
                    ahead[c][f] = weights[c][f] + MOMENTUM * velocity[c][f];
                }
            }
            var gradient = gradient(ahead, features, truth, l2);
            for (int c = 0; c < classes; c++) {
                for (int f = 0; f <= FEATURES; f++) {
                    velocity[c][f] = MOMENTUM * velocity[c][f] - RATE * gradient[c][f];
                    weights[c][f] += velocity[c][f];
                }
            }
        }
        return new SentimentModel(weights);
    }

    private static final double RATE = 1.0;
    private static final double MOMENTUM = 0.9;

    private static double[][] gradient(double[][] weights, double[][] features, int[] truth, double l2) {
        int classes = weights.length;
        var gradient = new double[classes][FEATURES + 1];
        var logits = new double[classes];
        for (int n = 0; n < features.length; n++) {
            var x = features[n];
            for (int c = 0; c < classes; c++) {
                logits[c] = dot(weights[c], x);
            }
            var p = softmax(logits);
            for (int c = 0; c < classes; c++) {
                double error = p[c] - (c == truth[n] ? 1 : 0);
                var g = gradient[c];
                for (int f = 0; f <= FEATURES; f++) {
                    g[f] += error * x[f];
                }
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int f = 0; f <= FEATURES; f++) {
                gradient[c][f] = gradient[c][f] / features.length + (f < FEATURES ? l2 * weights[c][f] : 0);
            }
        }
        return gradient;
    }

    public void write(Writer out, String comment) throws IOException {
        out.write("# " + comment + "\n");
        out.write("# class<TAB>" + SentenceEncoder.DIMENSIONS + " embedding weights, the lexicon weight (scale "
                + LEXICON_SCALE + "), the bias\n");
        for (var polarity : Polarity.values()) {
            var row = weights[polarity.ordinal()];
            var floats = new float[row.length];
            for (int i = 0; i < row.length; i++) {
                floats[i] = (float) row[i];
            }
            out.write(polarity.name() + "\t" + FeedbackSpace.format(floats) + "\n");
        }
    }

    private static double[] features(float[] vector, double lexicon) {
        var x = new double[FEATURES + 1];
        for (int i = 0; i < vector.length; i++) {
            x[i] = vector[i];
        }
        x[FEATURES - 1] = LEXICON_SCALE * lexicon;
        x[FEATURES] = 1.0;
        return x;
    }

    private static double logit(double[] row, float[] vector, double lexicon) {
        double sum = row[FEATURES];
        for (int i = 0; i < vector.length; i++) {
            sum += row[i] * vector[i];
        }
        return sum + row[FEATURES - 1] * LEXICON_SCALE * lexicon;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        var p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
