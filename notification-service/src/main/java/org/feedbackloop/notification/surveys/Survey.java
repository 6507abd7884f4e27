package org.feedbackloop.notification.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A question set: a score on a scale and the main reason for it, asked by invitation. */
@Entity
@Table(name = "survey")
public class Survey {

    @Id
    public UUID id;

    public String name;

    /** NPS (0–10) or CSAT (1–5). */
    public String scale;

    public String question;

    public String topic;

    @Column(name = "valid_for_days")
    public int validForDays;

    /** The routing key of the events after which it is asked by itself; null when asked by invitation only. */
    public String trigger;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    int lowest() {
        return "NPS".equals(scale) ? 0 : 1;
    }

    int highest() {
        return "NPS".equals(scale) ? 10 : 5;
    }
}
