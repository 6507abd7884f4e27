package org.feedbackloop.feedback.understanding;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.feedback.analysis.TextAnalyzer;
import org.feedbackloop.feedback.analysis.TopicMatcher;
import org.feedbackloop.feedback.taxonomy.TopicCatalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads a text on request without storing it (a draft in the portal, an integrator's question): on a small pool
 * of its own, never on an event loop, and refusing work beyond a short queue rather than piling it up.
 */
@ApplicationScoped
public class Previews {

    static final int QUEUE = 32;
    /** The nearest topics a preview names. */
    public static final int NEAREST_TOPICS = 3;

    private final Model model;
    private final TopicsByMeaning topics;
    private final ThreadPoolExecutor pool;

    Previews(Model model, TopicsByMeaning topics) {
        this.model = model;
        this.topics = topics;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().name("preview-", 0).daemon().factory());
    }

    /** What the model reads in a text, and the topics nearest to it, best first. */
    public record Preview(TextAnalyzer.Reading reading, String topic, boolean topicByMeaning, List<TopicMatcher.Match> topics) {
    }

    /** Fails with {@link Busy} when the pool is full or the model not loaded yet. */
    public Uni<Preview> read(String text) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().<Preview>emitter(emitter -> {
            try {
                pool.execute(() -> {
                    try {
                        var analyzer = model.analyzer(Duration.ofSeconds(2));
                        var matcher = topics.current(analyzer);
                        var reading = analyzer.read(text);
                        Optional<TopicMatcher.Match> match = matcher.match(reading.centred(), text);
                        var nearest = matcher.scores(reading.centred()).stream()
                                .sorted((a, b) -> Double.compare(b.score(), a.score())).limit(NEAREST_TOPICS).toList();
                        var preview = new Preview(reading, match.map(TopicMatcher.Match::topic).orElse(TopicCatalog.FALLBACK),
                                match.map(TopicMatcher.Match::byMeaning).orElse(false), nearest);
                        resume(context, () -> emitter.complete(preview));
                    } catch (java.util.concurrent.TimeoutException e) {
                        resume(context, () -> emitter.fail(new Busy("the sentence model is still loading")));
                    } catch (Exception e) {
                        resume(context, () -> emitter.fail(e));
                    }
                });
            } catch (RejectedExecutionException full) {
                emitter.fail(new Busy("too many texts are being read right now"));
            }
        });
    }

    /** Back on the caller's Vert.x context, where the request continues. */
    private static void resume(Context context, Runnable action) {
        if (context == null) {
            action.run();
        } else {
            context.runOnContext(nothing -> action.run());
        }
    }

    /** The model cannot take the text now: the client should try again shortly. */
    public static final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message, null, false, false);
        }
    }
}
