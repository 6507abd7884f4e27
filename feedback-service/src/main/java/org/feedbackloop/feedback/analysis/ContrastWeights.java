package org.feedbackloop.feedback.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Per-token weights that make the clause a writer stresses count more than the one they concede: the part
 * after "but"/"however", and the main clause rather than the one introduced by "although", "though" or
 * "despite" ("Although the staff were friendly, the repair failed").
 */
final class ContrastWeights {

    static final double CONCEDED = 0.5;
    static final double STRESSED = 1.5;

    private ContrastWeights() {
    }

    static double[] of(List<Tokenizer.Token> tokens) {
        var weights = new double[tokens.size()];
        Arrays.fill(weights, 1.0);
        for (int p = 0; p < tokens.size(); p++) {
            switch (tokens.get(p).text()) {
                case "but", "however" -> weighAroundContrast(tokens, weights, p);
                case "although", "though", "despite" -> weighAroundConcession(tokens, weights, p);
                default -> {
                }
            }
        }
        return weights;
    }

    /** "X but Y": X concedes, Y stresses. A sentence that opens with "But" concedes the previous sentence. */
    private static void weighAroundContrast(List<Tokenizer.Token> tokens, double[] weights, int p) {
        int start = sentenceStart(tokens, p);
        if (start == p && p > 0) {
            start = sentenceStart(tokens, p - 1);
        }
        int end = sentenceEnd(tokens, p);
        scale(weights, start, p, CONCEDED);
        scale(weights, p + 1, end, STRESSED);
    }

    /** "Although X, Y" and "Y, although X": X (up to the next comma) concedes, Y stresses. */
    private static void weighAroundConcession(List<Tokenizer.Token> tokens, double[] weights, int p) {
        int clauseEnd = clauseEnd(tokens, p);
        if (clauseEnd == p + 1) {
            return; // a closing "though." carries no clause of its own
        }
        int opener = p > 0 && tokens.get(p - 1).is("even") ? p - 1 : p;
        int start = sentenceStart(tokens, p);
        scale(weights, p + 1, clauseEnd, CONCEDED);
        if (start == opener) {
            scale(weights, clauseEnd, sentenceEnd(tokens, p), STRESSED);
        } else {
            scale(weights, start, opener, STRESSED);
        }
    }

    private static int sentenceStart(List<Tokenizer.Token> tokens, int p) {
        int i = p;
        while (i > 0 && !tokens.get(i - 1).endsSentence()) {
            i--;
        }
        return i;
    }

    private static int sentenceEnd(List<Tokenizer.Token> tokens, int p) {
        int i = p + 1;
        while (i < tokens.size() && !tokens.get(i).endsSentence()) {
            i++;
        }
        return i;
    }

    private static int clauseEnd(List<Tokenizer.Token> tokens, int p) {
        int i = p + 1;
        while (i < tokens.size() && tokens.get(i).isWord()) {
            i++;
        }
        return i;
    }

    private static void scale(double[] weights, int from, int to, double factor) {
        for (int i = from; i < to; i++) {
            weights[i] *= factor;
        }
    }
}
