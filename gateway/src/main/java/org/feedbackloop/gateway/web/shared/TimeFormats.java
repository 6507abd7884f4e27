package org.feedbackloop.gateway.web.shared;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write instants: {@code {item.createdAt.dateTime}}, {@code {action.dueAt.relative}}, {@code {x.iso}}. */
@TemplateExtension
public final class TimeFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** For {@code <time datetime>} and date inputs. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public static String isoDate(Instant instant) {
        return instant == null ? "" : ISO_DATE.format(instant);
    }

    public static String relative(Instant instant) {
        return instant == null ? "" : relative(instant, Instant.now());
    }

    /** "in 3 days", "2 hours ago", "just now". */
    static String relative(Instant instant, Instant now) {
        var delta = Duration.between(now, instant);
        boolean future = !delta.isNegative();
        var abs = delta.abs();
        String amount;
        if (abs.toMinutes() < 1) {
            return "just now";
        } else if (abs.toHours() < 1) {
            amount = plural(abs.toMinutes(), "minute");
        } else if (abs.toDays() < 1) {
            amount = plural(abs.toHours(), "hour");
        } else {
            amount = plural(abs.toDays(), "day");
        }
        return future ? "in " + amount : amount + " ago";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
