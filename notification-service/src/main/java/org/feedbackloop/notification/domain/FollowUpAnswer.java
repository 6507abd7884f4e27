package org.feedbackloop.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A contributor's answer to "did this solve it?": one per original feedback, the first one counts. */
@Entity
@Table(name = "follow_up_answer")
public class FollowUpAnswer {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "action_id")
    public UUID actionId;

    public boolean solved;

    @Column(name = "answered_at")
    public Instant answeredAt;
}
