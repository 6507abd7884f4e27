package org.feedbackloop.feedback.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies feedback by counting the keywords of each topic it contains. A phrase counts more than a single
 * word, because it is more specific; the topic with the highest score wins, the earlier topic on a tie.
 * Immutable: build a new instance when the taxonomy changes.
 */
public final class KeywordTopicClassifier implements TopicClassifier {

    private static final double WORD_SCORE = 1.0;
    private static final double SCORE_PER_EXTRA_PHRASE_WORD = 0.5;

    private final List<String> topicNames;
    /** Keywords whose first word is matched exactly, by that word. */
    private final Map<String, List<Keyword>> byFirstWord;
    /** Keywords whose first word is itself a prefix ({@code refund*}); checked at every word. */
    private final List<Keyword> prefixFirst;

    public KeywordTopicClassifier(Taxonomy taxonomy) {
        var names = new ArrayList<String>();
        var exact = new HashMap<String, List<Keyword>>();
        var prefixes = new ArrayList<Keyword>();
        for (var topic : taxonomy.topics()) {
            int topicIndex = names.size();
            names.add(topic.name());
            for (var raw : topic.keywords()) {
                var keyword = Keyword.parse(raw, topicIndex);
                if (keyword == null) {
                    continue;
                }
                if (keyword.isPrefixAt(0)) {
                    prefixes.add(keyword);
                } else {
                    exact.computeIfAbsent(keyword.words().getFirst(), k -> new ArrayList<>()).add(keyword);
                }
            }
        }
        this.topicNames = List.copyOf(names);
        var frozen = new HashMap<String, List<Keyword>>();
        exact.forEach((word, list) -> frozen.put(word, List.copyOf(list)));
        this.byFirstWord = Map.copyOf(frozen);
        this.prefixFirst = List.copyOf(prefixes);
    }

    @Override
    public Optional<String> classify(String text) {
        if (text == null || text.isBlank() || topicNames.isEmpty()) {
            return Optional.empty();
        }
        var tokens = Tokenizer.tokenize(text);
        var scores = new double[topicNames.size()];
        var bestHere = new double[topicNames.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord()) {
                continue;
            }
            // count a position once per topic, by its best keyword, so that "refund" and "refund*" do not add up
            Arrays.fill(bestHere, 0.0);
            var candidates = byFirstWord.get(tokens.get(i).text());
            if (candidates != null) {
                recordMatches(candidates, tokens, i, bestHere);
            }
            recordMatches(prefixFirst, tokens, i, bestHere);
            for (int t = 0; t < scores.length; t++) {
                scores[t] += bestHere[t];
            }
        }
        int best = -1;
        for (int t = 0; t < scores.length; t++) {
            if (scores[t] > 0 && (best < 0 || scores[t] > scores[best])) {
                best = t;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(topicNames.get(best));
    }

    private static void recordMatches(List<Keyword> keywords, List<Tokenizer.Token> tokens, int start, double[] bestHere) {
        for (var keyword : keywords) {
            if (keyword.matchesAt(tokens, start)) {
                bestHere[keyword.topic()] = Math.max(bestHere[keyword.topic()], keyword.score());
            }
        }
    }

    /** A compiled keyword: its words in tokenizer form, whether the last is a prefix, and its topic's index. */
    private record Keyword(List<String> words, boolean lastIsPrefix, int topic) {

        static Keyword parse(String raw, int topic) {
            var text = raw.strip().toLowerCase(Locale.ROOT);
            boolean prefix = text.endsWith("*");
            if (prefix) {
                text = text.substring(0, text.length() - 1);
            }
            var words = Tokenizer.tokenize(text).stream()
                    .filter(Tokenizer.Token::isWord)
                    .map(Tokenizer.Token::text)
                    .toList();
            return words.isEmpty() ? null : new Keyword(words, prefix, topic);
        }

        boolean isPrefixAt(int index) {
            return lastIsPrefix && index == words.size() - 1;
        }

        double score() {
            return WORD_SCORE + SCORE_PER_EXTRA_PHRASE_WORD * (words.size() - 1);
        }

        /** Phrases match consecutive words only: punctuation in between breaks them. */
        boolean matchesAt(List<Tokenizer.Token> tokens, int start) {
            if (start + words.size() > tokens.size()) {
                return false;
            }
            for (int k = 0; k < words.size(); k++) {
                var token = tokens.get(start + k).text();
                boolean matches = isPrefixAt(k) ? token.startsWith(words.get(k)) : token.equals(words.get(k));
                if (!matches) {
                    return false;
                }
            }
            return true;
        }
    }
}
