package org.feedbackloop.notification.bounces;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.feedbackloop.kit.mailbox.ImapMailbox;
import org.feedbackloop.notification.config.NotificationConfig;
import org.feedbackloop.notification.domain.Repositories;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Reads the bounce mailbox ({@link ImapMailbox}: one replica at a time, each message flagged once handled): every
 * address a delivery report says failed for good ({@link DeliveryReport}) gets no more e-mail. Its later
 * notifications are SUPPRESSED with the reason, like those of an address that unsubscribed.
 */
@ApplicationScoped
public class BounceMailbox {

    /** What a message of the bounce mailbox was. */
    public enum Outcome {
        SUPPRESSED, NOT_PERMANENT, UNREADABLE
    }

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class);
    private static final long LOCK = 0x626f756e636573L; // "bounces"

    private final NotificationConfig.Bounces config;
    private final ImapMailbox mailbox;
    private final Repositories.Suppressions suppressions;
    private final MeterRegistry metrics;
    private final Clock clock;

    BounceMailbox(NotificationConfig config, AgroalDataSource database, Repositories.Suppressions suppressions,
                  MeterRegistry metrics, Clock clock) {
        this.config = config.bounces();
        this.mailbox = new ImapMailbox(new ImapMailbox.Settings(this.config.host(), this.config.port(), this.config.tls(),
                this.config.username(), this.config.password(), this.config.folder(), this.config.batchSize()), database, LOCK);
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${feedbackloop.notifications.bounces.poll-interval}", skipExecutionIf = Disabled.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            poll();
        } catch (MessagingException | SQLException | RuntimeException e) {
            LOG.warnf("The bounce mailbox %s@%s could not be read: %s", config.username(), config.host(), e.toString());
        }
    }

    /** One round: what each message read was, in order; empty when another replica is reading. */
    public List<Outcome> poll() throws MessagingException, SQLException {
        return mailbox.readUnseen(message -> {
            var outcome = take(message);
            Counter.builder("email.bounces").description("Messages of the bounce mailbox read, by what they were")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(metrics).increment();
            return outcome;
        });
    }

    private Outcome take(MimeMessage message) {
        List<String> failed;
        try {
            failed = List.copyOf(DeliveryReport.permanentFailures(message));
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            LOG.warnf("A message of the bounce mailbox cannot be read and is left there: %s", unreadable.toString());
            return Outcome.UNREADABLE;
        }
        if (failed.isEmpty()) {
            return Outcome.NOT_PERMANENT;
        }
        try {
            var now = clock.instant();
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Multi.createFrom().iterable(failed)
                    .onItem().transformToUniAndConcatenate(address -> suppressions.bounced(address, now))
                    .collect().asList()));
        } catch (Throwable failure) {
            // not flagged: the next round tries again (a suppression is recorded once)
            throw new IllegalStateException("bounced addresses not recorded: " + failure, failure);
        }
        LOG.infof("No more e-mail to %s: a delivery report says it failed for good", failed);
        return Outcome.SUPPRESSED;
    }

    /** Skips the scheduled rounds of a replica that does not read the bounce mailbox, or has no password for it. */
    @Singleton
    static class Disabled implements Scheduled.SkipPredicate {

        private final boolean enabled;

        Disabled(NotificationConfig config) {
            this.enabled = config.bounces().enabled() && config.bounces().password().isPresent();
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !enabled;
        }
    }
}
