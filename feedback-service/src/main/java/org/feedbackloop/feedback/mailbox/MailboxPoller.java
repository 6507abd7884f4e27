package org.feedbackloop.feedback.mailbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.feedbackloop.events.TransientFailure;
import org.feedbackloop.feedback.config.FeedbackConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads the feedback mailbox over IMAP: every message not yet seen, oldest first, becomes feedback once
 * ({@link MailIntake}), then is flagged seen. Exactly once: a message is flagged only after its feedback committed,
 * and its Message-ID is the submission's idempotency key, so a crash between the two stores nothing twice; reading
 * does not flag (IMAP peek). One replica reads at a time (a PostgreSQL advisory lock held for the round); the
 * others skip their turn. Runs on a worker thread: IMAP is blocking.
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
    private final AgroalDataSource database;
    private final MailIntake intake;
    private final MeterRegistry metrics;

    MailboxPoller(FeedbackConfig config, AgroalDataSource database, MailIntake intake, MeterRegistry metrics) {
        this.config = config.mailbox();
        this.database = database;
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
        try (var lock = database.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                return List.of();
            }
            try {
                return readUnseen();
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        }
    }

    private List<Outcome> readUnseen() throws MessagingException {
        var protocol = config.tls() ? "imaps" : "imap";
        var properties = new Properties();
        properties.put("mail." + protocol + ".peek", "true"); // reading a message must not flag it seen
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".writetimeout", "30000");
        if (config.tls()) {
            properties.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        try (var store = Session.getInstance(properties).getStore(protocol)) {
            store.connect(config.host(), config.port(), config.username(), config.password().orElse(""));
            var folder = store.getFolder(config.folder());
            folder.open(Folder.READ_WRITE);
            try {
                var unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                var outcomes = new ArrayList<Outcome>();
                for (var message : Arrays.copyOf(unseen, Math.min(unseen.length, config.batchSize()))) {
                    var outcome = take(message);
                    message.setFlag(Flags.Flag.SEEN, true);
                    Counter.builder("mailbox.messages").description("Messages of the feedback mailbox read, by what became of them")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(metrics).increment();
                    outcomes.add(outcome);
                }
                return outcomes;
            } finally {
                folder.close(false);
            }
        }
    }

    private Outcome take(Message message) {
        IncomingMail mail;
        try {
            mail = MailReader.read((MimeMessage) message);
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

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (var statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
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
