package org.feedbackloop.feedback.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives a text the topic whose examples it is nearest to in meaning: the score of a topic is the mean
 * similarity to its two nearest examples (so that one odd example does not decide alone), in the centred
 * {@link FeedbackSpace}, plus {@link #KEYWORD_BONUS} for the topic the keywords name, if any: a keyword is
 * evidence, not the decision. Below {@link #MIN_SCORE} no topic is near enough and the keywords alone decide;
 * without a keyword, the caller's fallback topic applies. Immutable: build a new one when the taxonomy changes.
 */
public final class TopicMatcher {

    /**
     * The score a topic needs to be taken by meaning. With {@link #KEYWORD_BONUS}, chosen on calibration sets only,
     * never on the evaluation set: feedback-service's topic sample (which has feedback of no topic, and wants the
     * value high) and the topics of the calibration and training paraphrases (which want it low). A bonus of 0.09
     * gave the best sum of their accuracies for every minimum from 0.10 to 0.18; this is the highest of those.
     */
    public static final double MIN_SCORE = 0.18;
    /** What the topic named by the keywords adds to its score by meaning. */
    public static final double KEYWORD_BONUS = 0.09;

    /** A topic, the centred vectors of its examples (its description counts as one more), its keywords. */
    public record TopicVectors(String name, List<float[]> examples) {
    }

    /** The topic found, how it was found and its score (meaning plus any keyword bonus; 0 for keywords alone). */
    public record Match(String topic, boolean byMeaning, double score) {
    }

    private final List<TopicVectors> topics;
    private final TopicClassifier keywords;

    public TopicMatcher(List<TopicVectors> topics, TopicClassifier keywords) {
        this.topics = List.copyOf(topics);
        this.keywords = keywords;
    }

    /**
     * @param centred the text's vector in the centred space ({@link FeedbackSpace#centred})
     */
    public Optional<Match> match(float[] centred, String text) {
        var keyword = keywords.classify(text);
        TopicVectors best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (var topic : topics) {
            double score = score(centred, topic.examples())
                    + (keyword.isPresent() && keyword.get().equals(topic.name()) ? KEYWORD_BONUS : 0);
            if (score > bestScore) {
                bestScore = score;
                best = topic;
            }
        }
        if (best != null && bestScore >= MIN_SCORE) {
            return Optional.of(new Match(best.name(), true, bestScore));
        }
        return keyword.map(topic -> new Match(topic, false, 0));
    }

    /** Each topic's score for {@code centred}, in the taxonomy's order. */
    public List<Match> scores(float[] centred) {
        var scores = new ArrayList<Match>(topics.size());
        for (var topic : topics) {
            scores.add(new Match(topic.name(), true, score(centred, topic.examples())));
        }
        return scores;
    }

    private static double score(float[] vector, List<float[]> examples) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (var example : examples) {
            double similarity = Vectors.dot(vector, example);
            if (similarity > first) {
                second = first;
                first = similarity;
            } else if (similarity > second) {
                second = similarity;
            }
        }
        if (first == Double.NEGATIVE_INFINITY) {
            return first;
        }
        return second == Double.NEGATIVE_INFINITY ? first : (first + second) / 2;
    }
}
