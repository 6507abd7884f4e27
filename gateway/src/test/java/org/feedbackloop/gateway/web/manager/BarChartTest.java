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
        assertThat(BarChart.niceCeiling(3)).isEqualTo(5);
        assertThat(BarChart.niceCeiling(12)).isEqualTo(20);
        assertThat(BarChart.niceCeiling(101)).isEqualTo(200);
        var chart = BarChart.of("c", "t", "d", ONE, List.of(new BarChart.Entry("a", List.of(37L))));
        assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 10L, 20L, 30L, 40L, 50L);
    }

    @Test
    void anEmptyChartSaysSo() {
        assertThat(BarChart.of("c", "t", "d", ONE, List.of()).empty()).isTrue();
    }
}
