package org.feedbackloop.action.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Something the organisation does because customers spoke: an owner, a status, and two clocks. */
@Entity
@Table(name = "action")
public class Action {

    @Id
    public UUID id;

    public String title;

    public String topic;

    public String team;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_name")
    public String ownerName;

    @Enumerated(EnumType.STRING)
    public ActionStatus status;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    /** The fix clock. */
    @Column(name = "due_at")
    public Instant dueAt;

    /** The inform clock: null when every contributor has heard something substantive. */
    @Column(name = "inform_by")
    public Instant informBy;

    /** Written by staff; null until then. Customers read {@link #titleForCustomers()}. */
    @Column(name = "public_title")
    public String publicTitle;

    @Column(name = "public_note")
    public String publicNote;

    @Column(name = "last_public_update_at")
    public Instant lastPublicUpdateAt;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "feedback_count")
    public int feedbackCount;

    @Column(name = "contributor_count")
    public int contributorCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "repeats_escalated_at")
    public Instant repeatsEscalatedAt;

    // What the deadline scheduler already announced for the current value of each clock (internal).
    @Column(name = "fix_reminded_for")
    public Instant fixRemindedFor;

    @Column(name = "fix_overdue_for")
    public Instant fixOverdueFor;

    @Column(name = "fix_escalated_for")
    public Instant fixEscalatedFor;

    @Column(name = "inform_reminded_for")
    public Instant informRemindedFor;

    @Column(name = "inform_overdue_for")
    public Instant informOverdueFor;

    @Column(name = "inform_escalated_for")
    public Instant informEscalatedFor;

    @Version
    public int version;

    public boolean isOverdue(Instant now) {
        return status.isOpen() && (dueAt.isBefore(now) || informBy != null && informBy.isBefore(now));
    }

    /** The title contributors and the public read: never the words of the feedback that opened the action. */
    public String titleForCustomers() {
        return publicTitle != null ? publicTitle : Titles.neutral(topic);
    }
}
