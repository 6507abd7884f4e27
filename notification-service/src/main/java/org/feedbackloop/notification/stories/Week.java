package org.feedbackloop.notification.stories;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** An ISO week in UTC: from Monday 00:00 (inclusive) to the next Monday 00:00 (exclusive). */
public record Week(Instant start, Instant end) {

    private static final Duration LENGTH = Duration.ofDays(7);

    /** The week that {@code day} falls in. */
    public static Week of(LocalDate day) {
        var start = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Week(start, start.plus(LENGTH));
    }

    /** The last week that is over at {@code now}: the one before the week {@code now} is in. */
    public static Week lastCompleteAt(Instant now) {
        return of(now.atZone(ZoneOffset.UTC).toLocalDate().minusWeeks(1));
    }

    public LocalDate firstDay() {
        return start.atZone(ZoneOffset.UTC).toLocalDate();
    }

    public LocalDate lastDay() {
        return end.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }
}
