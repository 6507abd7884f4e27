package org.feedbackloop.bench.understanding;

import org.feedbackloop.feedback.analysis.LexiconSentimentAnalyzer;
import org.feedbackloop.feedback.analysis.SentenceEncoder;

import java.util.HashMap;
import java.util.Map;

/** The sentence model and the lexicon, with what they gave for each text kept for the rest of the run. */
final class Reader implements AutoCloseable {

    /** A text as the services read it before the feedback space and the sentiment model apply. */
    record Read(float[] vector, double lexicon) {
    }

    final SentenceEncoder encoder = SentenceEncoder.load();
    final LexiconSentimentAnalyzer lexicon = new LexiconSentimentAnalyzer();
    private final Map<String, Read> cache = new HashMap<>();

    Read read(String text) {
        return cache.computeIfAbsent(text, t -> new Read(encoder.encodeText(t), lexicon.score(t)));
    }

    @Override
    public void close() {
        encoder.close();
    }
}
