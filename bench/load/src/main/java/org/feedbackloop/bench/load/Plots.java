package org.feedbackloop.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a burst's time series as SVG line charts (each series with its own dash pattern as well as its colour, and
 * the numbers in the CSV files beside them): items submitted, acknowledged and told "now tracked" per second; the
 * lag of acknowledgement and "now tracked" by the second an item was created; the messages waiting in each queue
 * and outbox.
 * <p>
 * Usage: {@code Plots <samples.csv> <lag.csv> <output directory>} (the files that bench/loop-burst.sh writes).
 */
public final class Plots {

    private static final String[] COLOURS = {"#1b6ca8", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#2c3e50", "#7f8c8d", "#b7950b"};
    private static final String[] DASHES = {"", "8 4", "2 3", "12 4 2 4", "4 4", "1 2", "16 4", "6 2 2 2"};
    static final int WIDTH = 900;
    static final int HEIGHT = 360;
    private static final int LEFT = 64;
    private static final int RIGHT = 340;
    private static final int TOP = 40;
    private static final int BOTTOM = 48;

    record Series(String name, List<double[]> points) {
    }

    private Plots() {
    }

    public static void main(String[] args) throws IOException {
        var samples = Csv.read(Path.of(args[0]));
        var lag = Csv.read(Path.of(args[1]));
        var out = Path.of(args[2]);
        Files.createDirectories(out);
        var time = samples.column("seconds");
        Files.writeString(out.resolve("throughput.svg"), chart("Items per second during the burst",
                "seconds since the burst started", "items per second",
                List.of(rate("submitted", time, samples.column("submitted")),
                        rate("acknowledged by e-mail", time, samples.column("acknowledged")),
                        rate("told \"now tracked\" by e-mail", time, samples.column("tracked")))));
        var created = lag.column("second");
        Files.writeString(out.resolve("lag.svg"), chart("Lag after an item was created",
                "second in which the item was created", "seconds",
                List.of(series("acknowledgement, median", created, lag.column("ack_p50")),
                        series("acknowledgement, slowest", created, lag.column("ack_max")),
                        series("\"now tracked\", median", created, lag.column("tracked_p50")),
                        series("\"now tracked\", slowest", created, lag.column("tracked_max")))));
        var depths = new ArrayList<Series>();
        for (var name : samples.names()) {
            if (name.startsWith("queue ") || name.startsWith("outbox ")) {
                depths.add(series(name, time, samples.column(name)));
            }
        }
        Files.writeString(out.resolve("queues.svg"), chart("Messages waiting", "seconds since the burst started",
                "messages ready (queues) or unpublished (outboxes)", depths));
    }

    static Series series(String name, double[] x, double[] y) {
        var points = new ArrayList<double[]>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                points.add(new double[]{x[i], y[i]});
            }
        }
        return new Series(name, points);
    }

    /** Per-second rate of a cumulative count, over 2-second steps (a 1 s sample jitters by a sample's own cost). */
    private static Series rate(String name, double[] time, double[] cumulative) {
        var points = new ArrayList<double[]>();
        for (int i = 2; i < time.length; i += 2) {
            points.add(new double[]{time[i], (cumulative[i] - cumulative[i - 2]) / (time[i] - time[i - 2])});
        }
        return new Series(name, points);
    }

    static String chart(String title, String xLabel, String yLabel, List<Series> series) {
        double maxX = 1;
        double maxY = 1;
        for (var one : series) {
            for (var point : one.points()) {
                maxX = Math.max(maxX, point[0]);
                maxY = Math.max(maxY, point[1]);
            }
        }
        maxY = niceCeiling(maxY);
        maxX = niceCeiling(maxX);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        var svg = new StringBuilder();
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"t\" font-family=\"sans-serif\" font-size=\"12\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title id=\"t\">").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(format("<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", LEFT, escape(title)));
        for (int i = 0; i <= 5; i++) {
            double y = TOP + plotHeight - plotHeight * i / 5;
            double x = LEFT + plotWidth * i / 5;
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, y, LEFT + plotWidth, y));
            svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 6, y + 4, number(maxY * i / 5)));
            svg.append(format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", x, TOP + plotHeight + 16, number(maxX * i / 5)));
        }
        svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>\n", LEFT, TOP, LEFT, TOP + plotHeight));
        svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n", LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight));
        svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + plotWidth / 2, HEIGHT - 10, escape(xLabel)));
        svg.append(format("<text transform=\"translate(16 %.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>\n", TOP + plotHeight / 2, escape(yLabel)));
        for (int s = 0; s < series.size(); s++) {
            var one = series.get(s);
            var path = new StringBuilder();
            for (var point : one.points()) {
                path.append(path.isEmpty() ? "M" : " L").append(format("%.1f %.1f",
                        LEFT + plotWidth * point[0] / maxX, TOP + plotHeight - plotHeight * point[1] / maxY));
            }
            var colour = COLOURS[s % COLOURS.length];
            var dash = DASHES[s % DASHES.length];
            svg.append(format("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s><title>%s</title></path>\n", path,
                    colour, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"", escape(one.name())));
            double legendY = TOP + 10 + s * 20;
            svg.append(format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                    LEFT + plotWidth + 12, legendY, LEFT + plotWidth + 40, legendY, colour,
                    dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
            svg.append(format("<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", LEFT + plotWidth + 46, legendY + 4, escape(one.name())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : format("%.1f", value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** A CSV file of numbers with a header line; a blank cell is NaN. */
    record Csv(List<String> names, List<double[]> rows) {
        static Csv read(Path file) throws IOException {
            var lines = Files.readAllLines(file);
            var names = List.of(lines.getFirst().split(","));
            var rows = new ArrayList<double[]>();
            for (var line : lines.subList(1, lines.size())) {
                var cells = line.split(",", -1);
                var row = new double[names.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = i < cells.length && !cells[i].isBlank() ? Double.parseDouble(cells[i]) : Double.NaN;
                }
                rows.add(row);
            }
            return new Csv(names, rows);
        }

        double[] column(String name) {
            int index = names.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + names);
            }
            return rows.stream().mapToDouble(row -> row[index]).toArray();
        }
    }
}
