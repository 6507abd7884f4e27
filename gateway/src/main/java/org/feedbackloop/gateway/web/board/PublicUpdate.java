package org.feedbackloop.gateway.web.board;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of the public "you said, we did" board: what changed, never who asked for it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublicUpdate(UUID actionId, String title, String team, String topic, String status, String publicNote,
                           Instant completedAt, Instant updatedAt, int contributorCount, int meTooCount) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<PublicUpdate> items, String nextCursor) {
    }

    public boolean open() {
        return !"DONE".equals(status) && !"DECLINED".equals(status);
    }

    /** The moment to show: completion for done items, the latest change for open ones. */
    public Instant when() {
        return completedAt != null ? completedAt : updatedAt;
    }

    public String statusLabel() {
        return switch (status == null ? "" : status) {
            case "DONE" -> "Done";
            case "DECLINED" -> "Decided against";
            case "PLANNED" -> "Planned";
            case "IN_PROGRESS" -> "In progress";
            case "OPEN" -> "Open";
            default -> status;
        };
    }

    public boolean topicDiffersFromTeam() {
        return topic != null && !topic.equals(team);
    }

    public int voices() {
        return contributorCount + meTooCount;
    }
}
