package org.feedbackloop.kit.http;

import org.feedbackloop.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00.123456789Z");
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration YEAR = Duration.ofDays(366);

    private static Period period(String from, String to) {
        var params = new QueryParams();
        var period = Period.of(params, from, to, NOW, MONTH, YEAR);
        params.orRefuse();
        return period;
    }

    @Test
    void absentItEndsNowAndLastsTheDefault() {
        var period = period(null, null);
        assertThat(period.to()).isEqualTo(Instant.parse("2026-03-10T12:00:00.123456Z"));
        assertThat(period.length()).isEqualTo(MONTH);
    }

    @Test
    void daysAreTheirStartInUtc() {
        var period = period("2026-01-01", "2026-02-01");
        assertThat(period.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(period.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(period("2026-01-15T10:00:00Z", null).to()).isEqualTo(Instant.parse("2026-03-10T12:00:00.123456Z"));
    }

    @Test
    void aBackwardsTooLongOrUnreadablePeriodIsRefusedNamingTheField() {
        assertThatThrownBy(() -> period("2026-02-01", "2026-01-01")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("from: must come before to");
        assertThatThrownBy(() -> period("2024-01-01", "2026-01-01")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("at most 366 days");
        assertThatThrownBy(() -> period("yesterday", "soon")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("2 fields are invalid");
    }
}
