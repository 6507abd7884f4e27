package org.feedbackloop.gateway.web.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The insights page's tables as CSV (RFC 4180). A cell that a spreadsheet would read as a formula (=, +, -, @, tab or
 * carriage return first) is written with a leading apostrophe.
 */
final class InsightsCsv {

    /** The tables there are, by the name in their download's path. */
    enum Table { NPS, CSAT, LOOP_BY_TEAM, LOOP_BY_CHANNEL, LOOP_BY_TOPIC, LOOP_BY_SEGMENT, TIME_TO_INFORM, NEVER_TOLD, TEAMS, SILENCE;

        String fileName() {
            return name().toLowerCase().replace('_', '-');
        }

        static Table ofFileName(String name) {
            for (var table : values()) {
                if (table.fileName().equals(name)) {
                    return table;
                }
            }
            return null;
        }
    }

    private InsightsCsv() {
    }

    /** The table's CSV, or null when the part it comes from could not be read. */
    static String of(Table table, InsightsReport.Report report) {
        return switch (table) {
            case NPS -> trend(report.nps().value());
            case CSAT -> trend(report.csat().value());
            case LOOP_BY_TEAM -> groups("team", report.loop().value(), InsightsReport.Loop::byTeam);
            case LOOP_BY_CHANNEL -> groups("channel", report.loop().value(), InsightsReport.Loop::byChannel);
            case LOOP_BY_TOPIC -> groups("topic", report.loop().value(), InsightsReport.Loop::byTopic);
            case LOOP_BY_SEGMENT -> groups("segment", report.loop().value(), InsightsReport.Loop::bySegment);
            case TIME_TO_INFORM -> timeToInform(report);
            case NEVER_TOLD -> neverTold(report.loop().value());
            case TEAMS -> teams(report.outcomes().value());
            case SILENCE -> silence(report.silence().value());
        };
    }

    private static String trend(InsightsReport.Trend trend) {
        if (trend == null) {
            return null;
        }
        var rows = new ArrayList<List<Object>>();
        rows.add(List.of("week_start", "partial_week", "responses", "positive", "neutral", "negative", "score",
                "ci95_low", "ci95_high", "small_sample"));
        for (var week : trend.weeks()) {
            var r = week.rating();
            rows.add(cells(week.weekStart(), week.partial(), r.responses(), r.positive(), r.neutral(), r.negative(),
                    r.score(), r.low(), r.high(), r.smallSample()));
        }
        return write(rows);
    }

    private static String groups(String key, InsightsReport.Loop loop,
                                 Function<InsightsReport.Loop, List<InsightsReport.Group>> groups) {
        if (loop == null) {
            return null;
        }
        var rows = new ArrayList<List<Object>>();
        rows.add(List.of(key, "contributors", "acknowledged", "told_an_update", "told_the_outcome", "close_the_loop_rate"));
        for (var g : groups.apply(loop)) {
            rows.add(cells(g.key(), g.contributors(), g.acknowledged(), g.told(), g.closed(), g.rate()));
        }
        return write(rows);
    }

    private static String timeToInform(InsightsReport.Report report) {
        var loop = report.loop().value();
        var outcomes = report.outcomes().value();
        if (loop == null && outcomes == null) {
            return null;
        }
        var rows = new ArrayList<List<Object>>();
        rows.add(List.of("measure", "count", "median_seconds", "p90_seconds"));
        if (loop != null) {
            rows.add(durations("feedback to acknowledgement", loop.timeToAcknowledge()));
            rows.add(durations("feedback to first update", loop.timeToFirstUpdate()));
            rows.add(durations("feedback to the outcome told", loop.timeToClosure()));
        }
        if (outcomes != null && outcomes.total() != null) {
            rows.add(durations("action opened to closed", outcomes.total().timeToClose()));
        }
        return write(rows);
    }

    private static List<Object> durations(String measure, InsightsReport.Durations d) {
        return d == null ? cells(measure, 0, null, null) : cells(measure, d.count(), d.medianSeconds(), d.p90Seconds());
    }

    private static String neverTold(InsightsReport.Loop loop) {
        if (loop == null) {
            return null;
        }
        var rows = new ArrayList<List<Object>>();
        rows.add(List.of("team", "contributors_waiting", "oldest_received_at", "over_2_days", "over_7_days"));
        for (var w : loop.neverTold()) {
            rows.add(cells(w.team(), w.contributors(), w.oldestReceivedAt(), w.over2Days(), w.over7Days()));
        }
        return write(rows);
    }

    private static String teams(InsightsReport.Outcomes outcomes) {
        if (outcomes == null) {
            return null;
        }
        var rows = new ArrayList<List<Object>>();
        rows.add(List.of("team", "opened", "closed", "closed_late", "open_now", "overdue_now", "overdue_rate",
                "median_seconds_to_close", "feedback_items", "repeats", "kudos_passed"));
        for (var t : outcomes.teams()) {
            rows.add(cells(t.team(), t.opened(), t.closed(), t.closedLate(), t.openNow(), t.overdueNow(),
                    t.overdueRate(), t.timeToClose() == null ? null : t.timeToClose().medianSeconds(), t.feedbackItems(),
                    t.repeats(), t.kudosPassed()));
        }
        return write(rows);
    }

    private static String silence(List<InsightsReport.Flag> flags) {
        if (flags == null) {
            return null;
        }
        var rows = new ArrayList<List<Object>>();
        rows.add(List.of("dimension", "segment", "week", "window_end", "observed", "expected", "p_value"));
        for (var f : flags) {
            rows.add(cells(f.dimension(), f.segment(), f.week(), f.windowEnd(), f.observed(), f.expected(), f.pValue()));
        }
        return write(rows);
    }

    private static List<Object> cells(Object... values) {
        var cells = new ArrayList<Object>();
        for (var value : values) {
            cells.add(value);
        }
        return cells;
    }

    static String write(List<List<Object>> rows) {
        var csv = new StringBuilder();
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(row.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
