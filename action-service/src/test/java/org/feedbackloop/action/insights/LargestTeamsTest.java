package org.feedbackloop.action.insights;

import org.feedbackloop.kit.http.Period;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Of more teams than an answer lists, the insights keep those with the most actions, by name; the total keeps all. */
class LargestTeamsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void theTeamsWithTheMostActionsAreListedByNameAndTheTotalCoversAll() {
        int teams = TeamSummary.MAX_TEAMS + 5;
        var actionRows = new ArrayList<Object[]>();
        // team-000 opened 1 action, team-001 2, …: the five smallest are left out
        IntStream.range(0, teams).forEach(i -> actionRows.add(row("team-%03d".formatted(i), 0, i + 1)));
        long all = (long) teams * (teams + 1) / 2;
        actionRows.add(row(null, 1, all));
        // a team with feedback only (its actions closed before the period) is smaller than any with actions
        var feedbackRows = List.<Object[]>of(new Object[]{"quiet", 0, 0L, null, null, 3L, 0L});

        var insights = ActionInsightsResource.insights(new Period(NOW.minusSeconds(86_400), NOW), NOW, actionRows,
                feedbackRows, List.of());

        assertThat(insights.teams()).hasSize(TeamSummary.MAX_TEAMS);
        assertThat(insights.teams()).extracting(ActionInsights.TeamInsights::team)
                .isSorted()
                .doesNotContain("quiet", "team-000", "team-004")
                .contains("team-005", "team-%03d".formatted(teams - 1));
        assertThat(insights.total().opened()).isEqualTo(all);
    }

    private static Object[] row(String team, int grouping, long opened) {
        return new Object[]{team, grouping, opened, 0L, 0L, 0L, 0L, null, null};
    }
}
