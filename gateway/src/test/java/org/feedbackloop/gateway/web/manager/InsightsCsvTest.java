package org.feedbackloop.gateway.web.manager;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InsightsCsvTest {

    @Test
    void cellsAreQuotedAndNeverReadAsFormulas() {
        assertThat(InsightsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(InsightsCsv.cell("-1+2")).isEqualTo("'-1+2");
        assertThat(InsightsCsv.cell("@sum")).isEqualTo("'@sum");
        assertThat(InsightsCsv.cell("billing, payments")).isEqualTo("\"billing, payments\"");
        assertThat(InsightsCsv.cell(-20.0)).isEqualTo("-20.0");
        assertThat(InsightsCsv.cell(null)).isEmpty();
    }

    @Test
    void aTrendIsOneRowPerWeek() {
        var score = new InsightsReport.Score(5, 2, 1, 2, 0.0, -78.4, 78.4, true);
        var empty = new InsightsReport.Score(0, 0, 0, 0, null, null, null, true);
        var trend = new InsightsReport.Trend("NPS", List.of(new InsightsReport.Week(LocalDate.parse("2026-01-05"), false, score),
                new InsightsReport.Week(LocalDate.parse("2026-01-12"), true, empty)), score);
        var none = new InsightsReport.Part<InsightsReport.Loop>(null, null);
        var report = new InsightsReport.Report(2, Instant.EPOCH, Instant.EPOCH, new InsightsReport.Part<>(trend, null),
                new InsightsReport.Part<>(null, null), none, new InsightsReport.Part<>(null, null),
                new InsightsReport.Part<>(null, null));

        assertThat(InsightsCsv.of(InsightsCsv.Table.NPS, report)).isEqualTo("""
                week_start,partial_week,responses,positive,neutral,negative,score,ci95_low,ci95_high,small_sample\r
                2026-01-05,false,5,2,1,2,0.0,-78.4,78.4,true\r
                2026-01-12,true,0,0,0,0,,,,true\r
                """);
        assertThat(InsightsCsv.of(InsightsCsv.Table.CSAT, report)).isNull();
        assertThat(InsightsCsv.Table.ofFileName("loop-by-team")).isEqualTo(InsightsCsv.Table.LOOP_BY_TEAM);
        assertThat(InsightsCsv.Table.ofFileName("../etc")).isNull();
    }
}
