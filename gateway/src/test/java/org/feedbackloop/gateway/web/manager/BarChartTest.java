package org.feedbackloop.gateway.web.manager;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    private static final List<BarChart.Series> ONE = List.of(new BarChart.Series("Items", "series-volume"));

    @Test
    void barsAreProportionalToTheirValues() {
        var chart = BarChart.of("c", "t", "d", ONE, List.of(new BarChart.Entry("billing", List.of(10L)),
                new BarChart.Entry("delivery", List.of(5L)), new BarChart.Entry("product", List.of(0L))));

        var billing = chart.rows().get(0).bars().getFirst();
        var delivery = chart.rows().get(1).bars().getFirst();
        var product = chart.rows().get(2).bars().getFirst();
        assertThat(delivery.width()).isCloseTo(billing.width() / 2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(product.width()).isZero();
        assertThat(delivery.y()).isGreaterThan(billing.y());
        assertThat(billing.textX()).isGreaterThan(billing.x() + billing.width());
    }

    @Test
    void groupsOneBarPerSeriesInEachRow() {
        var series = List.of(new BarChart.Series("Open", "a"), new BarChart.Series("Overdue", "b"),
                new BarChart.Series("Escalated", "c"));
        var chart = BarChart.of("c", "t", "d", series, List.of(new BarChart.Entry("billing", List.of(4L, 2L, 1L))));

        var bars = chart.rows().getFirst().bars();
        assertThat(bars).extracting(BarChart.Bar::seriesName).containsExactly("Open", "Overdue", "Escalated");
        assertThat(bars).extracting(BarChart.Bar::value).containsExactly(4L, 2L, 1L);
        assertThat(chart.height()).isGreaterThan((int) (bars.getLast().y() + bars.getLast().height()));
    }

    @Test
    void gridLinesFallOnRoundNumbers() {
        assertThat(BarChart.niceCeiling(1)).isEqualTo(1);
        assertThat(BarChart.niceCeiling(3)).isEqualTo(4);
        assertThat(BarChart.niceCeiling(6)).isEqualTo(6);
        assertThat(BarChart.niceCeiling(10)).isEqualTo(10);
        assertThat(BarChart.niceCeiling(12)).isEqualTo(20);
        assertThat(BarChart.niceCeiling(101)).isEqualTo(200);
        assertThat(ticks(37)).containsExactly(0L, 10L, 20L, 30L, 40L);
        assertThat(ticks(6)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(ticks(2)).containsExactly(0L, 1L, 2L);
        assertThat(ticks(150)).containsExactly(0L, 50L, 100L, 150L, 200L);
    }

    private static List<Long> ticks(long max) {
        var chart = BarChart.of("c", "t", "d", ONE, List.of(new BarChart.Entry("a", List.of(max))));
        return chart.ticks().stream().map(BarChart.Tick::value).toList();
    }

    @Test
    void anEmptyChartSaysSo() {
        assertThat(BarChart.of("c", "t", "d", ONE, List.of()).empty()).isTrue();
    }
}
