package org.feedbackloop.gateway.web.manager;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineChartTest {

    private static LineChart.Entry week(String label, Double value, Double low, Double high, long count) {
        return new LineChart.Entry(label, value, low, high, count, count < 30);
    }

    @Test
    void aWeekWithoutRatingsBreaksTheLineAndEachRunHasItsBand() {
        var chart = LineChart.of("nps", "NPS", "d", -100, 100, 50, List.of(
                week("2026-01-05", 0.0, -50.0, 50.0, 40),
                week("2026-01-12", 100.0, 80.0, 100.0, 40),
                week("2026-01-19", null, null, null, 0),
                week("2026-01-26", -100.0, -100.0, -90.0, 3)));

        // plot: x from 44 to 616 in 3 steps of 190.7; y from 16 (100) to 220 (-100)
        assertThat(chart.segments()).hasSize(2);
        assertThat(chart.segments().getFirst().line()).isEqualTo("M44.0 118.0 L234.7 16.0");
        assertThat(chart.segments().getFirst().band())
                .isEqualTo("M44.0 67.0 L234.7 16.0 L234.7 36.4 L44.0 169.0 Z");
        assertThat(chart.segments().get(1).line()).isEqualTo("M616.0 220.0");
        assertThat(chart.points()).extracting(LineChart.Point::hasValue).containsExactly(true, true, false, true);
        assertThat(chart.points().getLast().entry().smallSample()).isTrue();
        assertThat(chart.points().getFirst().axisLabel()).isEqualTo("01-05");
        assertThat(chart.ticks()).extracting(LineChart.Tick::value).containsExactly(-100L, -50L, 0L, 50L, 100L);
        assertThat(chart.empty()).isFalse();
    }

    @Test
    void manyWeeksShowEveryOtherLabelAndNoRatingsIsEmpty() {
        var weeks = java.util.stream.IntStream.range(0, 26)
                .mapToObj(i -> week("w" + i, null, null, null, 0)).toList();
        var chart = LineChart.of("csat", "CSAT", "d", 0, 100, 25, weeks);
        assertThat(chart.points().stream().filter(LineChart.Point::labelShown).count()).isEqualTo(14);
        assertThat(chart.empty()).isTrue();
        assertThat(chart.segments()).isEmpty();
    }
}
