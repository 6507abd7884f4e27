package org.feedbackloop.action.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The counts a manager watches, per team, at one instant. */
@Schema(name = "ActionSummary")
public record TeamSummary(List<Team> teams, Instant generatedAt) {

    @Schema(name = "TeamCounts")
    public record Team(
            @Schema(examples = "billing") String team,
            @Schema(description = "OPEN, PLANNED or IN_PROGRESS") long open,
            @Schema(description = "Open and past either clock (fix or inform)") long overdue,
            @Schema(description = "Open and escalated to managers (a missed clock or repeats)") long escalated) {
    }
}
