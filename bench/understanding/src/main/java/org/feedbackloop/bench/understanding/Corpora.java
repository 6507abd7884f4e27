package org.feedbackloop.bench.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The labelled sets: the project's own ({@code bench/understanding/data}) and the public UCI sentences. */
final class Corpora {

    /** One labelled text; {@code group} is the problem of a paraphrase, or the site of a UCI sentence. */
    record Labelled(String group, String label, String text) {
    }

    static final List<String> UCI_SITES = List.of("amazon", "imdb", "yelp");

    private final Path data;
    private final Path work;

    Corpora(Path data, Path work) {
        this.data = data;
        this.work = work;
    }

    static Corpora fromSystemProperties() {
        return new Corpora(Path.of(System.getProperty("bench.data", "bench/understanding/data")),
                Path.of(System.getProperty("bench.work", "bench/understanding/target")));
    }

    /** problem, topic, text. */
    List<Labelled> paraphrases(String set) {
        return rows("paraphrases-" + set + ".tsv").stream().map(r -> new Labelled(r[0], r[1], r[2])).toList();
    }

    /** topic, text. */
    List<Labelled> topics() {
        return rows("topics-evaluation.tsv").stream().map(r -> new Labelled(null, r[0], r[1])).toList();
    }

    /** The taxonomy's seed: a description and examples per topic. */
    List<Labelled> topicExamples() {
        return rows("topic-examples.tsv").stream().map(r -> new Labelled(r[1], r[0], r[2])).toList();
    }

    /** POSITIVE, NEGATIVE or NEUTRAL, text. */
    List<Labelled> feedbackSentiment() {
        return rows("sentiment-feedback.tsv").stream().map(r -> new Labelled(null, r[0], r[1])).toList();
    }

    /**
     * feedback-service's labelled sample of feedback sentences (POSITIVE, NEGATIVE, NEUTRAL), which the sentiment
     * model is never trained on.
     */
    List<Labelled> feedbackSample() {
        var path = Path.of(System.getProperty("feedback.sample",
                "feedback-service/src/test/resources/analysis/sentiment-sample.tsv"));
        try {
            return Files.readAllLines(path).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(r -> new Labelled(null, r[0], r[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UCI "Sentiment Labelled Sentences", 1,000 per site, label POSITIVE or NEGATIVE. */
    List<Labelled> uci() {
        var fixtures = work.resolve("uci/package/test/fixtures");
        if (!Files.isDirectory(fixtures)) {
            fetchUci();
        }
        var json = new ObjectMapper();
        var sentences = new ArrayList<Labelled>();
        for (var site : UCI_SITES) {
            try {
                for (JsonNode row : json.readTree(fixtures.resolve(site + ".json").toFile())) {
                    if (row.path("text").asText("").isBlank() || !row.path("class").isInt()) {
                        continue; // each file ends with an empty record
                    }
                    sentences.add(new Labelled(site, row.get("class").asInt() == 1 ? "POSITIVE" : "NEGATIVE",
                            row.get("text").asText().strip().replaceAll("\\s+", " ")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sentences;
    }

    /** {@code npm pack} of the package that ships the UCI sentences, unpacked under the work directory. */
    private void fetchUci() {
        var target = work.resolve("uci");
        var spec = System.getProperty("uci.package", "sentiment@5.0.2");
        try {
            Files.createDirectories(target);
            run(target, "npm", "pack", "--silent", spec);
            try (var tarballs = Files.list(target)) {
                var tarball = tarballs.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("npm pack " + spec + " left no tarball"));
                run(target, "tar", "xzf", tarball.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fetch the UCI sentences (" + spec + ") with npm", e);
        }
    }

    private static void run(Path directory, String... command) throws IOException {
        var process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private List<String[]> rows(String file) {
        try {
            return Files.readAllLines(data.resolve(file)).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
