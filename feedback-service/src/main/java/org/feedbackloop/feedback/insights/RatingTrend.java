package org.feedbackloop.feedback.insights;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.feedback.domain.RatingScale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** NPS or CSAT week by week over a period, and over the whole period. */
@Schema(name = "RatingTrend")
public record RatingTrend(
        @Schema(examples = "NPS", type = SchemaType.STRING, implementation = RatingScale.class) String scale,
        Instant from,
        Instant to,
        @Schema(description = "Every week (Monday to Sunday, UTC) that the period touches, oldest first, empty ones included")
        List<Week> weeks,
        @Schema(description = "All the period's ratings") RatingScore total) {

    @Schema(name = "RatingWeek")
    public record Week(
            @Schema(description = "The week's Monday (UTC)") LocalDate weekStart,
            @Schema(description = "The period covers only part of this week") boolean partial,
            RatingScore rating) {
    }
}
