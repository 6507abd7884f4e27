package org.feedbackloop.action.api;

import org.feedbackloop.kit.openapi.Counts;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.board.PublicUpdate;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.domain.Titles;

import java.time.Instant;
import java.util.UUID;

/**
 * An action as the public board shows it. This record is the whole of what the public sees: never a
 * contributor's identity or words, never the owner, never an internal note.
 */
@Schema(name = "PublicUpdate", description = "\"You said, we did\": an action customers asked for, and what was done")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicUpdateView(
        UUID actionId,
        @Schema(examples = "Refunds take too long", maxLength = Titles.LONGEST) String title,
        @Schema(examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String team,
        @Schema(examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String topic,
        @Schema(description = "DONE, or OPEN, PLANNED or IN_PROGRESS") ActionStatus status,
        @Schema(description = "For DONE: the note of its completion; otherwise the latest public note",
                examples = "Refunds now reach your account within 3 days.", maxLength = ActionRequests.LONGEST_NOTE)
        String publicNote,
        @Schema(description = "When it was done (DONE only)") Instant completedAt,
        @Schema(description = "When its latest public note was posted") Instant updatedAt,
        @Schema(description = "How many different people are behind it: their feedback, or their \"me too\"",
                minimum = Counts.MIN, maximum = Counts.INT_MAX) int contributorCount,
        @Schema(description = "How many customers said \"me too\"",
                minimum = Counts.MIN, maximum = Counts.INT_MAX) int meTooCount) {

    static PublicUpdateView of(PublicUpdate update) {
        var a = update.action();
        return new PublicUpdateView(a.id, a.titleForCustomers(), a.team, a.topic, a.status, a.publicNote,
                a.status == ActionStatus.DONE ? a.closedAt : null, a.lastPublicUpdateAt,
                update.contributorCount(), update.meTooCount());
    }
}
