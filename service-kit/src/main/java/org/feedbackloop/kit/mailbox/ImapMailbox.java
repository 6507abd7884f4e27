package org.feedbackloop.kit.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * A mailbox read over IMAP in rounds, by one replica at a time (a PostgreSQL advisory lock held for the round; the
 * others skip theirs). Each round reads the messages not yet seen, oldest first, hands each to the service, and
 * flags it seen only once the service has returned: reading does not flag (IMAP peek), so a round that dies leaves
 * the rest for the next one. A service that throws ends the round there, that message unflagged. Blocking: call it
 * from a worker thread. Needs Angus Mail on the service's classpath.
 */
public final class ImapMailbox {

    /** Where the mailbox is; without a password it is not read. */
    public record Settings(String host, int port, boolean tls, String username, Optional<String> password,
                           String folder, int batchSize) {
    }

    private final Settings settings;
    private final DataSource database;
    private final long lock;

    /** @param lock the advisory lock's key: one per mailbox, the same on every replica */
    public ImapMailbox(Settings settings, DataSource database, long lock) {
        this.settings = settings;
        this.database = database;
        this.lock = lock;
    }

    /** One round: what the service made of each message read, in order; empty when another replica is reading. */
    public <R> List<R> readUnseen(Function<MimeMessage, R> take) throws MessagingException, SQLException {
        try (var connection = database.getConnection()) {
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return List.of();
            }
            try {
                return read(take);
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        }
    }

    private <R> List<R> read(Function<MimeMessage, R> take) throws MessagingException {
        var protocol = settings.tls() ? "imaps" : "imap";
        var properties = new Properties();
        properties.put("mail." + protocol + ".peek", "true"); // reading a message must not flag it seen
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".writetimeout", "30000");
        if (settings.tls()) {
            properties.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        try (var store = Session.getInstance(properties).getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password().orElse(""));
            var folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                var unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                var outcomes = new ArrayList<R>();
                for (var message : Arrays.copyOf(unseen, Math.min(unseen.length, settings.batchSize()))) {
                    outcomes.add(take.apply((MimeMessage) message));
                    message.setFlag(Flags.Flag.SEEN, true);
                }
                return outcomes;
            } finally {
                folder.close(false);
            }
        }
    }

    private boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (var statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, lock);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
