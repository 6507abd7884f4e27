package org.feedbackloop.gateway.web.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn by the server as SVG (no script, no library): one row per category, one bar per
 * series. Each bar carries its number as text and each series its own fill pattern, so the chart never relies on
 * colour alone; the template adds a title, a description and the same numbers as a table.
 */
public record BarChart(String id, String title, String description, List<Series> series, List<Row> rows,
                       int width, int height, List<Tick> ticks) {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 140;
    static final int VALUE_ROOM = 48;
    static final int BAR_HEIGHT = 18;
    static final int BAR_GAP = 4;
    static final int ROW_GAP = 14;
    static final int TOP = 8;
    static final int AXIS_ROOM = 24;

    /** A series of values; {@code style} names its CSS class (fill and pattern). */
    public record Series(String name, String style) {
    }

    /** One category with one value per series, and the geometry of its bars. */
    public record Row(String label, List<Long> values, double labelY, List<Bar> bars) {
    }

    public record Bar(double x, double y, double width, double height, long value, String style, String seriesName,
                      double textX, double textY) {

        public String widthText() {
            return format(width);
        }

        public String xText() {
            return format(x);
        }

        public String yText() {
            return format(y);
        }

        public String textXText() {
            return format(textX);
        }

        public String textYText() {
            return format(textY);
        }
    }

    /** A grid line with its value. */
    public record Tick(long value, double x) {

        public String xText() {
            return format(x);
        }
    }

    /** A row of input: a category and one value per series. */
    public record Entry(String label, List<Long> values) {
    }

    public static BarChart of(String id, String title, String description, List<Series> series, List<Entry> entries) {
        long max = Math.max(1, entries.stream().flatMap(e -> e.values().stream()).mapToLong(Long::longValue).max().orElse(1));
        long top = niceCeiling(max);
        double plotWidth = WIDTH - LABEL_WIDTH - VALUE_ROOM;
        int rowHeight = series.size() * BAR_HEIGHT + (series.size() - 1) * BAR_GAP;
        var rows = new ArrayList<Row>();
        double y = TOP;
        for (var entry : entries) {
            var bars = new ArrayList<Bar>();
            for (int s = 0; s < series.size(); s++) {
                long value = s < entry.values().size() ? entry.values().get(s) : 0;
                double barY = y + s * (BAR_HEIGHT + BAR_GAP);
                double barWidth = value == 0 ? 0 : Math.max(2, plotWidth * value / top);
                bars.add(new Bar(LABEL_WIDTH, barY, barWidth, BAR_HEIGHT, value, series.get(s).style(),
                        series.get(s).name(), LABEL_WIDTH + barWidth + 6, barY + BAR_HEIGHT * 0.75));
            }
            rows.add(new Row(entry.label(), entry.values(), y + rowHeight / 2.0 + 5, bars));
            y += rowHeight + ROW_GAP;
        }
        var ticks = new ArrayList<Tick>();
        long divisions = divisions(top);
        for (long i = 0; i <= divisions; i++) {
            long value = top * i / divisions;
            ticks.add(new Tick(value, LABEL_WIDTH + plotWidth * value / top));
        }
        int height = (int) Math.ceil(y - ROW_GAP + AXIS_ROOM) + TOP;
        return new BarChart(id, title, description, List.copyOf(series), List.copyOf(rows), WIDTH, height, List.copyOf(ticks));
    }

    /** Where the category labels end (right-aligned before the bars). */
    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    /** Where the axis' labels sit. */
    public int axisY() {
        return height - 6;
    }

    public int plotBottom() {
        return height - AXIS_ROOM;
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    /** The smallest of 1, 2, 4, 5, 6, 8 times a power of ten at or above {@code value}: the axis' end. */
    static long niceCeiling(long value) {
        long magnitude = 1;
        while (magnitude * 10 < value) {
            magnitude *= 10;
        }
        for (long step : new long[]{1, 2, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Into how many parts the axis is cut: grid lines every 1, 2 or 5 times a power of ten. */
    static long divisions(long top) {
        for (long parts : new long[]{5, 4, 6, 8, 2, 3, 1}) {
            if (top % parts == 0) {
                long step = top / parts;
                while (step % 10 == 0) {
                    step /= 10;
                }
                if (step == 1 || step == 2 || step == 5) {
                    return parts;
                }
            }
        }
        return 1;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
