package org.feedbackloop.gateway.web.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One notification of the person's inbox, as notification-service shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InboxEntry(UUID id, String kind, String title, String body, UUID actionId, List<UUID> feedbackIds,
                         JsonNode data, Instant createdAt, Instant readAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<InboxEntry> items, String nextCursor, long unread) {
    }

    public boolean unread() {
        return readAt == null;
    }

    public boolean concerns(UUID feedbackId) {
        return feedbackIds != null && feedbackIds.contains(feedbackId);
    }

    /** The contributor's own words the notification quotes, if any. */
    public String quote() {
        return text("quote");
    }

    public String status() {
        return text("status");
    }

    public boolean youSaidWeDid() {
        return "YOU_SAID_WE_DID".equals(kind);
    }

    public String kindLabel() {
        return switch (kind == null ? "" : kind) {
            case "ACKNOWLEDGED" -> "Received";
            case "TRACKED" -> "Tracked";
            case "YOU_SAID_WE_DID" -> "You said, we did";
            case "PROGRESS" -> "Progress";
            case "DUE_CHANGED" -> "New date";
            case "ASSIGNED" -> "Assigned";
            case "DEADLINE_APPROACHING" -> "Deadline soon";
            case "OVERDUE" -> "Overdue";
            case "ESCALATED" -> "Escalated";
            case "FOLLOW_UP_NOT_SOLVED" -> "Not solved";
            case "SILENCE_DETECTED" -> "Gone quiet";
            case "SURVEY_INVITATION" -> "Survey";
            case "KUDOS_PASSED" -> "Passed on";
            case "KUDOS" -> "Kudos";
            case "STORIES" -> "Stories of the week";
            default -> "Update";
        };
    }

    private String text(String field) {
        return data != null && data.hasNonNull(field) ? data.get(field).asText() : null;
    }
}
