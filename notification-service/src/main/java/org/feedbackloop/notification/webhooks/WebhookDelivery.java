package org.feedbackloop.notification.webhooks;

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
import java.util.UUID;

/** One event for one subscription, and how its delivery went. {@code (subscriptionId, eventId)} is unique. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Schema(name = "WebhookDeliveryStatus", description = "How a webhook delivery went")
    public enum Status {
        /** Not attempted yet. */
        PENDING,
        /** The receiver answered 2xx. */
        SENT,
        /** An attempt failed; retried at {@code nextAttemptAt}. */
        FAILED,
        /** Given up: the last attempt failed, or the subscription was deleted. */
        DEAD
    }

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The CloudEvent (JSON) as it is sent. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
