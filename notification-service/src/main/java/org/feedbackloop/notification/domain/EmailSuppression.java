package org.feedbackloop.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.feedbackloop.events.FeedbackErased;

import java.time.Instant;

/**
 * An address that unsubscribed, or to which mail failed for good: no e-mail goes there any more. The address of a
 * person whose data was erased is kept only in its {@link #hashed} form, which suppresses it just the same.
 */
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
    /** What an erased person's address is kept as, here and in survey invitations: {@code sha256:<hex>}. */
    public static final String HASHED_PREFIX = "sha256:";

    /** The form an address is kept in once its person's data was erased (feedback.erased names it by this hash). */
    public static String hashed(String address) {
        return HASHED_PREFIX + FeedbackErased.hashOf(address);
    }
}
