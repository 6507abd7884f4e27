package org.feedbackloop.feedback.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits feedback text into lowercase word tokens and clause punctuation, shared by the sentiment analyser and
 * the topic classifier so that lexicon entries and keywords are tokenised exactly like the text they match.
 *
 * <p>Apostrophes inside a word are kept ({@code don't}, {@code i'm}), a trailing {@code 's} is dropped
 * ({@code carrier's} becomes {@code carrier}), hyphens split words ({@code two-factor} becomes {@code two factor}).
 * The marks {@code . , ; : ! ?} become tokens of their own; line breaks and free-standing dashes become clause
 * breaks. Everything else is ignored.
 */
final class Tokenizer {

    private static final String SENTENCE_END = ".";
    private static final String CLAUSE_BREAK = ",";

    private Tokenizer() {
    }

    /** One token: lowercase text plus whether the writer typed the word in capitals ("AMAZING"). */
    record Token(String text, boolean shouted) {

        boolean isWord() {
            return Character.isLetterOrDigit(text.charAt(0));
        }

        /** True for the marks that end a sentence: {@code . ! ? ;}. */
        boolean endsSentence() {
            return switch (text) {
                case ".", "!", "?", ";" -> true;
                default -> false;
            };
        }

        boolean is(String word) {
            return text.equals(word);
        }
    }

    static List<Token> tokenize(String text) {
        var tokens = new ArrayList<Token>();
        if (text == null) {
            return tokens;
        }
        var word = new StringBuilder();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (isApostrophe(c) && !word.isEmpty() && i + 1 < length && Character.isLetter(text.charAt(i + 1))) {
                word.append('\'');
            } else {
                flush(word, tokens);
                switch (c) {
                    case '.', ',', ';', ':', '!', '?' -> tokens.add(new Token(String.valueOf(c), false));
                    case '\n', '\r' -> addBreak(tokens, SENTENCE_END);
                    case '\u2013', '\u2014' -> addBreak(tokens, CLAUSE_BREAK);
                    case '-' -> {
                        // a hyphen between two words joins them ("two-factor"); anywhere else it is a dash
                        boolean joinsWords = i > 0 && i + 1 < length
                                && Character.isLetterOrDigit(text.charAt(i - 1))
                                && Character.isLetterOrDigit(text.charAt(i + 1));
                        if (!joinsWords) {
                            addBreak(tokens, CLAUSE_BREAK);
                        }
                    }
                    default -> {
                        // other symbols carry no meaning for the analysers
                    }
                }
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC';
    }

    private static void addBreak(List<Token> tokens, String mark) {
        if (tokens.isEmpty() || !tokens.getLast().isWord()) {
            return; // a blank line after a full stop is one break, not two
        }
        tokens.add(new Token(mark, false));
    }

    private static void flush(StringBuilder word, List<Token> tokens) {
        if (word.isEmpty()) {
            return;
        }
        var raw = word.toString();
        word.setLength(0);
        var lower = raw.toLowerCase(Locale.ROOT);
        if (lower.endsWith("'s") && lower.length() > 2) {
            lower = lower.substring(0, lower.length() - 2);
        }
        tokens.add(new Token(lower, isShouted(raw)));
    }

    private static boolean isShouted(String raw) {
        int letters = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }
}
