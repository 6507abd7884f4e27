package org.feedbackloop.feedback.understanding;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.feedback.config.FeedbackConfig;
import org.feedbackloop.kit.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads new feedback with the sentence model, off the request path, and only then announces it.
 *
 * <p>A submission stores the item with a first answer (keywords and lexicon) and wakes a worker, which lets a few
 * more arrive ({@code gather}) so that under load one claim and one commit serve several items. The worker
 * claims a batch of unread items for a short lease ({@code FOR UPDATE SKIP LOCKED}: replicas and threads never
 * take the same item), reads them with the model outside any transaction, then in one transaction stores what
 * it read and writes {@code feedback.received} (carrying the problem vector, so triage does not read the text
 * again) and, when the model changed the topic or the sentiment's label, {@code feedback.updated}. The write
 * applies only to items still unread, so an item is announced once even when a lease ran out and another worker
 * read it too. A worker that dies leaves its items to be taken over when the lease ends. Workers run at the lowest
 * thread priority (with {@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19}, which the launchers
 * and images set, the kernel runs them at nice 19: a share of a busy core near 1.5%, where nice 4 still took about
 * 30%), so that on a busy machine the model's CPU goes to the requests first.
 */
@ApplicationScoped
public class AnalysisWorker {

    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);
    private static final Duration MODEL_WAIT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final AgroalDataSource database;
    private final Model model;
    private final TopicsByMeaning topics;
    private final Analysis analysis;
    private final OutboxWriter outbox;
    private final FeedbackConfig.Analysis config;
    private final FeedbackConfig.Imports imports;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingEpochMillis = new AtomicLong();
    private final Counter analysed;
    private final DistributionSummary cpuPerItem;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    AnalysisWorker(AgroalDataSource database, Model model, TopicsByMeaning topics, Analysis analysis, OutboxWriter outbox,
                   FeedbackConfig config, MeterRegistry metrics) {
        this.database = database;
        this.model = model;
        this.topics = topics;
        this.analysis = analysis;
        this.outbox = outbox;
        this.config = config.analysis();
        this.imports = config.imports();
        this.analysed = Counter.builder("feedback.analysis.items")
                .description("Items the sentence model read and announced").register(metrics);
        this.cpuPerItem = DistributionSummary.builder("feedback.analysis.cpu")
                .description("CPU time a worker spent per item it read (model, topic, sentiment, database)")
                .baseUnit("milliseconds").publishPercentiles(0.5, 0.99).register(metrics);
        Gauge.builder("feedback.analysis.pending", pending, AtomicLong::get)
                .description("Items stored but not yet read by the model (nor announced)").register(metrics);
        Gauge.builder("feedback.analysis.lag.seconds", this, AnalysisWorker::lagSeconds)
                .description("Age of the oldest item not yet read by the model, imports aside (0 when none)").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < config.threads(); i++) {
            // below the request threads: under load the reading waits a little, a submission does not
            threads.add(Thread.ofPlatform().name("analysis-" + i).daemon().priority(Thread.MIN_PRIORITY).start(this::run));
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (var thread : threads) {
            thread.interrupt();
        }
        for (var thread : threads) {
            thread.join(5_000);
        }
    }

    /** A new item is waiting: look now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    public long pending() {
        return pending.get();
    }

    public double lagSeconds() {
        var oldest = oldestPendingEpochMillis.get();
        return oldest == 0 ? 0 : Math.max(0, (System.currentTimeMillis() - oldest) / 1000.0);
    }

    private void run() {
        int failures = 0;
        boolean failing = false;
        while (running) {
            try {
                var batch = analyseBatch();
                if (failing) {
                    failing = false;
                    LOG.info("Analysis works again");
                }
                failures = 0;
                if (batch.imported() > 0) {
                    // history paced: anything said meanwhile wakes the worker, and is claimed first
                    waitForWork(Duration.ofMillis(batch.imported() * 1000L / imports.announcedPerSecond()));
                } else if (batch.size() < config.batchSize()) {
                    measureBacklog();
                    waitForWork(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TimeoutException e) {
                // the model is still loading: its readiness says so
            } catch (Exception e) {
                failures++;
                if (!failing) {
                    failing = true;
                    LOG.warnf("Analysis cannot proceed: %s. Items stay unread and are retried.", e.toString());
                }
                try {
                    waitForWork(Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(failures, 6))));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How many items a batch held, and how many of them an import brought. */
    private record Batch(int size, int imported) {
    }

    private Batch analyseBatch() throws SQLException, TimeoutException, InterruptedException {
        var analyzer = model.analyzer(MODEL_WAIT);
        var batch = claim();
        if (batch.isEmpty()) {
            return new Batch(0, 0);
        }
        var threadCpu = ManagementFactory.getThreadMXBean();
        long cpuBefore = threadCpu.getCurrentThreadCpuTime();
        var matcher = topics.current(analyzer);
        var readings = new ArrayList<Analysis.Result>(batch.size());
        for (var item : batch) {
            readings.add(analysis.first(item, analyzer, matcher));
        }
        int announced = store(readings);
        long cpu = threadCpu.getCurrentThreadCpuTime() - cpuBefore;
        for (int i = 0; i < batch.size(); i++) {
            cpuPerItem.record(cpu / 1e6 / batch.size());
        }
        analysed.increment(announced);
        outbox.committed();
        return new Batch(batch.size(), (int) batch.stream().filter(Analysis.Item::imported).count());
    }

    /** Leases up to a batch of unread items that no other worker holds: what people said now first, oldest first. */
    private List<Analysis.Item> claim() throws SQLException {
        var sql = """
                update feedback f set analysis_lease_until = clock_timestamp() + cast(? as interval)
                from (select id from feedback
                      where analysed_at is null and (analysis_lease_until is null or analysis_lease_until < clock_timestamp())
                      order by (import_id is not null), created_at limit ? for update skip locked) claimed
                where f.id = claimed.id
                returning %s""".formatted(Analysis.ITEM_COLUMNS);
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, config.lease().toMillis() + " milliseconds");
            statement.setInt(2, config.batchSize());
            try (var rows = statement.executeQuery()) {
                var items = new ArrayList<Analysis.Item>();
                while (rows.next()) {
                    items.add(Analysis.Item.of(rows));
                }
                items.sort(java.util.Comparator.comparing(Analysis.Item::createdAt));
                return items;
            }
        }
    }

    /** Stores the readings and their events in one transaction; returns how many items were still unread. */
    private int store(List<Analysis.Result> readings) throws SQLException {
        try (var connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int stored = 0;
                for (var reading : readings) {
                    if (analysis.storeFirst(connection, reading)) {
                        stored++;
                    }
                }
                connection.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void measureBacklog() throws SQLException {
        try (Connection connection = database.getConnection();
             var statement = connection.prepareStatement("select count(*), min(created_at) filter (where import_id is null) from feedback where analysed_at is null");
             var rows = statement.executeQuery()) {
            rows.next();
            pending.set(rows.getLong(1));
            Timestamp oldest = rows.getTimestamp(2);
            oldestPendingEpochMillis.set(oldest == null ? 0 : oldest.getTime());
        }
    }

    private void waitForWork(Duration timeout) throws InterruptedException {
        if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
            if (!config.gather().isZero()) {
                Thread.sleep(config.gather().toMillis());
                wakeUps.drainPermits();
            }
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
