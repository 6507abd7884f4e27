package org.feedbackloop.gateway.web.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A line chart drawn by the server as SVG: one point per period with its value written beside it, its confidence
 * interval as a shaded band, and a break in the line where a period has no value. A point of a small sample is
 * drawn hollow, so the chart never relies on colour; the template adds a title, a description and the table.
 */
public record LineChart(String id, String title, String description, List<Point> points, List<Segment> segments,
                        List<Tick> ticks, int width, int height) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 24;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    /** A period's value (null: no data), with its interval and sample size. */
    public record Entry(String label, Double value, Double low, Double high, long count, boolean smallSample) {
    }

    /** An entry placed on the plot; {@code labelShown} thins the axis' labels when there are many periods. */
    public record Point(Entry entry, double x, double y, boolean labelShown) {

        public boolean hasValue() {
            return entry.value() != null;
        }

        public String xText() {
            return format(x);
        }

        public String yText() {
            return format(y);
        }

        public String valueYText() {
            return format(y - 9);
        }

        /** The period's label without its year ("03-07" for "2026-03-07"). */
        public String axisLabel() {
            var label = entry.label();
            return label.length() == 10 ? label.substring(5) : label;
        }

        public String valueText() {
            return entry.value() == null ? "no data" : format(entry.value());
        }
    }

    /** A run of periods with values: the line through them and the band of their intervals. */
    public record Segment(String line, String band) {
    }

    /** A horizontal grid line with its value. */
    public record Tick(long value, double y) {

        public String yText() {
            return format(y);
        }

        public String labelYText() {
            return format(y + 4);
        }
    }

    public static LineChart of(String id, String title, String description, double min, double max, long step,
                               List<Entry> entries) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double stepX = entries.size() > 1 ? plotWidth / (entries.size() - 1) : 0;
        int labelEvery = Math.max(1, (int) Math.ceil(entries.size() / 13.0));
        var points = new ArrayList<Point>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            double x = entries.size() > 1 ? LEFT + i * stepX : LEFT + plotWidth / 2;
            double y = entry.value() == null ? TOP + plotHeight : yOf(entry.value(), min, max, plotHeight);
            points.add(new Point(entry, x, y, i % labelEvery == 0 || i == entries.size() - 1));
        }
        var segments = new ArrayList<Segment>();
        var run = new ArrayList<Point>();
        for (var point : points) {
            if (point.hasValue()) {
                run.add(point);
            } else {
                segment(run, min, max, plotHeight).ifPresent(segments::add);
                run = new ArrayList<>();
            }
        }
        segment(run, min, max, plotHeight).ifPresent(segments::add);
        var ticks = new ArrayList<Tick>();
        for (long value = (long) min; value <= max; value += step) {
            ticks.add(new Tick(value, yOf(value, min, max, plotHeight)));
        }
        return new LineChart(id, title, description, List.copyOf(points), List.copyOf(segments), List.copyOf(ticks),
                WIDTH, HEIGHT);
    }

    private static Optional<Segment> segment(List<Point> run, double min, double max, double plotHeight) {
        if (run.isEmpty()) {
            return Optional.empty();
        }
        var line = new StringBuilder();
        var upper = new StringBuilder();
        var lower = new ArrayList<String>();
        for (var point : run) {
            line.append(line.isEmpty() ? "M" : " L").append(point.xText()).append(' ').append(point.yText());
            var entry = point.entry();
            double high = entry.high() == null ? entry.value() : entry.high();
            double low = entry.low() == null ? entry.value() : entry.low();
            upper.append(upper.isEmpty() ? "M" : " L").append(point.xText()).append(' ')
                    .append(format(yOf(high, min, max, plotHeight)));
            lower.addFirst(" L" + point.xText() + " " + format(yOf(low, min, max, plotHeight)));
        }
        return Optional.of(new Segment(line.toString(), upper + String.join("", lower) + " Z"));
    }

    private static double yOf(double value, double min, double max, double plotHeight) {
        double clamped = Math.max(min, Math.min(max, value));
        return TOP + (max - clamped) / (max - min) * plotHeight;
    }

    public int labelX() {
        return LEFT - 6;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int axisY() {
        return HEIGHT - BOTTOM + 18;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    public boolean empty() {
        return points.stream().noneMatch(Point::hasValue);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
