package org.feedbackloop.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Judges a soak from the samples of {@link SoakSampler}: does anything grow without bound? The load lasts from the
 * first sample with an item submitted to the first with all of them; its samples are cut into thirds, and a series
 * grows when the median of the last third is more than 10% and more than a floor above the median of the middle third
 * (floors: 8 MiB of memory, 5 threads, 10 file descriptors, 5 connections or channels, 100 messages). Database and
 * table sizes grow with the data by design: for them the figure is MiB per 1,000 items submitted, over each third, and
 * one grows when the last third's is more than 10% above the middle third's and what it added beyond that rate is
 * more than 5% of the size (at least 1 MiB); the tables judged are the five largest at the end of the load. Prints a
 * table of every series (start, median of the middle third, median of the last third, the most, verdict) and draws,
 * over the load and what followed it, one SVG file for each family: {@code memory.svg}, {@code threads.svg},
 * {@code connections.svg}, {@code queues.svg}, {@code sizes.svg}.
 * <p>
 * Usage: {@code SoakReport <samples.csv> <output directory>}; exits with 0 when nothing grows, 1 otherwise (or when
 * the load left too few samples to judge).
 */
public final class SoakReport {

    private SoakReport() {
    }

    public static void main(String[] args) throws IOException {
        var samples = Plots.Csv.read(Path.of(args[0]));
        var out = Path.of(args[1]);
        Files.createDirectories(out);
        var submitted = samples.column("submitted");
        int from = 0;
        while (from < submitted.length && !(submitted[from] > 0)) {
            from++;
        }
        double all = Arrays.stream(submitted).filter(value -> !Double.isNaN(value)).max().orElse(0);
        int to = from;
        while (to < submitted.length - 1 && !(submitted[to] >= all)) {
            to++;
        }
        System.out.printf(Locale.ROOT, "items submitted: %.0f; e-mails sent: %.0f (2 an item: %.0f); %d samples, %d under load%n",
                all, last(samples.column("emails sent")), 2 * all, submitted.length, Math.max(0, to - from + 1));
        if (to - from + 1 < 9) {
            System.out.println("too few samples under load to judge (9 at least: 3 a third)");
            System.exit(1);
        }
        var window = new Window(samples, from, to);
        draw(samples, from, out);

        var rows = new ArrayList<Row>();
        for (var name : samples.names()) {
            var floor = floor(name);
            if (floor > 0) {
                rows.add(window.judge(name, floor));
            }
        }
        var sizes = new ArrayList<>(samples.names().stream().filter(name -> name.startsWith("db MiB ")).toList());
        sizes.addAll(largestTables(samples, to));
        var perItem = sizes.stream().map(window::judgeSize).toList();
        int width = Stream.concat(rows.stream(), perItem.stream()).mapToInt(row -> row.name().length()).max().orElse(10);
        var format = "%-" + width + "s %10s %10s %10s %10s  %s%n";
        System.out.printf(Locale.ROOT, format, "series", "start", "middle", "last", "max",
                "verdict (middle, last: medians of the thirds of the load)");
        rows.forEach(row -> row.print(format));
        System.out.println("sizes, MiB per 1,000 items submitted over each third (start: the first third):");
        perItem.forEach(row -> row.print(format));
        long grows = Stream.concat(rows.stream(), perItem.stream()).filter(Row::grows).count();
        System.out.println(grows == 0 ? "nothing grows" : grows + (grows == 1 ? " series grows" : " series grow"));
        System.exit(grows == 0 ? 0 : 1);
    }

    /** A line of the table. */
    private record Row(String name, double start, double middle, double last, double max, String verdict, boolean grows) {

        void print(String format) {
            System.out.printf(Locale.ROOT, format, name, number(start), number(middle), number(last), number(max), verdict);
        }
    }

    /** The floor under which a series does not grow, or 0 for one that is not judged this way. */
    private static double floor(String name) {
        if (name.startsWith("rss MiB ") || name.startsWith("heap MiB ") || name.startsWith("heap after GC MiB ")) {
            return 8;
        }
        if (name.startsWith("threads ")) {
            return 5;
        }
        if (name.startsWith("fds ")) {
            return 10;
        }
        if (name.startsWith("pg connections ") || name.startsWith("rabbitmq ")) {
            return 5;
        }
        if (name.startsWith("queue ") || name.startsWith("outbox ")) {
            return 100;
        }
        return 0;
    }

    private static List<String> largestTables(Plots.Csv samples, int end) {
        return samples.names().stream().filter(name -> name.startsWith("table MiB "))
                .filter(name -> !Double.isNaN(samples.column(name)[end]))
                .sorted(Comparator.comparingDouble((String name) -> samples.column(name)[end]).reversed())
                .limit(5).toList();
    }

    /** The samples under load, cut into thirds: [from, a), [a, b), [b, to]. */
    private record Window(Plots.Csv samples, int from, int to) {

        int size() {
            return to - from + 1;
        }

        private int a() {
            return from + size() / 3;
        }

        private int b() {
            return from + 2 * size() / 3;
        }

        Row judge(String name, double floor) {
            var values = samples.column(name);
            double start = first(values, from, to);
            double middle = median(values, a(), b());
            double last = median(values, b(), to + 1);
            double max = Arrays.stream(values, from, to + 1).filter(value -> !Double.isNaN(value)).max().orElse(Double.NaN);
            String verdict;
            boolean grows = false;
            if (Double.isNaN(middle) || Double.isNaN(last)) {
                verdict = "no data";
            } else {
                grows = last - middle > Math.max(0.10 * Math.abs(middle), floor);
                verdict = grows ? "GROWS" : "ok";
            }
            return new Row(name, start, middle, last, max, verdict, grows);
        }

        Row judgeSize(String name) {
            var sizes = samples.column(name);
            var items = samples.column("submitted");
            double first = perThousand(sizes, items, from, a());
            double middle = perThousand(sizes, items, a(), b());
            double last = perThousand(sizes, items, b(), to);
            String label = "MiB per 1,000 items, " + (name.startsWith("db MiB ") ? "database " + name.substring(7)
                    : "table " + name.substring(10));
            String verdict;
            boolean grows = false;
            if (Double.isNaN(middle) || Double.isNaN(last)) {
                verdict = "no data";
            } else {
                double added = (last - middle) * (items[to] - items[b()]) / 1000;
                grows = last - middle > 0.10 * Math.abs(middle) && added > Math.max(0.05 * sizes[b()], 1);
                verdict = grows ? "GROWS" : "ok";
            }
            return new Row(label, first, middle, last, Double.NaN, String.format(Locale.ROOT, "%s (%.1f MiB, then %.1f MiB)",
                    verdict, sizes[from], sizes[to]), grows);
        }

        private static double perThousand(double[] sizes, double[] items, int i, int j) {
            double added = items[j] - items[i];
            return added > 0 ? (sizes[j] - sizes[i]) / added * 1000 : Double.NaN;
        }
    }

    private static double first(double[] values, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    private static double last(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    private static double median(double[] values, int from, int to) {
        var known = Arrays.stream(values, from, to).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (known.length == 0) {
            return Double.NaN;
        }
        int half = known.length / 2;
        return known.length % 2 == 1 ? known[half] : (known[half - 1] + known[half]) / 2;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, Math.abs(value) >= 1 ? "%.1f" : "%.3f", value);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Plots: over the load and what followed it, minutes since the load began

    private static void draw(Plots.Csv samples, int from, Path out) throws IOException {
        var epoch = samples.column("epoch");
        var minutes = new double[epoch.length - from];
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = (epoch[from + i] - epoch[from]) / 60;
        }
        var plot = new Family(samples, from, minutes);
        var x = "minutes since the load began";
        Files.writeString(out.resolve("memory.svg"), panels("Memory of each service", List.of(
                Plots.chart("Resident memory", x, "MiB", plot.family("rss MiB ", "")),
                Plots.chart("Heap used (all pools)", x, "MiB", plot.family("heap MiB ", "")),
                Plots.chart("Heap after GC (old generation after the last full collection)", x, "MiB",
                        plot.family("heap after GC MiB ", "")))));
        Files.writeString(out.resolve("threads.svg"), panels("Threads and open files of each service", List.of(
                Plots.chart("Threads", x, "threads", plot.family("threads ", "")),
                Plots.chart("Open file descriptors", x, "file descriptors", plot.family("fds ", "")))));
        var connections = new ArrayList<>(plot.family("pg connections ", "PostgreSQL, "));
        connections.addAll(plot.family("rabbitmq ", "RabbitMQ "));
        Files.writeString(out.resolve("connections.svg"),
                Plots.chart("Open connections (the suite's clients of PostgreSQL and RabbitMQ)", x, "connections or channels",
                        connections));
        var waiting = new ArrayList<>(plot.family("queue ", ""));
        waiting.addAll(plot.family("outbox ", "outbox "));
        Files.writeString(out.resolve("queues.svg"), Plots.chart("Messages waiting", x,
                "ready (queues) or unpublished (outboxes)", waiting));
        var tables = largestTables(samples, epoch.length - 1).stream().map(name -> plot.one(name, "table MiB ", "")).toList();
        Files.writeString(out.resolve("sizes.svg"), panels("Database sizes (tables, indexes, TOAST)", List.of(
                Plots.chart("Each database", x, "MiB", plot.family("db MiB ", "")),
                Plots.chart("The five largest tables", x, "MiB", tables))));
    }

    /** Series to plot: the samples from {@code from} on, against {@code x}. */
    private record Family(Plots.Csv samples, int from, double[] x) {

        /** The columns whose names start with {@code prefix}, each named by the rest of its name after {@code label}. */
        List<Plots.Series> family(String prefix, String label) {
            return samples.names().stream().filter(name -> name.startsWith(prefix)).map(name -> one(name, prefix, label)).toList();
        }

        Plots.Series one(String name, String prefix, String label) {
            var column = samples.column(name);
            return Plots.series(label + name.substring(prefix.length()), x, Arrays.copyOfRange(column, from, column.length));
        }
    }

    /** Charts one under another in one SVG file. */
    private static String panels(String title, List<String> charts) {
        int height = Plots.HEIGHT * charts.size();
        var svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"all\">\n"
                        + "<title id=\"all\">%s</title>\n", Plots.WIDTH, height, Plots.WIDTH, height, title));
        for (int i = 0; i < charts.size(); i++) {
            // each chart names its title "t": one id per chart in this file
            svg.append(String.format(Locale.ROOT, "<g transform=\"translate(0 %d)\">\n", i * Plots.HEIGHT))
                    .append(charts.get(i).replace("\"t\"", "\"t" + i + "\"")).append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }
}
