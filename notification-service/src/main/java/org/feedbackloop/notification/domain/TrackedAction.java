package org.feedbackloop.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What contributors are told about an action, kept from action.* events. */
@Entity
@Table(name = "tracked_action")
public class TrackedAction {

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    public String title;

    public String team;

    @Column(name = "owner_id")
    public String ownerId;

    public String status;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "public_note")
    public String publicNote;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When it became DONE; null while it is not. */
    @Column(name = "completed_at")
    public Instant completedAt;
}
