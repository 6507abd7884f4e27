package org.feedbackloop.feedback.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@code label<TAB>sentence} test resource; lines starting with '#' are comments. */
record LabelledSample(String label, String text) {

    static List<LabelledSample> read(String resource) {
        var stream = Objects.requireNonNull(LabelledSample.class.getClassLoader().getResourceAsStream(resource),
                resource);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            var samples = new ArrayList<LabelledSample>();
            for (var line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var fields = line.split("\t", 2);
                if (fields.length != 2) {
                    throw new IllegalStateException("Not label<TAB>sentence in " + resource + ": " + line);
                }
                samples.add(new LabelledSample(fields[0].strip(), fields[1].strip()));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
