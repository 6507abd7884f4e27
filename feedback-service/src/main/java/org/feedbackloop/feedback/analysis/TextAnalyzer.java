package org.feedbackloop.feedback.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a piece of feedback with the sentence model: each part ({@link Segments}) is encoded once; the parts'
 * vectors, weighted by their length, make the text's vector; the sentiment model scores the text and each part,
 * so that strong feelings both ways show as {@link SentimentLabel#MIXED}. Thread-safe; CPU-bound (a few
 * milliseconds per sentence): never call it on an event loop or inside a database transaction.
 */
public final class TextAnalyzer {

    /** A part whose score is at least this far from zero, both ways, makes the text mixed. */
    static final double STRONG = 0.5;

    private final SentenceEncoder encoder;
    private final FeedbackSpace space;
    private final SentimentModel sentiment;
    private final LexiconSentimentAnalyzer lexicon;

    public TextAnalyzer(SentenceEncoder encoder, FeedbackSpace space, SentimentModel sentiment, LexiconSentimentAnalyzer lexicon) {
        this.encoder = encoder;
        this.space = space;
        this.sentiment = sentiment;
        this.lexicon = lexicon;
    }

    /** The sentiment of one part of the text. */
    public record Part(String text, int start, int end, double sentiment) {
    }

    /**
     * What the model read.
     *
     * @param vector    the text's vector in the model's own space (normalised)
     * @param centred   the same seen from the centre of feedback: for topics
     * @param problem   what the problem is ({@link FeedbackSpace#problem}): for grouping and similarity
     * @param sentiment P(positive) − P(negative) of the whole text, in [-1, 1]
     */
    public record Reading(float[] vector, float[] centred, float[] problem, double sentiment, SentimentLabel label,
                          List<Part> parts) {
    }

    public Reading read(String text) {
        var encoded = encoder.encodeParts(text);
        var vector = SentenceEncoder.meanOf(encoded);
        var whole = sentiment.classify(vector, lexicon.score(text));
        double score = round(whole.score());
        var parts = new ArrayList<Part>(encoded.size());
        double strongest = 0;
        double weakest = 0;
        for (var part : encoded) {
            var segment = part.segment();
            double partScore = encoded.size() == 1 ? score
                    : round(sentiment.classify(part.encoding().vector(), lexicon.score(segment.text())).score());
            parts.add(new Part(segment.text(), segment.start(), segment.end(), partScore));
            strongest = Math.max(strongest, partScore);
            weakest = Math.min(weakest, partScore);
        }
        var label = strongest >= STRONG && weakest <= -STRONG ? SentimentLabel.MIXED : switch (whole.likeliest()) {
            case POSITIVE -> SentimentLabel.POSITIVE;
            case NEGATIVE -> SentimentLabel.NEGATIVE;
            case NEUTRAL -> SentimentLabel.NEUTRAL;
        };
        return new Reading(vector, space.centred(vector), space.problem(vector), score, label, List.copyOf(parts));
    }

    /** The problem vector of a text, for a search by meaning (one encoding per part, no sentiment). */
    public float[] problemOf(String text) {
        return space.problem(encoder.encodeText(text));
    }

    /** The centred vector of a text, for topics (a taxonomy's examples). */
    public float[] centredOf(String text) {
        return space.centred(encoder.encodeText(text));
    }

    public FeedbackSpace space() {
        return space;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
