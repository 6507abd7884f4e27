package org.feedbackloop.feedback.understanding;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.feedback.analysis.KeywordTopicClassifier;
import org.feedbackloop.feedback.analysis.Taxonomy;
import org.feedbackloop.feedback.analysis.TextAnalyzer;
import org.feedbackloop.feedback.analysis.TopicDefinition;
import org.feedbackloop.feedback.analysis.TopicMatcher;
import org.feedbackloop.feedback.config.FeedbackConfig;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The taxonomy as the sentence model reads against it: each topic's examples as vectors, its keywords as the
 * fallback. Read again from the database every few seconds (an edit through this replica applies at once);
 * an example is encoded once per process, however often the taxonomy is read.
 */
@ApplicationScoped
public class TopicsByMeaning {

    private final AgroalDataSource database;
    private final Duration refresh;
    private final Map<String, float[]> examples = new ConcurrentHashMap<>();
    private volatile Loaded loaded;

    TopicsByMeaning(AgroalDataSource database, FeedbackConfig config) {
        this.database = database;
        this.refresh = config.analysis().taxonomyRefresh();
    }

    private record Loaded(TopicMatcher matcher, Instant at) {
    }

    /** The matcher for the taxonomy as it is now (at most a refresh interval old). Encodes new examples: CPU-bound. */
    public TopicMatcher current(TextAnalyzer analyzer) throws SQLException {
        var current = loaded;
        if (current != null && current.at().plus(refresh).isAfter(Instant.now())) {
            return current.matcher();
        }
        synchronized (this) {
            current = loaded;
            if (current != null && current.at().plus(refresh).isAfter(Instant.now())) {
                return current.matcher();
            }
            var matcher = load(analyzer);
            loaded = new Loaded(matcher, Instant.now());
            return matcher;
        }
    }

    /** The taxonomy changed here: the next analysis reads it again. */
    public void invalidate() {
        loaded = null;
    }

    private TopicMatcher load(TextAnalyzer analyzer) throws SQLException {
        var definitions = new ArrayList<TopicDefinition>();
        var vectors = new ArrayList<TopicMatcher.TopicVectors>();
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement(
                     "select name, keywords, description, examples from topic order by position, name");
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                var name = rows.getString(1);
                definitions.add(new TopicDefinition(name, strings(rows.getArray(2))));
                var texts = new ArrayList<>(strings(rows.getArray(4)));
                var encoded = texts.stream().map(text -> examples.computeIfAbsent(text, analyzer::centredOf)).toList();
                if (!encoded.isEmpty()) {
                    vectors.add(new TopicMatcher.TopicVectors(name, encoded));
                }
            }
        }
        return new TopicMatcher(vectors, new KeywordTopicClassifier(new Taxonomy(definitions)));
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
