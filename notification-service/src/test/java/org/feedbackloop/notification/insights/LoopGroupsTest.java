package org.feedbackloop.notification.insights;

import org.feedbackloop.kit.http.Period;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The insights' groups are bounded: a dimension keeps its largest groups, sorted by key; the backlog its oldest teams. */
class LoopGroupsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aDimensionWithMoreGroupsThanShownKeepsTheLargestSortedByKey() {
        var rows = new ArrayList<Object[]>();
        rows.add(new Object[] {null, null, 500L, 0L, 0L, 0L, null, null, null, null, null, null});
        // topic-000 has 0 + 1 contributions ... topic-149 has 150: the 100 largest are topic-050 to topic-149
        IntStream.range(0, LoopInsights.MAX_GROUPS + 50).forEach(i -> rows.add(new Object[] {"topic",
                "topic-%03d".formatted(i), (long) i + 1, 0L, 0L, 0L, null, null, null, null, null, null}));
        rows.add(new Object[] {"channel", "WEB", 500L, 0L, 0L, 0L, null, null, null, null, null, null});

        var insights = LoopReport.insights(new Period(NOW.minusSeconds(86_400), NOW), NOW, rows, List.of());

        assertThat(insights.byTopic()).hasSize(LoopInsights.MAX_GROUPS);
        assertThat(insights.byTopic().getFirst().key()).isEqualTo("topic-050");
        assertThat(insights.byTopic().getLast().key()).isEqualTo("topic-149");
        assertThat(insights.byTopic()).extracting(LoopInsights.Group::key).isSorted();
        assertThat(insights.byChannel()).extracting(LoopInsights.Group::key).containsExactly("WEB");
        assertThat(insights.total().contributors()).isEqualTo(500); // the total counts them all
    }

    @Test
    void theBacklogShowsTheTeamsThatWaitedLongest() {
        var waiting = new ArrayList<Object[]>();
        IntStream.range(0, LoopInsights.MAX_GROUPS + 1).forEach(i -> waiting.add(new Object[] {"team-%03d".formatted(i),
                1L, NOW.minusSeconds(86_400L * (500 - i)), 1L, 1L})); // oldest first, as the query orders them

        var insights = LoopReport.insights(new Period(NOW.minusSeconds(86_400), NOW), NOW, List.of(), waiting);

        assertThat(insights.neverTold()).hasSize(LoopInsights.MAX_GROUPS);
        assertThat(insights.neverTold().getFirst().team()).isEqualTo("team-000");
        assertThat(insights.neverTold().getLast().team()).isEqualTo("team-099");
    }
}
