package org.feedbackloop.bench.load;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A flame graph of a JFR recording's execution samples, as a self-contained SVG: each box a frame, as wide as the share
 * of samples it was on the stack in, its callers below it; hover a box for its name and share. Frames are named by
 * class and method (lambdas and generated classes keep their names). The widest stacks of a reactive service are
 * the framework's: the boxes say which part of it a sample was in.
 * Usage: {@code FlameGraph <recording.jfr> <out.svg> <title>}
 */
public final class FlameGraph {

    private static final int WIDTH = 1600;
    private static final int ROW = 16;
    private static final double MIN_SHARE = 0.005; // narrower boxes are left out (and their callees with them)

    /** One frame of the merged stacks: its samples, and its callees by name. */
    private static final class Node {
        final String name;
        long samples;
        final Map<String, Node> callees = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node callee(String name) {
            return callees.computeIfAbsent(name, Node::new);
        }

        int depth() {
            return 1 + callees.values().stream().mapToInt(Node::depth).max().orElse(0);
        }
    }

    private FlameGraph() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FlameGraph <recording.jfr> <out.svg> <title>");
        }
        var root = new Node("all");
        for (var event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            var frames = new ArrayList<>(event.getStackTrace().getFrames());
            root.samples++;
            // a stack deeper than the recording keeps lost its outermost callers: such stacks stand apart
            var node = event.getStackTrace().isTruncated() ? root.callee("(callers cut off at the recording's stack depth)") : root;
            if (node != root) {
                node.samples++;
            }
            for (int i = frames.size() - 1; i >= 0; i--) { // the outermost caller first
                node = node.callee(name(frames.get(i)));
                node.samples++;
            }
        }
        Files.writeString(Path.of(args[1]), svg(root, args[2]));
        System.out.printf("%s: %d samples -> %s%n", args[0], root.samples, args[1]);
    }

    private static String name(RecordedFrame frame) {
        var type = frame.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return type.substring(dot + 1) + "." + frame.getMethod().getName() + " (" + (dot < 0 ? "" : type.substring(0, dot)) + ")";
    }

    private static String svg(Node root, String title) {
        int depth = Math.min(root.depth(), 200);
        int height = (depth + 2) * ROW + 40;
        var out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" font-family=\"monospace\" font-size=\"11\" role=\"img\">\n");
        out.append("<title>").append(escape(title)).append("</title>\n");
        out.append("<text x=\"4\" y=\"16\" font-size=\"14\">").append(escape(title)).append(" (")
                .append(root.samples).append(" samples; the caller below, the callee above)</text>\n");
        var boxes = new ArrayList<String>();
        draw(root, root.samples, 0, height - ROW - 4, boxes);
        boxes.forEach(out::append);
        out.append("</svg>\n");
        return out.toString();
    }

    private static void draw(Node node, long total, double x, int y, List<String> boxes) {
        double width = (double) node.samples / total * WIDTH;
        var share = 100.0 * node.samples / total;
        var label = node.name + " " + String.format(Locale.ROOT, "%.1f%%", share);
        boxes.add(String.format(Locale.ROOT,
                "<g><title>%s</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"white\" stroke-width=\"0.5\"/>",
                escape(label), x, y, width, ROW - 1, colour(node.name)));
        int fits = (int) (width / 6.6) - 1;
        if (fits >= 4) {
            var text = label.length() <= fits ? label : label.substring(0, fits - 2) + "..";
            boxes.add(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 2, y + ROW - 4, escape(text)));
        }
        boxes.add("</g>\n");
        double childX = x;
        for (var callee : node.callees.values()) {
            if ((double) callee.samples / total >= MIN_SHARE && y - ROW > 20) {
                draw(callee, total, childX, y - ROW, boxes);
            }
            childX += (double) callee.samples / total * WIDTH;
        }
    }

    /** Warm colours, a hue per package family, so the same part of the stack reads alike everywhere. */
    private static String colour(String name) {
        var pkg = name.substring(name.indexOf('(') + 1);
        var family = pkg.startsWith("org.feedbackloop") ? 0 : pkg.startsWith("org.hibernate") ? 1
                : pkg.startsWith("io.vertx") || pkg.startsWith("io.netty") ? 2 : pkg.startsWith("io.smallrye") ? 3
                : pkg.startsWith("java.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.") ? 4 : 5;
        String[] colours = {"#3b8c3b", "#d9822b", "#c95f5f", "#d4a72c", "#b07a5a", "#c9a07a"};
        return colours[family];
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
