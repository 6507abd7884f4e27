package org.feedbackloop.gateway.web.manager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/** The figures of the insights page, each from the service that owns it, over whole weeks up to now. */
@ApplicationScoped
public class InsightsReport {

    static final List<Integer> PERIODS = List.of(4, 12, 26, 52);
    static final int DEFAULT_WEEKS = 12;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(long responses, long positive, long neutral, long negative, Double score, Double low,
                       Double high, boolean smallSample) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Week(LocalDate weekStart, boolean partial, Score rating) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trend(String scale, List<Week> weeks, Score total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Durations(long count, Long medianSeconds, Long p90Seconds) {

        public String median() {
            return Spans.text(medianSeconds);
        }

        public String p90() {
            return Spans.text(p90Seconds);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String key, long contributors, long acknowledged, long told, long closed, Double rate) {

        public String rateText() {
            return Spans.percent(rate);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Waiting(String team, long contributors, Instant oldestReceivedAt, long over2Days, long over7Days) {

        public String oldestDay() {
            return oldestReceivedAt == null ? "–" : oldestReceivedAt.toString().substring(0, 10);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Loop(Group total, List<Group> byChannel, List<Group> byTopic, List<Group> byTeam,
                       List<Group> bySegment, Durations timeToAcknowledge, Durations timeToFirstUpdate,
                       Durations timeToClosure, List<Waiting> neverTold) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamOutcome(String team, long opened, long closed, long closedLate, long openNow, long overdueNow,
                              Double overdueRate, Durations timeToClose, Durations feedbackToClose, long feedbackItems,
                              long repeats, long kudosPassed) {

        public String overdueRateText() {
            return Spans.percent(overdueRate);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outcomes(List<TeamOutcome> teams, TeamOutcome total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(String dimension, String segment, LocalDate week, Instant windowEnd, long observed,
                       double expected, double pValue) {

        public String what() {
            return "TOPIC".equals(dimension) ? "Topic " + segment : "Channel " + segment;
        }

        public String expectedText() {
            return String.format(Locale.ROOT, "%.1f", expected);
        }

        public String pValueText() {
            return String.format(Locale.ROOT, "%.2g", pValue);
        }
    }

    /** A part of the page: its figures, or why they are not there. */
    public record Part<T>(T value, ProblemMessage problem) {
    }

    public record Report(int weeks, Instant from, Instant to, Part<Trend> nps, Part<Trend> csat, Part<Loop> loop,
                         Part<Outcomes> outcomes, Part<List<Flag>> silence) {

        public String fromDay() {
            return from.toString().substring(0, 10);
        }
    }

    private static final TypeReference<List<Flag>> FLAGS = new TypeReference<>() {
    };

    private final ServiceClient services;

    InsightsReport(ServiceClient services) {
        this.services = services;
    }

    /** {@code weeks} whole weeks (Monday, UTC) up to now, the current one included. */
    public Uni<Report> of(String token, int weeks, Instant now) {
        var monday = now.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var from = monday.minusWeeks(weeks - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);
        var to = now.truncatedTo(ChronoUnit.SECONDS);
        var period = "from=" + from + "&to=" + to;
        return Uni.combine().all().unis(
                part(Service.FEEDBACK, "/api/insights/ratings?scale=NPS&" + period, token, Trend.class),
                part(Service.FEEDBACK, "/api/insights/ratings?scale=CSAT&" + period, token, Trend.class),
                part(Service.NOTIFICATIONS, "/api/insights/loop?" + period, token, Loop.class),
                part(Service.ACTIONS, "/api/insights/actions?" + period, token, Outcomes.class),
                part(Service.FEEDBACK, "/api/insights/silence?" + period, token, FLAGS)).asTuple()
                .map(all -> new Report(weeks, from, to, all.getItem1(), all.getItem2(), all.getItem3(), all.getItem4(),
                        all.getItem5()));
    }

    private <T> Uni<Part<T>> part(Service service, String path, String token, Class<T> type) {
        return services.get(service, path, token).map(reply -> reply.ok()
                ? new Part<>(services.read(reply, type), null)
                : new Part<T>(null, ProblemMessage.of(reply)));
    }

    private <T> Uni<Part<T>> part(Service service, String path, String token, TypeReference<T> type) {
        return services.get(service, path, token).map(reply -> reply.ok()
                ? new Part<>(services.read(reply, type), null)
                : new Part<T>(null, ProblemMessage.of(reply)));
    }
}
