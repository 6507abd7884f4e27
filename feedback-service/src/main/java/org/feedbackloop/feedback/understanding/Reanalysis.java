package org.feedbackloop.feedback.understanding;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.kit.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads stored feedback again, in the background, after the taxonomy changed (new topics, new examples) or for
 * feedback stored before the sentence model. One job at a time across all replicas (a lease on the job's row);
 * items in batches, oldest first, each batch's changes, its {@code feedback.updated} events and the job's
 * progress committed together, so that a crash resumes where the last batch ended and announces nothing twice.
 * Items whose reading changes nothing are left alone; items the submitter gave a topic keep it.
 */
@ApplicationScoped
public class Reanalysis {

    private static final Logger LOG = Logger.getLogger(Reanalysis.class);
    static final int BATCH = 64;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final AgroalDataSource database;
    private final Model model;
    private final TopicsByMeaning topics;
    private final Analysis analysis;
    private final OutboxWriter outbox;
    private final Semaphore wakeUps = new Semaphore(0);
    /** Who holds a job: this replica, for as long as it lives. */
    private final UUID holder = UUID.randomUUID();
    private volatile boolean running;
    private Thread thread;

    Reanalysis(AgroalDataSource database, Model model, TopicsByMeaning topics, Analysis analysis, OutboxWriter outbox) {
        this.database = database;
        this.model = model;
        this.topics = topics;
        this.analysis = analysis;
        this.outbox = outbox;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("reanalysis").daemon().priority(Thread.MIN_PRIORITY).start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    /** A job was requested: start on it now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    private record Job(UUID id, String reason, Instant upTo, Instant afterCreatedAt, UUID afterId) {
    }

    private void run() {
        while (running) {
            try {
                var job = takeJob();
                if (job == null) {
                    waitForWork(POLL);
                    continue;
                }
                LOG.infof("Re-reading stored feedback (%s)", job.reason());
                while (running && job != null) {
                    job = batch(job);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TimeoutException e) {
                // the model is still loading
            } catch (Exception e) {
                LOG.warnf("Re-reading stored feedback paused: %s. It resumes where it stopped.", e.toString());
                try {
                    waitForWork(POLL);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The oldest unfinished job no other replica holds, now held by this one. */
    private Job takeJob() throws SQLException {
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement("""
                     update reanalysis r set holder = ?, lease_until = clock_timestamp() + cast(? as interval),
                         started_at = coalesce(started_at, clock_timestamp())
                     from (select id from reanalysis
                           where finished_at is null and (lease_until is null or lease_until < clock_timestamp())
                           order by requested_at limit 1 for update skip locked) next
                     where r.id = next.id
                     returning r.id, r.reason, r.up_to, r.after_created_at, r.after_id""")) {
            statement.setObject(1, holder);
            statement.setString(2, LEASE.toSeconds() + " seconds");
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                var after = rows.getTimestamp(4);
                return new Job(rows.getObject(1, UUID.class), rows.getString(2), rows.getTimestamp(3).toInstant(),
                        after == null ? null : after.toInstant(), rows.getObject(5, UUID.class));
            }
        }
    }

    /** Reads one batch and records the progress; returns the job to go on with, or null when it is finished. */
    private Job batch(Job job) throws SQLException, TimeoutException, InterruptedException {
        var analyzer = model.analyzer(Duration.ofSeconds(5));
        var matcher = topics.current(analyzer);
        var items = new ArrayList<Analysis.Item>();
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement("""
                     select %s from feedback f
                     where f.analysed_at is not null and f.created_at <= ?
                       and (cast(? as timestamptz) is null or (f.created_at, f.id) > (cast(? as timestamptz), cast(? as uuid)))
                     order by f.created_at, f.id limit ?""".formatted(Analysis.ITEM_COLUMNS))) {
            statement.setTimestamp(1, Timestamp.from(job.upTo()));
            var after = job.afterCreatedAt() == null ? null : Timestamp.from(job.afterCreatedAt());
            statement.setTimestamp(2, after);
            statement.setTimestamp(3, after);
            statement.setObject(4, job.afterId());
            statement.setInt(5, BATCH);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(Analysis.Item.of(rows));
                }
            }
        }
        var results = items.stream().map(item -> analysis.again(item, analyzer, matcher)).toList();
        try (var connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int changed = 0;
                for (var result : results) {
                    if (analysis.storeAgain(connection, result)) {
                        changed++;
                    }
                }
                var last = items.isEmpty() ? null : items.getLast();
                boolean finished = items.size() < BATCH;
                if (!recordProgress(connection, job, items.size(), changed, last, finished)) {
                    connection.rollback(); // another replica took the job over
                    return null;
                }
                connection.commit();
                if (changed > 0) {
                    outbox.committed();
                }
                if (finished) {
                    LOG.infof("Re-reading stored feedback finished (%s)", job.reason());
                    return null;
                }
                return new Job(job.id(), job.reason(), job.upTo(), last.createdAt(), last.id());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private boolean recordProgress(Connection connection, Job job, int read, int changed, Analysis.Item last,
                                          boolean finished) throws SQLException {
        try (var statement = connection.prepareStatement("""
                update reanalysis set done = done + ?, changed = changed + ?,
                    after_created_at = coalesce(?, after_created_at), after_id = coalesce(?, after_id),
                    finished_at = case when ? then clock_timestamp() end,
                    lease_until = clock_timestamp() + cast(? as interval)
                where id = ? and holder = ? and finished_at is null""")) {
            statement.setInt(1, read);
            statement.setInt(2, changed);
            statement.setTimestamp(3, last == null ? null : Timestamp.from(last.createdAt()));
            statement.setObject(4, last == null ? null : last.id());
            statement.setBoolean(5, finished);
            statement.setString(6, LEASE.toSeconds() + " seconds");
            statement.setObject(7, job.id());
            statement.setObject(8, holder);
            return statement.executeUpdate() == 1;
        }
    }

    private void waitForWork(Duration timeout) throws InterruptedException {
        if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }
}
