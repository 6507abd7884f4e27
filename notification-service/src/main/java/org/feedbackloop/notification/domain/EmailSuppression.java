package org.feedbackloop.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An address that unsubscribed, or to which mail failed for good: no e-mail goes there any more. */
@Entity
@Table(name = "email_suppression")
public class EmailSuppression {

    @Id
    public String email;

    @Column(name = "created_at")
    public Instant createdAt;

    public String reason;

    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";
    public static final String BOUNCED = "BOUNCED";
}
