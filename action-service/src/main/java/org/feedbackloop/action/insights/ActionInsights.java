package org.feedbackloop.action.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.action.domain.Names;

import java.time.Instant;
import java.util.List;

/**
 * How actions moved in a period, by team and over all teams: what was opened, closed, late, how fast, and the praise
 * passed on as kudos.
 */
@Schema(name = "ActionInsights", description = "Actions and their feedback in the period [from, to), and the praise "
        + "passed on as kudos, by team. Merged actions (and feedback still linked to them) count nowhere.")
public record ActionInsights(
        @Schema(description = "Start of the period, inclusive") Instant from,
        @Schema(description = "End of the period, exclusive") Instant to,
        @Schema(description = "The instant the figures were read; openNow and overdueNow are as of then") Instant generatedAt,
        @Schema(description = "By team name; a team with every figure zero is left out. Of more than "
                + TeamSummary.MAX_TEAMS + " teams, those with the most actions (opened, closed or open now; then the "
                + "most feedback items, then kudos; ties by name) are listed: total still covers every team",
                maxItems = TeamSummary.MAX_TEAMS) List<TeamInsights> teams,
        @Schema(description = "The same figures over all teams (percentiles over all samples, not averaged); team is null")
        TeamInsights total) {

    @Schema(name = "TeamActionInsights")
    public record TeamInsights(
            @Schema(examples = "billing", nullable = true, description = "Null in the total", pattern = Names.PATTERN,
                    maxLength = Names.MAX_LENGTH) String team,
            @Schema(description = "Actions created in the period",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long opened,
            @Schema(description = "Actions DONE or DECLINED with closedAt in the period",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long closed,
            @Schema(description = "Of those closed, the ones closed after their due date",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long closedLate,
            @Schema(description = "Actions open (OPEN, PLANNED or IN_PROGRESS) at generatedAt, whatever the period",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long openNow,
            @Schema(description = "Of those open now, the ones past their due date or inform-by date (as in "
                    + "/api/actions/summary)", minimum = Counts.MIN, maximum = Counts.LONG_MAX)
            long overdueNow,
            @Schema(nullable = true, examples = "0.25", description = "(closedLate + overdueNow) / (closed + openNow); "
                    + "null when closed + openNow is 0") Double overdueRate,
            @Schema(description = "closedAt − createdAt of the actions closed in the period") Durations timeToClose,
            @Schema(description = "closedAt of the action − receivedAt of each feedback (not silent) it tracks, over "
                    + "the actions closed in the period; negative for feedback that came after its action closed (a "
                    + "follow-up answer)") Durations feedbackToClose,
            @Schema(description = "Feedback (not silent: imported history is left out) received in the period and "
                    + "tracked by an action of the team",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long feedbackItems,
            @Schema(description = "Of those feedback items, the ones that were not the first linked to their action "
                    + "(another item, silent or not, was linked earlier; ties broken by feedback id): many customers "
                    + "saying the same thing",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long repeats,
            @Schema(description = "Praise passed to the team as kudos instead of becoming an action (GET /api/kudos), "
                    + "passedAt in the period; not silent: imported history is left out",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long kudosPassed) {
    }

    @Schema(name = "ActionDurations", description = "A distribution of durations: median and 90th percentile by linear "
            + "interpolation (PostgreSQL percentile_cont), rounded to whole seconds")
    public record Durations(
            @Schema(description = "How many durations",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long count,
            @Schema(nullable = true, examples = "86400", description = "Null when count is 0",
                    minimum = Durations.SHORTEST, maximum = Counts.LONG_MAX) Long medianSeconds,
            @Schema(nullable = true, examples = "432000", description = "Null when count is 0",
                    minimum = Durations.SHORTEST, maximum = Counts.LONG_MAX) Long p90Seconds) {

        static final Durations NONE = new Durations(0, null, null);
        /** A duration may be negative: feedback that came after its action closed (a follow-up answer) counts too. */
        static final String SHORTEST = "" + Long.MIN_VALUE;
    }
}
