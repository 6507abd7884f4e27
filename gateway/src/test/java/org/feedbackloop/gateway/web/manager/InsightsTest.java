package org.feedbackloop.gateway.web.manager;

import org.feedbackloop.gateway.web.console.TrackedAction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InsightsTest {

    @Test
    void countsOpenOverdueAndEscalatedByTeam() {
        var now = Instant.now();
        var toldManagers = UUID.randomUUID();
        var actions = List.of(
                action(UUID.randomUUID(), "billing", now.plus(Duration.ofDays(3)), false),
                action(UUID.randomUUID(), "billing", now.minus(Duration.ofDays(2)), true),
                action(toldManagers, "delivery", now.minus(Duration.ofHours(1)), true),
                action(UUID.randomUUID(), "delivery", now.plus(Duration.ofDays(1)), false));

        var teams = Insights.byTeam(actions, Set.of(toldManagers));

        assertThat(teams).containsExactly(new Insights.TeamCounts("billing", 2, 1, 1),
                new Insights.TeamCounts("delivery", 2, 1, 1));
    }

    private static TrackedAction action(UUID id, String team, Instant dueAt, boolean overdue) {
        var now = Instant.now();
        return new TrackedAction(id, "t", team, team, null, "IN_PROGRESS", "P3", dueAt, null, overdue, null, 1, 1,
                now, now, null, 1, null, null, null);
    }
}
