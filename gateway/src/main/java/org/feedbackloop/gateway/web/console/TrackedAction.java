package org.feedbackloop.gateway.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.feedbackloop.gateway.web.shared.TextFormats;
import org.feedbackloop.gateway.web.shared.TimeFormats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An action as action-service shows it to staff; {@code history} only in the detail view. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrackedAction(UUID id, String title, String topic, String team, Person owner, String status,
                            String priority, Instant dueAt, Instant informBy, boolean overdue, String publicNote,
                            int feedbackCount, int contributorCount, Instant createdAt, Instant updatedAt,
                            Instant closedAt, int version, Boolean escalated, List<HistoryEntry> history,
                            String titleForCustomers) {

    /** Mirrors action-service's defaults (ESCALATE_AFTER 24 h, REPEATS_THRESHOLD 5) where it does not say itself. */
    static final Duration ESCALATE_AFTER = Duration.ofHours(24);
    static final int REPEATS_THRESHOLD = 5;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(Instant at, Person actor, String kind, String from, String to, String note,
                               String publicNote) {

        public String kindLabel() {
            return switch (kind == null ? "" : kind) {
                case "CREATED" -> "Opened";
                case "FEEDBACK_LINKED" -> "Feedback linked";
                case "FEEDBACK_MOVED_OUT" -> "Feedback moved out";
                case "TRANSITION" -> "Status changed";
                case "PROGRESS_POSTED" -> "Progress told";
                case "ASSIGNED" -> "Assigned";
                case "DUE_CHANGED" -> "Due date changed";
                case "PRIORITY_RAISED" -> "Priority raised";
                case "MERGED_FROM" -> "Merged in";
                case "MERGED_INTO" -> "Merged into another";
                case "DEADLINE_APPROACHING" -> "Deadline near";
                case "OVERDUE" -> "Overdue";
                case "ESCALATED" -> "Escalated";
                default -> kind;
            };
        }

        /** What changed, in words, where the entry says it plainly (ids of people or actions are left out). */
        public String change() {
            return switch (kind == null ? "" : kind) {
                case "CREATED", "TRANSITION", "PRIORITY_RAISED" -> from == null ? words(to) : words(from) + " → " + words(to);
                case "DUE_CHANGED" -> day(from) + " → " + day(to);
                case "ESCALATED", "OVERDUE", "DEADLINE_APPROACHING" -> to == null ? null : words(to);
                default -> null;
            };
        }

        private static String words(String code) {
            return TextFormats.words(code);
        }

        private static String day(String instant) {
            try {
                return TimeFormats.date(Instant.parse(instant));
            } catch (RuntimeException e) {
                return instant == null ? "none" : instant;
            }
        }

        public String actorName() {
            return actor == null || actor.name() == null ? "the system" : actor.name();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<TrackedAction> items, String nextCursor) {
    }

    /** The same action with what is known about its escalation. */
    public TrackedAction withEscalated(boolean value) {
        return new TrackedAction(id, title, topic, team, owner, status, priority, dueAt, informBy, overdue, publicNote,
                feedbackCount, contributorCount, createdAt, updatedAt, closedAt, version, value, history, titleForCustomers);
    }

    /** The name contributors read (never another customer's words); the staff title when the service does not say. */
    public String customerTitle() {
        return titleForCustomers != null ? titleForCustomers : title;
    }

    /** Only these can have been escalated: past a deadline, or asked for by many. */
    public boolean mayBeEscalated() {
        return open() && (overdue || feedbackCount >= REPEATS_THRESHOLD);
    }

    public boolean topicDiffersFromTeam() {
        return topic != null && !topic.equals(team);
    }

    public boolean open() {
        return "OPEN".equals(status) || "PLANNED".equals(status) || "IN_PROGRESS".equals(status);
    }

    /**
     * Escalated to managers: what action-service says when it says it, else its history, else its rules (repeats
     * past the threshold, or either clock missed by more than a day).
     */
    public boolean isEscalated() {
        if (escalated != null) {
            return escalated;
        }
        if (history != null) {
            return history.stream().anyMatch(entry -> "ESCALATED".equals(entry.kind()));
        }
        return escalatedByRule(Instant.now());
    }

    boolean escalatedByRule(Instant now) {
        if (!open()) {
            return false;
        }
        var late = now.minus(ESCALATE_AFTER);
        return feedbackCount >= REPEATS_THRESHOLD
                || (dueAt != null && dueAt.isBefore(late))
                || (informBy != null && informBy.isBefore(late));
    }

    public String ownerName() {
        return owner == null || owner.name() == null ? "Unassigned" : owner.name();
    }

    public boolean ownedBy(String subject) {
        return owner != null && subject != null && subject.equals(owner.id());
    }

    public String statusLabel() {
        return switch (status == null ? "" : status) {
            case "OPEN" -> "Open";
            case "PLANNED" -> "Planned";
            case "IN_PROGRESS" -> "In progress";
            case "DONE" -> "Done";
            case "DECLINED" -> "Declined";
            case "MERGED" -> "Merged";
            default -> status;
        };
    }

    /** The workflow's next steps from here: OPEN → PLANNED → IN_PROGRESS → DONE, DECLINED from any open state. */
    public List<String> nextStatuses() {
        var next = new ArrayList<String>();
        switch (status == null ? "" : status) {
            case "OPEN" -> next.add("PLANNED");
            case "PLANNED" -> next.add("IN_PROGRESS");
            case "IN_PROGRESS" -> next.add("DONE");
            default -> {
                return List.of();
            }
        }
        next.add("DECLINED");
        return next;
    }

    /** History newest first, as people read a log. */
    public List<HistoryEntry> historyNewestFirst() {
        if (history == null) {
            return List.of();
        }
        return history.reversed();
    }
}
