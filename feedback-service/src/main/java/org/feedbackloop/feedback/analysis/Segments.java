package org.feedbackloop.feedback.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts feedback into the parts a writer feels one way about: sentences, and within a sentence the clauses on
 * either side of a contrast ("the app is great but the delivery was a disaster") or of a comma between two
 * statements ("love the app, hate the delivery"). Each part keeps its weight in the writer's overall tone: the
 * clause after "but" or "however" is what they stress, the one after "although" what they concede.
 */
public final class Segments {

    /** A part of the text, where it starts and ends in it, and how much it counts towards the overall tone. */
    public record Segment(String text, int start, int end, double weight) {
    }

    static final double CONCEDED = 0.5;
    static final double STRESSED = 1.5;
    /** A comma separates two statements only when both sides have at least this many words. */
    private static final int MIN_CLAUSE_WORDS = 3;
    /** More parts than this are merged into the last one: a 5,000-character text stays a bounded amount of work. */
    public static final int MAX_SEGMENTS = 24;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"')\\]]*\\s+|\\s*[\\r\\n]+\\s*|;\\s+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            ",?\\s+(?=(?:but|however|although|though|whereas)\\b)|,\\s+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> STRESS_AFTER = Set.of("but", "however", "whereas");
    private static final Set<String> CONCEDE_AFTER = Set.of("although", "though");

    private Segments() {
    }

    public static List<Segment> of(String text) {
        var segments = new ArrayList<Segment>();
        if (text == null || text.isBlank()) {
            return segments;
        }
        for (var sentence : split(text, 0, text.length(), SENTENCE_END)) {
            segments.addAll(clauses(text, sentence[0], sentence[1]));
        }
        while (segments.size() > MAX_SEGMENTS) {
            var last = segments.removeLast();
            var previous = segments.removeLast();
            segments.add(new Segment(text.substring(previous.start(), last.end()), previous.start(), last.end(), previous.weight()));
        }
        return segments;
    }

    private static List<Segment> clauses(String text, int start, int end) {
        var pieces = split(text, start, end, CLAUSE_BREAK);
        // join a piece too short to stand alone to its neighbour ("Thanks, great service" stays whole),
        // except before a contrast word, which always opens a clause of its own
        var merged = new ArrayList<int[]>();
        for (var piece : pieces) {
            if (!merged.isEmpty()) {
                var previous = merged.getLast();
                int words = words(text, piece[0], piece[1]);
                boolean shortPiece = opensContrast(text, piece[0])
                        ? words < 2 // a closing "though." opens no clause
                        : words < MIN_CLAUSE_WORDS || words(text, previous[0], previous[1]) < MIN_CLAUSE_WORDS;
                if (shortPiece) {
                    previous[1] = piece[1];
                    continue;
                }
            }
            merged.add(piece);
        }
        var result = new ArrayList<Segment>(merged.size());
        var weights = new double[merged.size()];
        java.util.Arrays.fill(weights, 1.0);
        for (int i = 0; i < merged.size(); i++) {
            var first = firstWord(text, merged.get(i)[0]);
            if (STRESS_AFTER.contains(first) && i > 0) {
                weights[i - 1] *= CONCEDED;
                weights[i] *= STRESSED;
            } else if (CONCEDE_AFTER.contains(first)) {
                weights[i] *= CONCEDED;
                if (i + 1 < merged.size()) {
                    weights[i + 1] *= STRESSED;
                } else if (i > 0) {
                    weights[i - 1] *= STRESSED;
                }
            }
        }
        for (int i = 0; i < merged.size(); i++) {
            var piece = merged.get(i);
            result.add(new Segment(text.substring(piece[0], piece[1]), piece[0], piece[1], weights[i]));
        }
        return result;
    }

    /** The non-blank pieces of {@code text[start, end)} between matches of {@code separator}, trimmed. */
    private static List<int[]> split(String text, int start, int end, Pattern separator) {
        var pieces = new ArrayList<int[]>();
        var matcher = separator.matcher(text).region(start, end);
        int from = start;
        while (matcher.find()) {
            addTrimmed(text, from, matcher.start(), pieces);
            from = matcher.end();
        }
        addTrimmed(text, from, end, pieces);
        return pieces;
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> pieces) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start && hasLetterOrDigit(text, start, end)) {
            pieces.add(new int[]{start, end});
        } else if (end > start && !pieces.isEmpty()) {
            pieces.getLast()[1] = end; // trailing punctuation or an emoji belongs to the part before it
        }
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean opensContrast(String text, int start) {
        var first = firstWord(text, start);
        return STRESS_AFTER.contains(first) || CONCEDE_AFTER.contains(first);
    }

    private static String firstWord(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static int words(String text, int start, int end) {
        int count = 0;
        boolean inWord = false;
        for (int i = start; i < end; i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }
}
