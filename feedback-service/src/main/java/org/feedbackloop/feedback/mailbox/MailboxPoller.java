package org.feedbackloop.feedback.mailbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.feedbackloop.events.TransientFailure;
import org.feedbackloop.feedback.config.FeedbackConfig;
import org.feedbackloop.kit.mailbox.ImapMailbox;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the feedback mailbox ({@link ImapMailbox}: one replica at a time, unseen messages oldest first, flagged only
 * once handled): each message a person wrote becomes feedback once ({@link MailIntake}). Exactly once: a message is
 * flagged only after its feedback committed, and its Message-ID is the submission's idempotency key, so a crash
 * between the two stores nothing twice. Runs on a worker thread: IMAP is blocking.
 */
@ApplicationScoped
public class MailboxPoller {

    /** What became of a message. */
    public enum Outcome {
        STORED, ALREADY_STORED, AUTOMATIC, BOUNCE, EMPTY, UNREADABLE, REFUSED
    }

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);
    private static final long LOCK = 0x6d61696c626f78L; // "mailbox"

    private final FeedbackConfig.Mailbox config;
    private final ImapMailbox mailbox;
    private final MailIntake intake;
    private final MeterRegistry metrics;

    MailboxPoller(FeedbackConfig config, AgroalDataSource database, MailIntake intake, MeterRegistry metrics) {
        this.config = config.mailbox();
        this.mailbox = new ImapMailbox(new ImapMailbox.Settings(this.config.host(), this.config.port(), this.config.tls(),
                this.config.username(), this.config.password(), this.config.folder(), this.config.batchSize()), database, LOCK);
        this.intake = intake;
        this.metrics = metrics;
    }

    @Scheduled(every = "${feedbackloop.feedback.mailbox.poll-interval}", skipExecutionIf = Disabled.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            poll();
        } catch (MessagingException | SQLException | RuntimeException e) {
            Counter.builder("mailbox.rounds.failed").description("Rounds that could not read the feedback mailbox")
                    .register(metrics).increment();
            LOG.warnf("The feedback mailbox %s@%s could not be read: %s", config.username(), config.host(), e.toString());
        }
    }

    /** One round: what became of each message read, in order; empty when another replica is reading. */
    public List<Outcome> poll() throws MessagingException, SQLException {
        return mailbox.readUnseen(message -> {
            var outcome = take(message);
            Counter.builder("mailbox.messages").description("Messages of the feedback mailbox read, by what became of them")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(metrics).increment();
            return outcome;
        });
    }

    private Outcome take(MimeMessage message) {
        IncomingMail mail;
        try {
            mail = MailReader.read(message);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            // flagged seen and left in the mailbox for a person: reading it again would fail the same way
            LOG.warnf("A message of the feedback mailbox cannot be read and is left there: %s", unreadable.toString());
            return Outcome.UNREADABLE;
        }
        return switch (mail.kind()) {
            case AUTOMATIC -> Outcome.AUTOMATIC;
            case BOUNCE -> Outcome.BOUNCE;
            case PERSONAL -> mail.text().isBlank() ? Outcome.EMPTY : store(mail);
        };
    }

    private Outcome store(IncomingMail mail) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> intake.store(mail))
                    ? Outcome.STORED : Outcome.ALREADY_STORED;
        } catch (Throwable failure) {
            if (TransientFailure.test(failure)) {
                // not flagged: the next round tries again, and the idempotency key keeps it to one item
                throw new IllegalStateException("feedback from the mailbox not stored: " + failure, failure);
            }
            // no retry would store it: flagged and left for a person, so that the messages after it are not held up
            LOG.errorf(failure, "A message of the feedback mailbox (%s) was refused and is left there", mail.messageId());
            return Outcome.REFUSED;
        }
    }

    /** Skips the scheduled rounds of a replica that does not read the mailbox, or has no password for it. */
    @Singleton
    static class Disabled implements Scheduled.SkipPredicate {

        private final boolean enabled;

        Disabled(FeedbackConfig config) {
            this.enabled = config.mailbox().enabled() && config.mailbox().password().isPresent();
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !enabled;
        }
    }
}
