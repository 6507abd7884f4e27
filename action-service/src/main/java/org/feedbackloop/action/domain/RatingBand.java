package org.feedbackloop.action.domain;

/**
 * Where a rating stands on its scale: detractor (NPS 0–6, CSAT 1–2), passive (NPS 7–8, CSAT 3) or promoter (NPS
 * 9–10, CSAT 4–5: on CSAT, a satisfied customer); {@link #NONE} without a rating or on a scale not known here.
 */
public enum RatingBand {
    DETRACTOR, PASSIVE, PROMOTER, NONE;

    /**
     * The lowest and the highest score of the scales feedback-service accepts (NPS 0–10, CSAT 1–5), as the OpenAPI
     * document takes bounds: as text.
     */
    public static final String LOWEST_SCORE = "0";
    public static final String HIGHEST_SCORE = "10";

    public static RatingBand of(String scale, Integer score) {
        if (scale == null || score == null) {
            return NONE;
        }
        return switch (scale) {
            case "NPS" -> score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
            case "CSAT" -> score <= 2 ? DETRACTOR : score == 3 ? PASSIVE : PROMOTER;
            default -> NONE;
        };
    }
}
