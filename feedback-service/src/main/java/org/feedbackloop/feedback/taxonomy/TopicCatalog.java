package org.feedbackloop.feedback.taxonomy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.feedback.analysis.KeywordTopicClassifier;
import org.feedbackloop.feedback.analysis.Taxonomy;
import org.feedbackloop.feedback.analysis.TopicClassifier;
import org.feedbackloop.feedback.analysis.TopicDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The taxonomy as the classifier uses it, read from the database and kept for a short while. An edit made
 * through this replica applies at once; other replicas pick it up within {@link #MAX_AGE}.
 */
@ApplicationScoped
public class TopicCatalog {

    /** The topic of feedback near no other topic and matching no keyword; it has examples of its own, no keywords. */
    public static final String FALLBACK = "general";
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final TopicRepository topics;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    TopicCatalog(TopicRepository topics) {
        this.topics = topics;
    }

    /** What the taxonomy currently holds; reads it in the caller's session when the cached copy is stale. */
    public Uni<Snapshot> snapshot() {
        var snapshot = current.get();
        if (snapshot != null && snapshot.loadedAt().plus(MAX_AGE).isAfter(Instant.now())) {
            return Uni.createFrom().item(snapshot);
        }
        return topics.inOrder().map(list -> {
            var fresh = Snapshot.of(list);
            current.set(fresh);
            return fresh;
        });
    }

    public void invalidate() {
        current.set(null);
    }

    /** An immutable view of the taxonomy at one moment. */
    public record Snapshot(Set<String> names, TopicClassifier classifier, Instant loadedAt) {

        static Snapshot of(List<Topic> topics) {
            var definitions = topics.stream().map(t -> new TopicDefinition(t.name, List.copyOf(t.keywords == null ? List.of() : t.keywords))).toList();
            var names = topics.stream().map(t -> t.name).collect(Collectors.toCollection(java.util.TreeSet::new));
            names.add(FALLBACK);
            return new Snapshot(Set.copyOf(names), new KeywordTopicClassifier(new Taxonomy(definitions)), Instant.now());
        }

        public boolean knows(String topic) {
            return names.contains(topic);
        }

        public String classify(String text) {
            return classifier.classify(text).orElse(FALLBACK);
        }
    }
}
