package org.feedbackloop.bench.understanding;

import org.feedbackloop.feedback.analysis.SentimentModel.Polarity;
import org.feedbackloop.feedback.analysis.SentimentModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How the sentiment model is trained, the same way for the weights the service ships and for each held-out
 * evaluation: UCI sentences of the training sites plus the project's labelled feedback, with the L2 penalty
 * chosen by leaving out one training site at a time (never by looking at the held-out site).
 */
final class SentimentTraining {

    static final double[] PENALTIES = {1e-3, 3e-4, 1e-4};
    static final int ITERATIONS = 400;

    private final Reader reader;
    private final StringBuilder log = new StringBuilder();

    SentimentTraining(Reader reader) {
        this.reader = reader;
    }

    String log() {
        return log.toString();
    }

    /** Trains on {@code uci} (sentences of some sites) and {@code feedback}. */
    SentimentModel train(List<Corpora.Labelled> uci, List<Corpora.Labelled> feedback) {
        var sites = uci.stream().map(Corpora.Labelled::group).distinct().sorted().toList();
        double best = PENALTIES[0];
        double bestAccuracy = -1;
        for (double l2 : PENALTIES) {
            double sum = 0;
            for (var validation : sites) {
                var model = fit(join(uci.stream().filter(s -> !s.group().equals(validation)).toList(), feedback), l2);
                sum += binaryAccuracy(model, uci.stream().filter(s -> s.group().equals(validation)).toList());
            }
            double accuracy = sum / sites.size();
            log.append(String.format(Locale.ROOT, "  sites %s, l2 %.0e: leave-one-site-out accuracy %.3f%n", sites, l2, accuracy));
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = l2;
            }
        }
        log.append(String.format(Locale.ROOT, "  chose l2 %.0e%n", best));
        return fit(join(uci, feedback), best);
    }

    /** Share of positive and negative sentences the model puts on the right side. */
    double binaryAccuracy(SentimentModel model, List<Corpora.Labelled> sentences) {
        int right = 0;
        for (var sentence : sentences) {
            var read = reader.read(sentence.text());
            var p = model.classify(read.vector(), read.lexicon());
            boolean positive = p.positive() > p.negative();
            if (positive == sentence.label().equals("POSITIVE")) {
                right++;
            }
        }
        return (double) right / sentences.size();
    }

    /** Share of texts whose likeliest class is their label (positive, negative or neutral). */
    double accuracy(SentimentModel model, List<Corpora.Labelled> texts, Predicate<Corpora.Labelled> which) {
        int right = 0;
        int total = 0;
        for (var text : texts) {
            if (!which.test(text)) {
                continue;
            }
            var read = reader.read(text.text());
            total++;
            if (model.classify(read.vector(), read.lexicon()).likeliest().name().equals(text.label())) {
                right++;
            }
        }
        return (double) right / total;
    }

    private SentimentModel fit(List<Corpora.Labelled> labelled, double l2) {
        var examples = new ArrayList<SentimentModel.Example>(labelled.size());
        for (var text : labelled) {
            var read = reader.read(text.text());
            examples.add(new SentimentModel.Example(read.vector(), read.lexicon(), Polarity.valueOf(text.label())));
        }
        return SentimentModel.train(examples, l2, ITERATIONS);
    }

    private static List<Corpora.Labelled> join(List<Corpora.Labelled> a, List<Corpora.Labelled> b) {
        var joined = new ArrayList<>(a);
        joined.addAll(b);
        return joined;
    }
}
