package org.feedbackloop.gateway.web.manager;

import java.util.Locale;

/** Durations and shares as a manager reads them. */
final class Spans {

    private Spans() {
    }

    /** "45 s", "12 min", "5.5 h", "3.2 days"; "–" when there is none. */
    static String text(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60.0) + " min";
        }
        if (seconds < 2 * 86400) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
        }
        return String.format(Locale.ROOT, "%.1f days", seconds / 86400.0);
    }

    /** "62%" of a share from 0 to 1; "–" when there is none. */
    static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + "%";
    }
}
