package org.feedbackloop.feedback.understanding;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.feedback.analysis.FeedbackSpace;
import org.feedbackloop.feedback.analysis.LexiconSentimentAnalyzer;
import org.feedbackloop.feedback.analysis.SentenceEncoder;
import org.feedbackloop.feedback.analysis.SentimentModel;
import org.feedbackloop.feedback.analysis.TextAnalyzer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sentence model and what is learnt on top of it, loaded once per process. Loading takes a second or two
 * and about 180 MB outside the Java heap; it happens on a thread of its own at start-up, so that the HTTP port
 * opens at once (submissions do not need the model: their first answer comes from keywords and the lexicon).
 */
@ApplicationScoped
public class Model {

    private static final Logger LOG = Logger.getLogger(Model.class);

    private final CompletableFuture<TextAnalyzer> analyzer = new CompletableFuture<>();
    private volatile SentenceEncoder encoder;

    void load(@Observes StartupEvent event) {
        Thread.ofPlatform().name("model-loader").daemon().start(() -> {
            long start = System.nanoTime();
            try {
                encoder = SentenceEncoder.load();
                analyzer.complete(new TextAnalyzer(encoder, FeedbackSpace.fromClasspath(), SentimentModel.fromClasspath(),
                        new LexiconSentimentAnalyzer()));
                LOG.infof("Sentence model %s loaded in %d ms", SentenceEncoder.MODEL, (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                LOG.errorf(e, "The sentence model cannot be loaded: feedback is stored but not analysed or announced");
                analyzer.completeExceptionally(e);
            }
        });
    }

    void close(@Observes ShutdownEvent event) {
        if (encoder != null) {
            encoder.close();
        }
    }

    public boolean isLoaded() {
        return analyzer.isDone() && !analyzer.isCompletedExceptionally();
    }

    /** Why the model is not there, or null while it loads or once it is. */
    public Throwable failure() {
        return analyzer.isCompletedExceptionally() ? analyzer.exceptionNow() : null;
    }

    /** The analyser, waiting up to {@code wait} for the model to load. */
    public TextAnalyzer analyzer(Duration wait) throws TimeoutException, InterruptedException {
        try {
            return analyzer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("The sentence model could not be loaded", e.getCause());
        }
    }
}
