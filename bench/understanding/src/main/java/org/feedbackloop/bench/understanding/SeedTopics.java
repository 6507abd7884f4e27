package org.feedbackloop.bench.understanding;

import org.feedbackloop.feedback.analysis.KeywordTopicClassifier;
import org.feedbackloop.feedback.analysis.Taxonomy;
import org.feedbackloop.feedback.analysis.TopicDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The taxonomy feedback-service seeds, read from its Flyway migrations on the classpath, so that the bench
 * measures exactly what ships: keywords (V2), descriptions and examples (V6, the fallback topic general's too), and
 * action-service's seeded routing (V1: billing, delivery and product to their teams, account to product).
 */
final class SeedTopics {

    private static final Pattern KEYWORD_TUPLE = Pattern.compile(
            "\\(\\s*'([^']+)'\\s*,\\s*array\\s*\\[(.*?)]\\s*,\\s*(\\d+)\\s*\\)", Pattern.DOTALL);
    private static final Pattern EXAMPLE_TUPLE = Pattern.compile(
            "\\(\\s*'([a-z][a-z0-9-]*)'\\s*,\\s*'((?:[^']|'')*)'\\s*,\\s*array\\s*\\[(.*?)]\\s*\\)", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    static final Map<String, String> ROUTES = Map.of("billing", "billing", "delivery", "delivery",
            "product", "product", "account", "product");
    static final String TRIAGE_TEAM = "triage";

    /** A seeded topic: its keywords, its description and its examples. */
    record Topic(String name, List<String> keywords, String description, List<String> examples) {
    }

    private SeedTopics() {
    }

    static List<Topic> load() {
        var examplesMigration = "db/migration/V6__understanding.sql";
        var keywords = new LinkedHashMap<String, List<String>>();
        var matcher = KEYWORD_TUPLE.matcher(read("db/migration/V2__seed_topic_taxonomy.sql"));
        while (matcher.find()) {
            var words = new ArrayList<String>();
            var quoted = QUOTED.matcher(matcher.group(2));
            while (quoted.find()) {
                words.add(quoted.group(1).replace("''", "'"));
            }
            keywords.put(matcher.group(1), words);
        }
        var descriptions = new LinkedHashMap<String, String>();
        var examples = new LinkedHashMap<String, List<String>>();
        var rows = EXAMPLE_TUPLE.matcher(read(examplesMigration));
        while (rows.find()) {
            descriptions.put(rows.group(1), rows.group(2).replace("''", "'"));
            var list = new ArrayList<String>();
            var quoted = QUOTED.matcher(rows.group(3));
            while (quoted.find()) {
                list.add(quoted.group(1).replace("''", "'"));
            }
            examples.put(rows.group(1), list);
        }
        var names = new java.util.LinkedHashSet<>(keywords.keySet());
        names.addAll(examples.keySet()); // the fallback topic has examples but no keywords
        return names.stream().map(name -> new Topic(name, keywords.getOrDefault(name, List.of()),
                descriptions.get(name), examples.getOrDefault(name, List.of()))).toList();
    }

    static KeywordTopicClassifier keywordClassifier(List<Topic> topics) {
        return new KeywordTopicClassifier(new Taxonomy(topics.stream()
                .map(t -> new TopicDefinition(t.name(), t.keywords())).toList()));
    }

    static String teamOf(String topic) {
        return ROUTES.getOrDefault(topic, TRIAGE_TEAM);
    }

    private static String read(String resource) {
        try (var stream = SeedTopics.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException(resource + " is not on the classpath (feedback-service's resources)");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
