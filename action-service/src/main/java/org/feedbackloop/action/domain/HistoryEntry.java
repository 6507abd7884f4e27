package org.feedbackloop.action.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.events.Lengths;

import java.time.Instant;
import java.util.UUID;

/** One change of an action: who, when, from what to what, the internal note and the public note. */
@Entity
@Table(name = "action_history")
public class HistoryEntry {

    /**
     * The longest from or to value: an owner id, as assignments and routing rules take it (the others are statuses,
     * priorities, clocks, UUIDs and instants).
     */
    public static final int LONGEST_VALUE = Lengths.PERSON_ID;

    @Schema(name = "HistoryKind", description = "What changed")
    public enum Kind {
        CREATED, FEEDBACK_LINKED, FEEDBACK_MOVED_OUT, TRANSITION, PROGRESS_POSTED, ASSIGNED, DUE_CHANGED, PRIORITY_RAISED,
        MERGED_FROM, MERGED_INTO, DEADLINE_APPROACHING, OVERDUE, ESCALATED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "action_id")
    public UUID actionId;

    public Instant at;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_name")
    public String actorName;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    public String note;

    @Column(name = "public_note")
    public String publicNote;

    public static HistoryEntry of(UUID actionId, Instant at, Actor actor, Kind kind, String from, String to) {
        var entry = new HistoryEntry();
        entry.actionId = actionId;
        entry.at = at;
        entry.actorId = actor.id();
        entry.actorName = actor.name();
        entry.kind = kind;
        entry.fromValue = from;
        entry.toValue = to;
        return entry;
    }

    public HistoryEntry withNotes(String note, String publicNote) {
        this.note = note;
        this.publicNote = publicNote;
        return this;
    }
}
