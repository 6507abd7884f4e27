package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.feedback.domain.RatingScale;

/**
 * The score of some ratings with its 95% confidence interval. NPS: promoters (9–10) minus detractors (0–6), in
 * points from -100 to 100, with the normal interval of a difference of two shares of one sample. CSAT: the share
 * of satisfied answers (4–5) in percent, with the Wilson interval.
 */
@Schema(name = "RatingScore")
public record RatingScore(
        @Schema(description = "Ratings counted",
                minimum = Counts.MIN, maximum = Counts.LONG_MAX) long responses,
        @Schema(description = "Promoters (NPS 9–10) or satisfied (CSAT 4–5)",
                minimum = Counts.MIN, maximum = Counts.LONG_MAX) long positive,
        @Schema(description = "Passives (NPS 7–8) or neutral (CSAT 3)",
                minimum = Counts.MIN, maximum = Counts.LONG_MAX) long neutral,
        @Schema(description = "Detractors (NPS 0–6) or dissatisfied (CSAT 1–2)",
                minimum = Counts.MIN, maximum = Counts.LONG_MAX) long negative,
        @Schema(description = "NPS: % promoters − % detractors (-100 to 100); CSAT: % satisfied (0 to 100); null without ratings",
                nullable = true, minimum = "-100", maximum = "100")
        Double score,
        @Schema(description = "Lower end of the 95% confidence interval; null without ratings", nullable = true,
                minimum = "-100", maximum = "100") Double low,
        @Schema(description = "Upper end of the 95% confidence interval; null without ratings", nullable = true,
                minimum = "-100", maximum = "100") Double high,
        @Schema(description = "Fewer than " + RatingScore.SMALL_SAMPLE + " ratings: the score says little") boolean smallSample) {

    /** Below this many ratings a score is flagged: its interval is wide and the normal approximation is rough. */
    public static final int SMALL_SAMPLE = 30;
    private static final double Z95 = 1.959964;

    /** The first score a rating on {@code scale} counts as positive, and the last it counts as negative. */
    static int positiveFrom(RatingScale scale) {
        return scale == RatingScale.NPS ? 9 : 4;
    }

    static int negativeUpTo(RatingScale scale) {
        return scale == RatingScale.NPS ? 6 : 2;
    }

    public static RatingScore of(RatingScale scale, long responses, long positive, long negative) {
        long neutral = responses - positive - negative;
        if (responses == 0) {
            return new RatingScore(0, 0, 0, 0, null, null, null, true);
        }
        double n = responses;
        double p = positive / n;
        double score;
        double low;
        double high;
        if (scale == RatingScale.NPS) {
            double d = negative / n;
            double spread = Z95 * Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / n);
            score = 100 * (p - d);
            low = Math.max(-100, 100 * (p - d - spread));
            high = Math.min(100, 100 * (p - d + spread));
        } else {
            double z2 = Z95 * Z95;
            double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
            score = 100 * p;
            low = 100 * Math.max(0, centre - half);
            high = 100 * Math.min(1, centre + half);
        }
        return new RatingScore(responses, positive, neutral, negative, round(score), round(low), round(high),
                responses < SMALL_SAMPLE);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
