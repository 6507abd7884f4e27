package org.feedbackloop.action.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * Feedback as triage received it (from {@code feedback.received}), and the action that tracks it, or, for praise, the
 * team it was passed to as kudos (no action then, unless staff open one for it later). An update writes
 * only the columns it changed: a link or move of an item loaded before an erasure committed must not write its
 * words, contact or vector back ({@code privacy.Erasure}).
 */
@Entity
@DynamicUpdate
@Table(name = "feedback_item")
public class FeedbackItem {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "action_id")
    public UUID actionId;

    public String text;

    public String topic;

    public double sentiment;

    @Column(name = "rating_scale")
    public String ratingScale;

    @Column(name = "rating_score")
    public Integer ratingScore;

    public String channel;

    @Column(name = "contributor_id")
    public String contributorId;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "consent_to_contact")
    public boolean consentToContact;

    /** Imported history that its contributor is not told about: no clock to tell them runs for it. */
    public boolean silent;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "linked_at")
    public Instant linkedAt;

    /** For praise that triage passed on as kudos instead of opening an action: the team it was passed to. */
    @Column(name = "kudos_team")
    public String kudosTeam;

    /** When triage passed it on as kudos. */
    @Column(name = "kudos_at")
    public Instant kudosAt;

    /** What it is about (unit length, 384 dimensions), from feedback-service's sentence model; null before the model. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public float[] problem;

    /** NPS 0–6 or CSAT 1–2: they should hear back sooner (ARCHITECTURE: the inform clock). */
    public boolean isDetractor() {
        return RatingBand.of(ratingScale, ratingScore) == RatingBand.DETRACTOR;
    }

    /** Who to count once among an action's contributors: the person, or the address of an imported contributor. */
    public String contributorKey() {
        if (contributorId != null) {
            return contributorId;
        }
        return contactEmail != null ? "email:" + contactEmail.toLowerCase() : "feedback:" + feedbackId;
    }
}
