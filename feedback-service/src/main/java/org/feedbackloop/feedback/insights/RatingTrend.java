package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.feedback.domain.RatingScale;
import org.feedbackloop.kit.http.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** NPS or CSAT week by week over a period, and over the whole period. */
@Schema(name = "RatingTrend")
public record RatingTrend(
        @Schema(examples = "NPS", type = SchemaType.STRING, implementation = RatingScale.class) String scale,
        Instant from,
        Instant to,
        @Schema(description = "Every week (Monday to Sunday, UTC) that the period touches, oldest first, empty ones included",
                maxItems = RatingTrend.MOST_WEEKS)
        List<Week> weeks,
        @Schema(description = "All the period's ratings") RatingScore total) {

    /**
     * The most weeks a trend lists: its period is at most {@link Period#LONGEST}, 366 days, which touch at most 367
     * dates, and those lie in at most 54 weeks.
     */
    public static final int MOST_WEEKS = 54;

    static {
        long dates = Period.LONGEST.toDays() + 1;
        if ((dates + 5) / 7 + 1 > MOST_WEEKS) {
            throw new ExceptionInInitializerError("A period of Period.LONGEST touches more than " + MOST_WEEKS + " weeks");
        }
    }

    @Schema(name = "RatingWeek")
    public record Week(
            @Schema(description = "The week's Monday (UTC)") LocalDate weekStart,
            @Schema(description = "The period covers only part of this week") boolean partial,
            RatingScore rating) {
    }
}
