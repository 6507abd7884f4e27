package org.feedbackloop.action.similarity;

import java.util.List;

/**
 * The rule by which feedback joins an open action: the open actions of the feedback's team, ranked by the
 * mean similarity of the feedback's problem vector to theirs ({@link OpenActionIndex}); the best joins when it
 * reaches the threshold, otherwise the feedback opens an action of its own.
 */
public final class Grouping {

    /**
     * The default threshold ({@code SIMILARITY_THRESHOLD}): the mean cosine similarity, in the problem space,
     * from which feedback joins an action. Calibrated by {@code bench/understanding} on the calibration
     * paraphrases (the value with the best pairwise F1 over 20 arrival orders), never on the evaluation set.
     */
    public static final double DEFAULT_THRESHOLD = 0.34;
    /** How many candidates triage looks at: the best may have closed since the index last heard of it. */
    public static final int CANDIDATES = 5;

    private final OpenActionIndex index;
    private final double threshold;

    public Grouping(OpenActionIndex index, double threshold) {
        this.index = index;
        this.threshold = threshold;
    }

    /** The open actions of {@code team} that {@code problem} may join, best first. */
    public List<OpenActionIndex.Candidate> candidates(String team, float[] problem) {
        return index.nearest(problem, team, false, null, threshold, CANDIDATES);
    }

    public double threshold() {
        return threshold;
    }

    /** The mean of {@code count} problem vectors whose sum is {@code sum}: what the index keeps of an action. */
    public static float[] mean(float[] sum, int count) {
        if (sum == null || count <= 0) {
            return null;
        }
        var mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = sum[i] / count;
        }
        return mean;
    }
}
