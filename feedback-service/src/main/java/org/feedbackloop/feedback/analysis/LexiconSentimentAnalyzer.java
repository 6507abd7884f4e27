package org.feedbackloop.feedback.analysis;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * A rule-based sentiment analyser in the spirit of VADER, tuned for customer feedback.
 *
 * <p>Each word or expression of the lexicon ({@code analysis/sentiment-lexicon.tsv}, then VADER's 7,500 words
 * for those it does not know) contributes its valence,
 * shifted by the words just before it (negators flip and dampen it, boosters and dampeners scale it), by
 * capitals, and by its clause's weight when the writer contrasts clauses ("..., but ..."). Exclamation marks
 * push the sum further from zero, and the sum is squashed into [-1, 1].
 */
@ApplicationScoped
public class LexiconSentimentAnalyzer implements SentimentAnalyzer {

    static final String LEXICON_RESOURCE = "analysis/sentiment-lexicon.tsv";
    /** VADER's lexicon (MIT; C.J. Hutto), as shipped in com.github.apanimesh061:vader-sentiment-analyzer. */
    static final String VADER_RESOURCE = "vader_sentiment_lexicon.txt";

    /** Larger means a text needs more sentiment to approach ±1. */
    private static final double NORMALISATION_ALPHA = 15.0;
    /** "not good" is clearly negative, but "not bad" is only mildly positive. */
    private static final double NEGATED_POSITIVE = -0.74;
    private static final double NEGATED_NEGATIVE = -0.5;
    private static final double SHOUTED = 1.25;
    private static final double PER_EXCLAMATION = 0.29;
    private static final int MAX_EXCLAMATIONS = 4;
    private static final double[] DISTANCE_DECAY = {1.0, 0.95, 0.9};

    /** Nouns that stop being complaints once fixed: "they fixed the bug", "my problem was resolved". */
    private static final Set<String> FIXABLE = Set.of("problem", "problems", "issue", "issues", "bug", "bugs",
            "error", "errors", "glitch", "glitches", "fault", "mistake", "mistakes");
    private static final Set<String> FIXED = Set.of("fix", "fixes", "fixed", "fixing", "resolve", "resolves",
            "resolved", "resolving", "solve", "solves", "solved", "sorted", "addressed", "handled");
    private static final int FIX_REACH = 4;

    private final SentimentLexicon lexicon;

    public LexiconSentimentAnalyzer() {
        this.lexicon = DefaultLexicon.INSTANCE;
    }

    LexiconSentimentAnalyzer(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Loaded once per class loader, however many instances (and CDI proxies) are created. */
    private static final class DefaultLexicon {
        static final SentimentLexicon INSTANCE = SentimentLexicon.fromClasspath(LEXICON_RESOURCE)
                .withFallback(SentimentLexicon.fromVader(VADER_RESOURCE));
    }

    @Override
    public double score(String text) {
        if (text == null || text.isBlank()) {
            return 0.0;
        }
        var tokens = Tokenizer.tokenize(text);
        var weights = ContrastWeights.of(tokens);
        boolean mixedCase = hasLowercaseWord(tokens);
        double sum = 0.0;
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).isWord()) {
                i++;
                continue;
            }
            var match = lexicon.matchAt(tokens, i);
            if (match == null) {
                i++;
                continue;
            }
            if (match.valence() != 0.0 && !isFixedProblem(tokens, i, match)) {
                double valence = shifted(tokens, i, match.valence());
                if (mixedCase && tokens.get(i).shouted()) {
                    valence *= SHOUTED;
                }
                sum += valence * weights[i];
            }
            i += match.length();
        }
        return normalise(withExclamations(sum, tokens));
    }

    /** Applies the negators, boosters and dampeners among the few words before {@code index}. */
    private static double shifted(List<Tokenizer.Token> tokens, int index, double valence) {
        double scale = 1.0;
        boolean negated = false;
        for (int distance = 1; distance <= ValenceShifters.REACH; distance++) {
            int j = index - distance;
            if (j < 0 || !tokens.get(j).isWord() || isContrast(tokens.get(j))) {
                break;
            }
            if (!negated && ValenceShifters.isNegator(tokens, j)) {
                negated = true;
                continue;
            }
            scale *= 1.0 + ValenceShifters.intensityAt(tokens, j, distance) * DISTANCE_DECAY[distance - 1];
        }
        double result = valence * scale;
        if (negated) {
            result *= result > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
        }
        return result;
    }

    private static boolean isContrast(Tokenizer.Token token) {
        return switch (token.text()) {
            case "but", "however", "although", "though", "despite" -> true;
            default -> false;
        };
    }

    private static boolean isFixedProblem(List<Tokenizer.Token> tokens, int index, SentimentLexicon.Match match) {
        if (match.length() != 1 || !FIXABLE.contains(tokens.get(index).text())) {
            return false;
        }
        for (int j = index - 1; j >= Math.max(0, index - FIX_REACH) && tokens.get(j).isWord(); j--) {
            if (FIXED.contains(tokens.get(j).text())) {
                return true;
            }
        }
        for (int j = index + 1; j <= Math.min(tokens.size() - 1, index + FIX_REACH) && tokens.get(j).isWord(); j++) {
            if (FIXED.contains(tokens.get(j).text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLowercaseWord(List<Tokenizer.Token> tokens) {
        for (var token : tokens) {
            if (token.isWord() && !token.shouted()) {
                return true;
            }
        }
        return false;
    }

    private static double withExclamations(double sum, List<Tokenizer.Token> tokens) {
        if (sum == 0.0) {
            return 0.0;
        }
        int exclamations = 0;
        for (var token : tokens) {
            if (token.is("!") && ++exclamations == MAX_EXCLAMATIONS) {
                break;
            }
        }
        return sum + Math.signum(sum) * exclamations * PER_EXCLAMATION;
    }

    private static double normalise(double sum) {
        double score = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
        return Math.max(-1.0, Math.min(1.0, score));
    }
}
