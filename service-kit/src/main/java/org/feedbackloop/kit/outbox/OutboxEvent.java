package org.feedbackloop.kit.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/** An event waiting in the outbox; the relay publishes it and sets {@code published_at}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** The CloudEvent id, which consumers use as their idempotency key. */
    @Id
    public UUID id;

    @Column(name = "aggregate_id")
    public String aggregateId;

    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    public String traceparent;
}
