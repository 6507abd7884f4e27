package org.feedbackloop.feedback.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.feedback.config.FeedbackConfig;
import org.feedbackloop.feedback.understanding.AnalysisWorker;
import org.feedbackloop.kit.problem.ProblemException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Takes each import's file a batch at a time, on a thread of its own (one import at a time per replica, the next
 * ones queued), and wakes the analysis after each batch. A batch that cannot be stored (the database away) is
 * tried again until it can; an import whose file cannot be read any more fails with the reason. Now and then (and
 * at start) the replica takes over the imports that stopped while their file was in its spool directory: a
 * replica killed in the middle of one goes on with it once it is back.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ImportStore store;
    private final RowReader reader;
    private final ObjectMapper json;
    private final AnalysisWorker analysis;
    private final FeedbackConfig.Imports config;
    private final MeterRegistry metrics;
    private ScheduledExecutorService worker;
    private volatile boolean running;

    ImportRunner(ImportStore store, RowReader reader, ObjectMapper json, AnalysisWorker analysis, FeedbackConfig config,
                 MeterRegistry metrics) {
        this.store = store;
        this.reader = reader;
        this.json = json;
        this.analysis = analysis;
        this.config = config.imports();
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) throws IOException {
        Files.createDirectories(config.spoolDirectory());
        try (var leftovers = Files.newDirectoryStream(config.spoolDirectory(), "receiving-*")) {
            leftovers.forEach(ImportRunner::deleteQuietly); // files whose receiving a stop cut short
        }
        running = true;
        worker = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().name("import").daemon().unstarted(task));
        var every = Math.max(1, config.staleAfter().toSeconds() / 2);
        worker.scheduleWithFixedDelay(this::resumeStopped, 0, every, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Where the file of this import waits. */
    Path fileOf(UUID importId, ImportFormat format) {
        return config.spoolDirectory().resolve(importId + "." + format.extension());
    }

    /** A place for a file being received. */
    Path receivingFile() {
        return config.spoolDirectory().resolve("receiving-" + UUID.randomUUID());
    }

    void run(FeedbackImport job) {
        worker.execute(() -> runNow(job));
    }

    private void resumeStopped() {
        try {
            for (var job : await(() -> store.stopped(config.staleAfter()))) {
                var file = fileOf(job.id, job.format);
                if (Files.exists(file) && await(() -> store.takeOver(job.id, config.staleAfter()))) {
                    LOG.infof("Import %s goes on after line %d", job.id, job.linesDone);
                    runNow(job);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("The imports that stopped could not be looked for: %s", e.toString());
        }
    }

    private void runNow(FeedbackImport job) {
        var file = fileOf(job.id, job.format);
        int linesDone = job.linesDone;
        try (var rows = ImportRows.open(file, job.format, json)) {
            var batch = new ArrayList<RowReader.Read>(config.batchSize());
            for (var row = rows.next(); row != null && running; row = rows.next()) {
                if (row.line() <= linesDone) {
                    continue;
                }
                batch.add(reader.read(row));
                if (batch.size() == config.batchSize()) {
                    linesDone = store(job, batch, linesDone);
                    batch.clear();
                }
            }
            if (!running) {
                return;
            }
            if (!batch.isEmpty()) {
                store(job, batch, linesDone);
            }
            await(() -> store.finish(job.id, FeedbackImport.Status.DONE, null));
            LOG.infof("Import %s is done", job.id);
            deleteQuietly(file);
        } catch (ImportStore.LostTheImport e) {
            LOG.infof("Import %s is taken on by another worker", job.id);
        } catch (ProblemException | IOException | java.io.UncheckedIOException e) {
            var reason = e instanceof ProblemException problem ? problem.problem().detail() : e.toString();
            LOG.warnf("Import %s failed: %s", job.id, reason);
            await(() -> store.finish(job.id, FeedbackImport.Status.FAILED, reason));
            deleteQuietly(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores a batch, trying again while the database cannot take it; returns the last line it covered. */
    private int store(FeedbackImport job, java.util.List<RowReader.Read> batch, int linesDone) throws InterruptedException {
        int lastLine = batch.getLast().line();
        for (int failures = 0; ; failures++) {
            try {
                var result = await(() -> store.store(job, batch, linesDone, lastLine));
                metrics.counter("feedback.imported", "outcome", "accepted").increment(result.accepted());
                metrics.counter("feedback.imported", "outcome", "duplicate").increment(result.duplicates());
                metrics.counter("feedback.imported", "outcome", "rejected").increment(result.rejected());
                if (result.accepted() > 0) {
                    analysis.wakeUp();
                }
                return lastLine;
            } catch (ImportStore.LostTheImport e) {
                throw e;
            } catch (RuntimeException e) {
                if (!running) {
                    throw new InterruptedException();
                }
                if (failures == 0) {
                    LOG.warnf("Import %s cannot store the rows after line %d yet (%s); trying again", job.id, linesDone, e);
                }
                Thread.sleep(Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(failures, 6)));
            }
        }
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // swept at the next start
        }
    }
}
