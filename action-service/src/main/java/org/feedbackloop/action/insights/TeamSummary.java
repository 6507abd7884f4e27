package org.feedbackloop.action.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.action.domain.Names;

import java.time.Instant;
import java.util.List;

/** The counts a manager watches, per team, at one instant. */
@Schema(name = "ActionSummary")
public record TeamSummary(
        @Schema(description = "By team name: the " + TeamSummary.MAX_TEAMS + " teams with the most open actions (ties "
                + "by name), if more have any", maxItems = TeamSummary.MAX_TEAMS)
        List<Team> teams,
        Instant generatedAt) {

    /** The most teams a summary or an insights answer lists: those with the most actions. */
    public static final int MAX_TEAMS = 100;

    @Schema(name = "TeamCounts")
    public record Team(
            @Schema(examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String team,
            @Schema(description = "OPEN, PLANNED or IN_PROGRESS",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long open,
            @Schema(description = "Open and past either clock (fix or inform)",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long overdue,
            @Schema(description = "Open and escalated to managers (a missed clock or repeats)",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long escalated) {
    }
}
