package org.feedbackloop.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the three databases and the mail sink hold about one burst, read directly: the ground truth behind the
 * promise that every accepted submission is stored once, tracked by one action and acknowledged once per channel.
 */
final class Ledger {

    /** The state of one burst's submissions across the suite. */
    /**
     * {@code doubledAcknowledgements} counts a second acknowledgement in the database or a second distinct
     * "thank you" in someone's mailbox; {@code emailsReceived} the contributors whose mailbox holds theirs.
     */
    record Count(int accepted, int lost, int duplicated, int unlinked, int inconsistentLinks,
                 int missingAcknowledgements, int doubledAcknowledgements, int emailsReceived, int emailsResent) {

        boolean settled() {
            return lost == 0 && unlinked == 0 && inconsistentLinks == 0 && missingAcknowledgements == 0
                    && emailsReceived >= accepted;
        }

        /** Every accepted submission stored once, tracked by one action, acknowledged once in the inbox and by e-mail. */
        void assertWhole(String during) {
            assertThat(lost).as("accepted but not stored, " + during).isZero();
            assertThat(duplicated).as("stored twice, " + during).isZero();
            assertThat(unlinked).as("not tracked by an action, " + during).isZero();
            assertThat(inconsistentLinks).as("feedback-service and action-service disagree on the action, " + during).isZero();
            assertThat(missingAcknowledgements).as("acknowledgements missing, " + during).isZero();
            assertThat(doubledAcknowledgements).as("acknowledgements doubled, " + during).isZero();
            assertThat(emailsReceived).as("contributors with their acknowledgement e-mail, " + during).isEqualTo(accepted);
        }
    }

    /**
     * Waits until every accepted submission of the burst is stored, tracked and acknowledged (at most {@code limit}),
     * then until anything doubled would have arrived, and counts again.
     */
    static Count settled(String prefix, Map<String, String> accepted, Duration limit, String during) {
        Await.until("every accepted submission stored, tracked and acknowledged " + during, limit,
                () -> countNow(prefix, accepted), Count::settled);
        Settle.awaitEverythingBefore();
        return countNow(prefix, accepted);
    }

    private static Count countNow(String prefix, Map<String, String> accepted) {
        try {
            return count(prefix, accepted);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Ledger() {
    }

    /**
     * @param prefix   the burst's marker prefix (each text holds {@code <prefix>-<n>})
     * @param accepted marker → feedback id, for every submission that was answered 201
     */
    static Count count(String prefix, Map<String, String> accepted) throws SQLException {
        var stored = storedItems(prefix);
        int lost = 0;
        int duplicated = 0;
        for (var entry : stored.entrySet()) {
            if (entry.getValue().size() > 1) {
                duplicated++;
            }
        }
        var acceptedIds = new ArrayList<UUID>();
        for (var entry : accepted.entrySet()) {
            var ids = stored.getOrDefault(entry.getKey(), List.of());
            if (!ids.contains(entry.getValue())) {
                lost++;
            }
            acceptedIds.add(UUID.fromString(entry.getValue()));
        }
        var feedbackSide = feedbackActionIds(acceptedIds);
        var actionSide = linkedActions(acceptedIds);
        int unlinked = 0;
        int inconsistent = 0;
        for (var id : acceptedIds) {
            var action = actionSide.get(id);
            if (action == null) {
                unlinked++;
            } else if (!action.equals(feedbackSide.get(id))) {
                inconsistent++;
            }
        }
        var acknowledgements = acknowledgements(acceptedIds);
        int missing = 0;
        int doubled = 0;
        int mailed = 0;
        int resent = 0;
        for (var entry : accepted.entrySet()) {
            var id = UUID.fromString(entry.getValue());
            for (var channel : List.of("IN_APP", "EMAIL")) {
                var count = acknowledgements.getOrDefault(id + "/" + channel, List.of()).size();
                if (count == 0) {
                    missing++;
                } else if (count > 1) {
                    doubled++;
                }
            }
            var email = acknowledgements.getOrDefault(id + "/EMAIL", List.of());
            if (email.size() == 1) {
                var copies = mailedCopies(Burst.contactEmail(entry.getKey()), email.getFirst());
                mailed += Math.min(copies, 1);
                resent += Math.max(copies - 1, 0);
            }
        }
        return new Count(accepted.size(), lost, duplicated, unlinked, inconsistent, missing, doubled, mailed, resent);
    }

    /** marker → ids of the items whose text holds it */
    private static Map<String, List<String>> storedItems(String prefix) throws SQLException {
        var marker = Pattern.compile(Pattern.quote(prefix) + "-\\d+\\b");
        var stored = new HashMap<String, List<String>>();
        try (var db = connect("feedback-service");
             var query = db.prepareStatement("select id, text from feedback where text like ?")) {
            query.setString(1, "%" + prefix + "-%");
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var found = marker.matcher(rows.getString("text"));
                    if (found.find()) {
                        stored.computeIfAbsent(found.group(), m -> new ArrayList<>()).add(rows.getString("id"));
                    }
                }
            }
        }
        return stored;
    }

    private static Map<UUID, UUID> feedbackActionIds(Collection<UUID> ids) throws SQLException {
        return pairs("feedback-service", "select id, action_id from feedback where id = any(?)", ids);
    }

    private static Map<UUID, UUID> linkedActions(Collection<UUID> ids) throws SQLException {
        return pairs("action-service", "select feedback_id, action_id from feedback_item where feedback_id = any(?)"
                + " and action_id is not null", ids);
    }

    private static Map<UUID, UUID> pairs(String service, String sql, Collection<UUID> ids) throws SQLException {
        var pairs = new HashMap<UUID, UUID>();
        try (var db = connect(service); var query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    pairs.put(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
                }
            }
        }
        return pairs;
    }

    /** "feedbackId/channel" → the acknowledgements that reached that channel (an e-mail counts once sent) */
    private static Map<String, List<String>> acknowledgements(Collection<UUID> ids) throws SQLException {
        var found = new HashMap<String, List<String>>();
        try (var db = connect("notification-service");
             var query = db.prepareStatement("select f, channel, id from notification, unnest(feedback_ids) f"
                     + " where kind = 'ACKNOWLEDGED' and f = any(?) and (channel <> 'EMAIL' or status = 'SENT')")) {
            query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    found.computeIfAbsent(rows.getObject(1, UUID.class) + "/" + rows.getString(2), k -> new ArrayList<>())
                            .add(rows.getString(3));
                }
            }
        }
        return found;
    }

    /**
     * How many messages in the mailbox carry the notification (each names the notifications it holds in a header;
     * one message may hold several). SMTP has no idempotency: a crash between the server's acceptance and the row's
     * update sends the same notification again, which the receiver can tell by the id.
     */
    private static int mailedCopies(String address, String notificationId) {
        var header = Pattern.compile("X-Feedbackloop-Notification: *([0-9a-f, -]+)");
        int copies = 0;
        for (var message : MailSink.messages(address)) {
            var unfolded = message.path("mimeMessage").asText().replaceAll("\\r?\\n[ \\t]+", " ");
            var ids = header.matcher(unfolded);
            if (ids.find() && Pattern.compile(" *, *").splitAsStream(ids.group(1).strip()).anyMatch(notificationId::equals)) {
                copies++;
            }
        }
        return copies;
    }

    static Connection connect(String service) throws SQLException {
        var database = Suite.database(service);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Suite.env("DB_PORT", "5432") + "/"
                + database + "?connectTimeout=5&socketTimeout=30", database, database);
    }
}
