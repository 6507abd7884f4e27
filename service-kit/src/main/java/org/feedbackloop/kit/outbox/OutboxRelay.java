package org.feedbackloop.kit.outbox;

import com.rabbitmq.client.AMQP;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.events.CloudEvent;
import org.feedbackloop.kit.inbox.InboxConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to RabbitMQ: the only publisher of this service's events.
 * <p>
 * It runs on its own thread, outside any request: it locks a batch of unpublished rows
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work without publishing a row twice at once),
 * publishes them, waits for the broker's confirms, and only then marks them published in the same
 * transaction. A crash or an outage at any point leaves the rows unpublished, to be sent again: delivery is
 * at least once, and consumers de-duplicate by event id. It wakes when a request commits an event and polls
 * otherwise, which also picks up what a crashed replica left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final AgroalDataSource database;
    private final BrokerConnection broker;
    private final OutboxConfig config;
    private final InboxConfig inbox;
    private final String service;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pendingEvents = new AtomicLong();
    private final AtomicLong oldestPendingEpochMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile boolean failing;
    private Thread thread;
    private Instant nextPurge = Instant.now();
    private Instant nextLagMeasure = Instant.now();

    OutboxRelay(AgroalDataSource database, BrokerConnection broker, OutboxConfig config, InboxConfig inbox,
                MeterRegistry metrics, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.database = database;
        this.broker = broker;
        this.config = config;
        this.inbox = inbox;
        this.service = service;
        this.published = Counter.builder("outbox.events.published")
                .description("Events the broker confirmed").register(metrics);
        this.failures = Counter.builder("outbox.publish.failures")
                .description("Publishing attempts that failed and will be retried").register(metrics);
        Gauge.builder("outbox.events.pending", pendingEvents, AtomicLong::get)
                .description("Events committed but not yet confirmed by the broker").register(metrics);
        Gauge.builder("outbox.lag.seconds", this, OutboxRelay::lagSeconds)
                .description("Age of the oldest event not yet confirmed by the broker (0 when none)").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
        broker.close();
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    public long pendingEvents() {
        return pendingEvents.get();
    }

    public double lagSeconds() {
        var oldest = oldestPendingEpochMillis.get();
        return oldest == 0 ? 0 : Math.max(0, (System.currentTimeMillis() - oldest) / 1000.0);
    }

    private void run() {
        int consecutiveFailures = 0;
        while (running) {
            try {
                int count = publishBatch();
                measureLagWhenDue(count);
                consecutiveFailures = 0;
                if (failing) {
                    failing = false;
                    LOG.infof("Outbox relay recovered: publishing to RabbitMQ (%s) again", broker.address());
                }
                purgeWhenDue();
                if (count < config.batchSize()) {
                    waitForWork(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                consecutiveFailures++;
                failures.increment();
                broker.close();
                measureLagIfPossible();
                if (!failing) {
                    failing = true;
                    LOG.warnf("Outbox relay cannot publish (RabbitMQ %s): %s. Events stay in the outbox and are retried.",
                            broker.address(), e.toString());
                }
                try {
                    waitForWork(backoff(consecutiveFailures));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void waitForWork(Duration timeout) throws InterruptedException {
        if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }

    private Duration backoff(int consecutiveFailures) {
        var base = config.pollInterval().toMillis();
        var millis = Math.min(MAX_BACKOFF.toMillis(), base << Math.min(consecutiveFailures - 1, 5));
        return Duration.ofMillis(millis);
    }

    /** Publishes up to one batch; returns how many events the broker confirmed. */
    private int publishBatch() throws SQLException, IOException, TimeoutException, InterruptedException {
        var channel = broker.confirmChannel();
        try (var connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var batch = lockBatch(connection);
                if (batch.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                for (var event : batch) {
                    channel.basicPublish(broker.exchange(), event.type(), false, properties(event), event.body());
                }
                channel.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
                markPublished(connection, batch);
                connection.commit();
                published.increment(batch.size());
                pendingEvents.updateAndGet(pending -> Math.max(0, pending - batch.size()));
                return batch.size();
            } catch (SQLException | IOException | TimeoutException | InterruptedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private record PendingEvent(UUID id, String type, String aggregateId, byte[] body, String traceparent,
                                Instant createdAt) {
    }

    private List<PendingEvent> lockBatch(Connection connection) throws SQLException {
        var sql = """
                select id, type, aggregate_id, payload::text, traceparent, created_at from outbox_event
                where published_at is null order by created_at limit ? for update skip locked""";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setInt(1, config.batchSize());
            try (var rows = statement.executeQuery()) {
                var batch = new ArrayList<PendingEvent>();
                while (rows.next()) {
                    batch.add(new PendingEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4).getBytes(StandardCharsets.UTF_8), rows.getString(5),
                            rows.getTimestamp(6).toInstant()));
                }
                return batch;
            }
        }
    }

    private AMQP.BasicProperties properties(PendingEvent event) {
        var headers = event.traceparent() == null ? Map.<String, Object>of() : Map.<String, Object>of("traceparent", event.traceparent());
        return new AMQP.BasicProperties.Builder()
                .contentType(CloudEvent.STRUCTURED_CONTENT_TYPE)
                .deliveryMode(2)
                .messageId(event.id().toString())
                .type(event.type())
                .appId(service)
                .timestamp(Date.from(event.createdAt()))
                .headers(headers)
                .build();
    }

    private static void markPublished(Connection connection, List<PendingEvent> batch) throws SQLException {
        try (var statement = connection.prepareStatement(
                "update outbox_event set published_at = clock_timestamp(), attempts = attempts + 1 where id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", batch.stream().map(PendingEvent::id).toArray()));
            statement.executeUpdate();
        }
    }

    /**
     * Counts what is still unpublished after a full batch, again after a count that found some (until one finds
     * none, so that neither gauge stays behind), and otherwise once a poll interval: under a steady load the relay
     * runs once per committed event, and counting at every run would add a statement to every event. A failing run
     * counts every time ({@link #measureLagIfPossible}).
     */
    private void measureLagWhenDue(int published) throws SQLException {
        var now = Instant.now();
        boolean sawPending = oldestPendingEpochMillis.get() != 0;
        if (published >= config.batchSize() || sawPending || !now.isBefore(nextLagMeasure)) {
            nextLagMeasure = now.plus(config.pollInterval());
            measureLag();
        }
    }

    private void measureLag() throws SQLException {
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement(
                     "select count(*), min(created_at) from outbox_event where published_at is null");
             var rows = statement.executeQuery()) {
            rows.next();
            pendingEvents.set(rows.getLong(1));
            Timestamp oldest = rows.getTimestamp(2);
            oldestPendingEpochMillis.set(oldest == null ? 0 : oldest.getTime());
        }
    }

    private void measureLagIfPossible() {
        try {
            measureLag();
        } catch (SQLException e) {
            LOG.debugf("Cannot measure the outbox lag: %s", e);
        }
    }

    private void purgeWhenDue() throws SQLException {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(PURGE_EVERY);
        purgeExpired();
    }

    /**
     * Deletes what the service no longer needs to keep: published events older than the outbox's retention, and the
     * ids of handled events older than the inbox's. The relay does it every ten minutes. Returns the rows deleted.
     */
    public int purgeExpired() throws SQLException {
        try (var connection = database.getConnection()) {
            var published = delete(connection, "delete from outbox_event where published_at < ?", config.retention());
            var processed = delete(connection, "delete from processed_event where processed_at < ?", inbox.retention());
            if (published + processed > 0) {
                LOG.debugf("Purged %d published events older than %s and %d handled event ids older than %s",
                        published, config.retention(), processed, inbox.retention());
            }
            return published + processed;
        }
    }

    private static int delete(Connection connection, String sql, Duration olderThan) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(Instant.now().minus(olderThan)));
            return statement.executeUpdate();
        }
    }
}
