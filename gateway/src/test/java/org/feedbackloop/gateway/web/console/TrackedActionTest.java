package org.feedbackloop.gateway.web.console;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedActionTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void offersTheWorkflowsNextSteps() {
        assertThat(action("OPEN").nextStatuses()).containsExactly("PLANNED", "DECLINED");
        assertThat(action("PLANNED").nextStatuses()).containsExactly("IN_PROGRESS", "DECLINED");
        assertThat(action("IN_PROGRESS").nextStatuses()).containsExactly("DONE", "DECLINED");
        assertThat(action("DONE").nextStatuses()).isEmpty();
        assertThat(action("MERGED").nextStatuses()).isEmpty();
    }

    @Test
    void escalatedByTheServicesRulesWhenItDoesNotSay() {
        var dueLongAgo = withClocks(NOW.minus(Duration.ofHours(25)), null, 1);
        var dueJustPassed = withClocks(NOW.minus(Duration.ofHours(2)), null, 1);
        var informMissed = withClocks(NOW.plus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)), 1);
        var repeats = withClocks(NOW.plus(Duration.ofDays(3)), null, 5);

        assertThat(dueLongAgo.escalatedByRule(NOW)).isTrue();
        assertThat(dueJustPassed.escalatedByRule(NOW)).isFalse();
        assertThat(informMissed.escalatedByRule(NOW)).isTrue();
        assertThat(repeats.escalatedByRule(NOW)).isTrue();
    }

    @Test
    void theServicesWordOrItsHistoryWins() {
        var said = new TrackedAction(null, "t", "billing", "billing", null, "OPEN", "P3", NOW.plusSeconds(3600), null,
                false, null, 1, 1, NOW, NOW, null, 1, Boolean.FALSE, null, null);
        var history = new TrackedAction(null, "t", "billing", "billing", null, "OPEN", "P3", NOW.plusSeconds(3600), null,
                false, null, 1, 1, NOW, NOW, null, 1, null, List.of(new TrackedAction.HistoryEntry(NOW, null,
                "ESCALATED", null, "REPEATS", null, null)), null);

        assertThat(said.isEscalated()).isFalse();
        assertThat(history.isEscalated()).isTrue();
        assertThat(history.historyNewestFirst().getFirst().change()).isEqualTo("Repeats");
    }

    @Test
    void historyTellsChangesInWords() {
        var transition = new TrackedAction.HistoryEntry(NOW, new TrackedAction.Person("u1", "olivia"), "TRANSITION",
                "IN_PROGRESS", "DONE", null, null);
        var due = new TrackedAction.HistoryEntry(NOW, null, "DUE_CHANGED", "2026-12-01T10:00:00Z", "2026-12-24T23:59:59Z",
                null, null);
        var assigned = new TrackedAction.HistoryEntry(NOW, null, "ASSIGNED", null, "some-user-id", null, null);

        assertThat(transition.change()).isEqualTo("In progress → Done");
        assertThat(transition.actorName()).isEqualTo("olivia");
        assertThat(due.change()).isEqualTo("1 Dec 2026 → 24 Dec 2026");
        assertThat(due.actorName()).isEqualTo("the system");
        assertThat(assigned.change()).isNull();
    }

    private static TrackedAction action(String status) {
        return new TrackedAction(null, "t", "billing", "billing", null, status, "P3", NOW, null, false, null, 1, 1,
                NOW, NOW, null, 1, null, null, null);
    }

    private static TrackedAction withClocks(Instant dueAt, Instant informBy, int feedbackCount) {
        return new TrackedAction(null, "t", "billing", "billing", null, "PLANNED", "P3", dueAt, informBy, true, null,
                feedbackCount, feedbackCount, NOW, NOW, null, 1, null, null, null);
    }
}
