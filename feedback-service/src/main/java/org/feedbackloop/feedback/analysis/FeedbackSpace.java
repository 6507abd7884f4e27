package org.feedbackloop.feedback.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where customer feedback sits in the model's vector space, learnt once from a reference corpus of feedback
 * ({@code bench/understanding/data}) and shipped as {@code analysis/feedback-space.tsv}.
 *
 * <p>The sentence model places all feedback in one narrow cone: any two complaints look alike (cosine 0.3–0.5)
 * because both are complaints. Seen from the centre of that cone, vectors differ by what the texts are about
 * ({@link #centred}: topics). Removing also the few directions along which feedback varies most (mostly tone
 * and whether it is a complaint at all) leaves what a problem is ({@link #problem}: grouping paraphrases of one
 * problem; its effect on grouping is measured in {@code bench/understanding}).
 *
 * @param mean       the centre of the reference corpus
 * @param directions the reference corpus's principal directions that {@link #problem} removes, unit length
 */
public record FeedbackSpace(float[] mean, List<float[]> directions) {

    /** Names the space of {@link #problem} vectors: such vectors compare only with vectors of the same space. */
    public static final String PROBLEM_SPACE = org.feedbackloop.events.ProblemVector.SPACE;
    static final String RESOURCE = "analysis/feedback-space.tsv";

    public static FeedbackSpace fromClasspath() {
        var stream = FeedbackSpace.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            float[] mean = null;
            var directions = new ArrayList<float[]>();
            for (var line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var fields = line.split("\t");
                var vector = parse(fields[1]);
                switch (fields[0]) {
                    case "mean" -> mean = vector;
                    case "direction" -> directions.add(vector);
                    default -> throw new IllegalStateException(RESOURCE + ": unknown row " + fields[0]);
                }
            }
            if (mean == null) {
                throw new IllegalStateException(RESOURCE + " has no mean");
            }
            return new FeedbackSpace(mean, List.copyOf(directions));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The direction of {@code vector} seen from the centre of feedback, unit length. */
    public float[] centred(float[] vector) {
        var result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = vector[i] - mean[i];
        }
        return Vectors.normalise(result);
    }

    /** {@link #centred} without the main directions along which all feedback varies: what the problem is. */
    public float[] problem(float[] vector) {
        var result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = vector[i] - mean[i];
        }
        for (var direction : directions) {
            Vectors.addScaled(result, direction, -Vectors.dot(result, direction));
        }
        return Vectors.normalise(result);
    }

    public void write(Writer out, String comment) throws IOException {
        out.write("# " + comment + "\n");
        out.write("mean\t" + format(mean) + "\n");
        for (var direction : directions) {
            out.write("direction\t" + format(direction) + "\n");
        }
    }

    static String format(float[] vector) {
        var text = new StringBuilder(vector.length * 12);
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(String.format(Locale.ROOT, "%.7g", vector[i]));
        }
        return text.toString();
    }

    static float[] parse(String text) {
        var parts = text.strip().split(" ");
        var vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }
}
