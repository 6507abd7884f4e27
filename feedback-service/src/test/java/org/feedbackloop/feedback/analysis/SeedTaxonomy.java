package org.feedbackloop.feedback.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Reads the taxonomy that the V2 Flyway migration seeds, so that tests check the real seed. */
final class SeedTaxonomy {

    static final String RESOURCE = "db/migration/V2__seed_topic_taxonomy.sql";

    private static final Pattern TUPLE = Pattern.compile(
            "\\(\\s*'([^']+)'\\s*,\\s*array\\s*\\[(.*?)]\\s*,\\s*(\\d+)\\s*\\)", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    private record Row(int position, TopicDefinition topic) {
    }

    private SeedTaxonomy() {
    }

    static Taxonomy load() {
        var rows = new ArrayList<Row>();
        var matcher = TUPLE.matcher(readSql());
        while (matcher.find()) {
            var keywords = new ArrayList<String>();
            var quoted = QUOTED.matcher(matcher.group(2));
            while (quoted.find()) {
                keywords.add(quoted.group(1).replace("''", "'"));
            }
            rows.add(new Row(Integer.parseInt(matcher.group(3)), new TopicDefinition(matcher.group(1), keywords)));
        }
        return new Taxonomy(rows.stream().sorted(Comparator.comparingInt(Row::position)).map(Row::topic).toList());
    }

    private static String readSql() {
        try (var stream = Objects.requireNonNull(SeedTaxonomy.class.getClassLoader().getResourceAsStream(RESOURCE),
                RESOURCE)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
