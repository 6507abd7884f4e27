package org.feedbackloop.feedback.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Valences of words and multi-word expressions, read from a {@code term<TAB>valence} resource. Immutable once
 * loaded, so one instance is shared by every thread. {@link #withFallback} adds a second, larger lexicon for
 * the words the first does not know (VADER's, under the project's own feedback vocabulary).
 */
final class SentimentLexicon {

    static final double MIN_VALENCE = -4.0;
    static final double MAX_VALENCE = 4.0;

    /** A multi-word expression; its words are in {@link Tokenizer} form. */
    record Phrase(List<String> words, double valence) {
    }

    /** What a lexicon lookup found at a position: its valence and how many tokens it spans. */
    record Match(double valence, int length) {
    }

    private final Map<String, Double> words;
    /** Phrases by their first word, longest first so that the longest expression wins. */
    private final Map<String, List<Phrase>> phrasesByFirstWord;

    private SentimentLexicon(Map<String, Double> words, Map<String, List<Phrase>> phrasesByFirstWord) {
        this.words = words;
        this.phrasesByFirstWord = phrasesByFirstWord;
    }

    static SentimentLexicon fromClasspath(String resource) {
        var stream = SentimentLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Sentiment lexicon not found on the classpath: " + resource);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sentiment lexicon " + resource, e);
        }
    }

    /**
     * This lexicon, and for every single word it does not know the valence {@code fallback} gives it. The
     * fallback's phrases are left out: the project's own expressions decide how words combine.
     */
    SentimentLexicon withFallback(SentimentLexicon fallback) {
        var merged = new HashMap<>(fallback.words);
        merged.putAll(words);
        return new SentimentLexicon(Map.copyOf(merged), phrasesByFirstWord);
    }

    /**
     * Reads VADER's lexicon ({@code token<TAB>mean valence<TAB>standard deviation<TAB>ratings}, ISO-8859-1):
     * its single words only, not its emoticons and abbreviations, which the tokenizer does not keep whole.
     */
    static SentimentLexicon fromVader(String resource) {
        var stream = SentimentLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("VADER lexicon not found on the classpath: " + resource);
        }
        var words = new HashMap<String, Double>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.ISO_8859_1))) {
            reader.lines().forEach(line -> {
                var fields = line.split("\t");
                if (fields.length < 2) {
                    return;
                }
                var terms = Tokenizer.tokenize(fields[0]);
                if (terms.size() == 1 && terms.getFirst().isWord() && terms.getFirst().text().equals(fields[0].toLowerCase(java.util.Locale.ROOT))) {
                    words.putIfAbsent(terms.getFirst().text(), Math.max(MIN_VALENCE, Math.min(MAX_VALENCE, Double.parseDouble(fields[1]))));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read VADER lexicon " + resource, e);
        }
        return new SentimentLexicon(Map.copyOf(words), Map.of());
    }

    static SentimentLexicon parse(List<String> lines, String source) {
        var words = new HashMap<String, Double>();
        var phrases = new HashMap<String, List<Phrase>>();
        var seen = new HashMap<List<String>, Integer>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            var fields = line.split("\t");
            if (fields.length != 2) {
                throw invalid(source, lineNumber, "expected term<TAB>valence");
            }
            var terms = Tokenizer.tokenize(fields[0]).stream().map(Tokenizer.Token::text).toList();
            if (terms.isEmpty() || !terms.stream().allMatch(t -> Character.isLetterOrDigit(t.charAt(0)))) {
                throw invalid(source, lineNumber, "term must be words only");
            }
            double valence = parseValence(fields[1].strip(), source, lineNumber);
            var previous = seen.putIfAbsent(terms, lineNumber);
            if (previous != null) {
                throw invalid(source, lineNumber, "duplicate of line " + previous);
            }
            if (terms.size() == 1) {
                words.put(terms.getFirst(), valence);
            } else {
                phrases.computeIfAbsent(terms.getFirst(), k -> new ArrayList<>()).add(new Phrase(terms, valence));
            }
        }
        var sortedPhrases = new HashMap<String, List<Phrase>>();
        phrases.forEach((first, list) -> sortedPhrases.put(first, list.stream()
                .sorted(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed())
                .toList()));
        return new SentimentLexicon(Map.copyOf(words), Map.copyOf(sortedPhrases));
    }

    private static double parseValence(String text, String source, int lineNumber) {
        try {
            double valence = Double.parseDouble(text);
            if (valence < MIN_VALENCE || valence > MAX_VALENCE) {
                throw invalid(source, lineNumber, "valence outside [-4, 4]");
            }
            return valence;
        } catch (NumberFormatException e) {
            throw invalid(source, lineNumber, "valence is not a number");
        }
    }

    private static IllegalStateException invalid(String source, int lineNumber, String reason) {
        return new IllegalStateException("Invalid sentiment lexicon " + source + " line " + lineNumber + ": " + reason);
    }

    /**
     * The longest lexicon entry that starts at {@code start}, or {@code null}. Phrases only match consecutive
     * word tokens, never across punctuation.
     */
    Match matchAt(List<Tokenizer.Token> tokens, int start) {
        var first = tokens.get(start).text();
        var candidates = phrasesByFirstWord.get(first);
        if (candidates != null) {
            for (var phrase : candidates) {
                if (matchesAt(phrase.words(), tokens, start)) {
                    return new Match(phrase.valence(), phrase.words().size());
                }
            }
        }
        var valence = words.get(first);
        return valence == null ? null : new Match(valence, 1);
    }

    private static boolean matchesAt(List<String> words, List<Tokenizer.Token> tokens, int start) {
        if (start + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(start + k).is(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return words.size() + phrasesByFirstWord.values().stream().mapToInt(List::size).sum();
    }
}
