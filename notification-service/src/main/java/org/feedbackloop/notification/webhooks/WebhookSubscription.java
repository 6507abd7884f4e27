package org.feedbackloop.notification.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An integrator's request to be told of some event types at a URL; deleted ones keep their delivery log. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(name = "owner_id")
    public String ownerId;

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    public List<String> eventTypes;

    public String description;

    /** The Standard Webhooks secret ({@code whsec_} + base64 key) that signs every delivery. */
    public String secret;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
