package org.feedbackloop.notification.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

/** Moments read by native queries. */
public final class Moments {

    private Moments() {
    }

    /** A timestamptz of a native query, whichever Java type the driver's mapping gives it. */
    public static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case ZonedDateTime time -> time.toInstant();
            case LocalDateTime time -> time.toInstant(ZoneOffset.UTC);
            case Date date -> date.toInstant();
            default -> throw new IllegalStateException("not a moment: " + value.getClass());
        };
    }
}
