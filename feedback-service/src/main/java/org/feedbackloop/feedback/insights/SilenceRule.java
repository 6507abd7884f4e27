package org.feedbackloop.feedback.insights;

/**
 * When a segment of feedback has gone quiet: over the last 7 days it had so few items that, at the rate of its
 * trailing 8 weeks, so few or fewer would happen by chance less than once in a hundred (a one-sided Poisson test).
 * A segment expected to have fewer than 5 items a week is never called quiet: at such rates a quiet week is common.
 */
public final class SilenceRule {

    public static final int BASELINE_WEEKS = 8;
    public static final double MIN_EXPECTED = 5;
    public static final double ALPHA = 0.01;

    private SilenceRule() {
    }

    /** The expected count of 7 days from the count of the trailing {@link #BASELINE_WEEKS} weeks. */
    public static double expected(long baseline) {
        return baseline / (double) BASELINE_WEEKS;
    }

    public static boolean isQuiet(long observed, double expected) {
        return expected >= MIN_EXPECTED && poissonAtMost(observed, expected) < ALPHA;
    }

    /** P(X ≤ k) for X ~ Poisson(mean), summed in log space so that large means do not underflow term by term. */
    public static double poissonAtMost(long k, double mean) {
        if (mean <= 0) {
            return 1;
        }
        double logTerm = -mean;
        double sum = Math.exp(logTerm);
        double logMean = Math.log(mean);
        for (long i = 1; i <= k; i++) {
            logTerm += logMean - Math.log(i);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }
}
