package org.feedbackloop.feedback.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Words that change the valence of a sentiment word that follows them: negators, boosters and dampeners. */
final class ValenceShifters {

    /** How many words before a sentiment word a shifter may stand. */
    static final int REACH = 3;

    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
            // contractions typed without the apostrophe; those with it all end in n't
            "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wouldnt", "cant", "couldnt",
            "shouldnt", "havent", "hasnt", "hadnt", "aint");

    /** Relative change in magnitude: positive boosts, negative dampens. */
    private static final Map<String, Double> ADVERBS = Map.ofEntries(
            Map.entry("very", 0.3), Map.entry("really", 0.3), Map.entry("extremely", 0.45),
            Map.entry("incredibly", 0.45), Map.entry("super", 0.35), Map.entry("absolutely", 0.4),
            Map.entry("totally", 0.35), Map.entry("completely", 0.35), Map.entry("utterly", 0.45),
            Map.entry("highly", 0.35), Map.entry("truly", 0.3), Map.entry("exceptionally", 0.45),
            Map.entry("hugely", 0.4), Map.entry("remarkably", 0.3), Map.entry("seriously", 0.3),
            Map.entry("deeply", 0.3), Map.entry("thoroughly", 0.3), Map.entry("especially", 0.2),
            Map.entry("particularly", 0.2), Map.entry("insanely", 0.4), Map.entry("ridiculously", 0.35),
            Map.entry("so", 0.3), Map.entry("too", 0.2), Map.entry("much", 0.2), Map.entry("way", 0.2),
            Map.entry("pretty", 0.1), Map.entry("total", 0.3), Map.entry("complete", 0.3), Map.entry("utter", 0.35),
            Map.entry("slightly", -0.4), Map.entry("somewhat", -0.35), Map.entry("barely", -0.5),
            Map.entry("hardly", -0.5), Map.entry("marginally", -0.4), Map.entry("partly", -0.3),
            Map.entry("partially", -0.3), Map.entry("fairly", -0.25), Map.entry("mildly", -0.35),
            Map.entry("moderately", -0.25), Map.entry("almost", -0.2), Map.entry("reasonably", -0.2));

    /** Shifters that are also everyday words ("so I called", "way to go"): they only count right before the word. */
    private static final Set<String> ADJACENT_ONLY = Set.of("so", "too", "much", "way", "pretty", "total",
            "complete", "utter");

    private static final double DAMPENING_PHRASE = -0.35;

    private ValenceShifters() {
    }

    static boolean isNegator(List<Tokenizer.Token> tokens, int index) {
        var word = tokens.get(index).text();
        if (!NEGATORS.contains(word) && !word.endsWith("n't")) {
            return false;
        }
        // "not only ... but also" does not negate
        return index + 1 >= tokens.size() || !tokens.get(index + 1).is("only");
    }

    /**
     * The relative change in magnitude that the word at {@code index} applies to a sentiment word
     * {@code distance} words after it; 0 when it is no booster or dampener.
     */
    static double intensityAt(List<Tokenizer.Token> tokens, int index, int distance) {
        var word = tokens.get(index).text();
        var previous = index > 0 ? tokens.get(index - 1).text() : "";
        if (isDampeningPhraseEnd(previous, word)) {
            return DAMPENING_PHRASE;
        }
        var strength = ADVERBS.get(word);
        if (strength == null || (distance > 1 && ADJACENT_ONLY.contains(word))) {
            return 0.0;
        }
        return strength;
    }

    /** "a bit", "a little", "kind of", "sort of", recognised by their last word. */
    private static boolean isDampeningPhraseEnd(String previous, String word) {
        return switch (word) {
            case "bit", "little" -> previous.equals("a");
            case "of" -> previous.equals("kind") || previous.equals("sort");
            default -> false;
        };
    }
}
