package org.feedbackloop.feedback.privacy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.feedback.config.FeedbackConfig;
import org.feedbackloop.kit.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Feedback older than the retention period ({@code RETENTION_DAYS}; 0 keeps it for ever) loses its words and
 * contact: the text becomes {@value #REDACTED}; topic, channel, rating, sentiment and dates stay for the counts.
 * Batches of {@link FeedbackErased#MAX_ITEMS}, each announced as feedback.erased (reason RETENTION) so that the
 * projections of the other services redact theirs; replicas share the work (SKIP LOCKED).
 */
@ApplicationScoped
public class Retention {

    public static final String REDACTED = "[redacted]";
    private static final Logger LOG = Logger.getLogger(Retention.class);

    private static final String BATCH = """
            select id from feedback where redacted_at is null and erased_at is null and created_at < :cutoff
            order by created_at limit :limit for update skip locked""";
    private static final String REDACT = """
            update feedback set text = :redacted, contact_email = null, consent_to_contact = false, embedding = null,
                   sentiment_parts = null, redacted_at = :now, updated_at = :now, version = version + 1
            where id in (:ids)""";

    private final OutboxWriter outbox;
    private final int days;

    Retention(OutboxWriter outbox, FeedbackConfig config) {
        this.outbox = outbox;
        this.days = config.retention().days();
    }

    @Scheduled(every = "${feedbackloop.feedback.retention.every}", delayed = "${feedbackloop.feedback.retention.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> everyRound() {
        if (days <= 0) {
            return Uni.createFrom().voidItem();
        }
        return redactBefore(Instant.now().minus(Duration.ofDays(days)))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Retention: the words of %d feedback items older than %d days were redacted", count, days);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Retention round failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Redacts every item created before {@code cutoff}, one batch after the other until one is not full; how many. */
    public Uni<Integer> redactBefore(Instant cutoff) {
        return Multi.createBy().repeating().uni(() -> batch(cutoff))
                .whilst(count -> count == FeedbackErased.MAX_ITEMS)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> batch(Instant cutoff) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(BATCH, UUID.class).setParameter("cutoff", cutoff)
                .setParameter("limit", FeedbackErased.MAX_ITEMS).getResultList()
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(0) : session.createNativeQuery(REDACT)
                        .setParameter("redacted", REDACTED).setParameter("now", now).setParameter("ids", ids)
                        .executeUpdate()
                        .flatMap(count -> outbox.add(EventTypes.FEEDBACK_ERASED, "retention",
                                        new FeedbackErased(null, List.copyOf(ids), null, FeedbackErased.RETENTION, now))
                                .replaceWith(count)))));
    }
}
