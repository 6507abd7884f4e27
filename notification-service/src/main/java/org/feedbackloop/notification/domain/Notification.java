package org.feedbackloop.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message to one recipient on one channel because of one event. {@code (sourceEventId, recipient, channel)}
 * is unique: the exactly-once guarantee.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Schema(name = "NotificationChannel")
    public enum Channel { EMAIL, IN_APP }

    @Schema(name = "NotificationStatus", description = "Where a notification is in its delivery")
    public enum Status {
        /** Waiting to be sent (e-mail). */
        PENDING,
        /** Delivered: stored in the inbox, or accepted by the mail server. */
        SENT,
        /** A send failed; retried at {@code nextAttemptAt}. */
        FAILED,
        /** Given up after the maximum number of attempts. */
        DEAD,
        /** Not sent on purpose: no consent, channel switched off, or the address unsubscribed. */
        SUPPRESSED
    }

    @Id
    public UUID id;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    public String recipient;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "user_id")
    public String userId;

    public String email;

    @Column(name = "action_id")
    public UUID actionId;

    /** Kept whole: erasure and insights find a notification by any of its items; answers show the first ones. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "feedback_ids")
    public List<UUID> feedbackIds;

    public String title;

    public String body;

    /** Details for templates and clients (JSON object): quote, public note, status, due date... */
    @JdbcTypeCode(SqlTypes.JSON)
    public String data;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "read_at")
    public Instant readAt;

    /**
     * The most feedback ids an answer shows of one notification. A message to a contributor names their items on one
     * action, a digest the items it quotes: a few, but nothing else bounds them.
     */
    public static final int MAX_SHOWN_FEEDBACK_IDS = 100;
    /** How an answer's schema describes what it shows of {@link #feedbackIds}. */
    public static final String SHOWN_FEEDBACK_IDS = "the first " + MAX_SHOWN_FEEDBACK_IDS + " at most, in the order "
            + "they were recorded";

    /** The first {@link #MAX_SHOWN_FEEDBACK_IDS} of {@link #feedbackIds}, as answers show them; null when none are. */
    public List<UUID> shownFeedbackIds() {
        return feedbackIds == null || feedbackIds.size() <= MAX_SHOWN_FEEDBACK_IDS ? feedbackIds
                : List.copyOf(feedbackIds.subList(0, MAX_SHOWN_FEEDBACK_IDS));
    }

    /** Whether {@link #shownFeedbackIds} leaves some out. */
    public boolean feedbackIdsCut() {
        return feedbackIds != null && feedbackIds.size() > MAX_SHOWN_FEEDBACK_IDS;
    }
}
