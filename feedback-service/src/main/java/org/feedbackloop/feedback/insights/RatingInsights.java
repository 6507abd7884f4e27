package org.feedbackloop.feedback.insights;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.feedback.domain.RatingScale;
import org.feedbackloop.kit.http.Period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/** Ratings counted per week (the partial index on rated items serves it). */
@ApplicationScoped
public class RatingInsights {

    private static final String WEEKS = """
            select date_trunc('week', created_at at time zone 'UTC'),
                   count(*),
                   count(*) filter (where rating_score >= :positive),
                   count(*) filter (where rating_score <= :negative)
            from feedback
            where rating_scale = :scale and created_at >= :from and created_at < :to
            group by 1""";

    private record Counts(long responses, long positive, long negative) {
    }

    public Uni<RatingTrend> trend(RatingScale scale, Period period) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery(WEEKS, Object[].class)
                        .setParameter("positive", RatingScore.positiveFrom(scale))
                        .setParameter("negative", RatingScore.negativeUpTo(scale))
                        .setParameter("scale", scale.name())
                        .setParameter("from", period.from()).setParameter("to", period.to())
                        .getResultList()))
                .map(rows -> {
                    var byWeek = new HashMap<LocalDate, Counts>();
                    for (var row : rows) {
                        byWeek.put(((LocalDateTime) row[0]).toLocalDate(),
                                new Counts(count(row[1]), count(row[2]), count(row[3])));
                    }
                    return trend(scale, period, byWeek);
                });
    }

    static RatingTrend trend(RatingScale scale, Period period, Map<LocalDate, Counts> byWeek) {
        var weeks = new ArrayList<RatingTrend.Week>();
        long responses = 0;
        long positive = 0;
        long negative = 0;
        var last = period.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
        for (var monday = monday(period.from().atOffset(ZoneOffset.UTC).toLocalDate()); !monday.isAfter(last);
             monday = monday.plusWeeks(1)) {
            var counts = byWeek.getOrDefault(monday, new Counts(0, 0, 0));
            var partial = monday.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(period.from())
                    || monday.plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(period.to());
            weeks.add(new RatingTrend.Week(monday, partial,
                    RatingScore.of(scale, counts.responses(), counts.positive(), counts.negative())));
            responses += counts.responses();
            positive += counts.positive();
            negative += counts.negative();
        }
        return new RatingTrend(scale.name(), period.from(), period.to(), weeks,
                RatingScore.of(scale, responses, positive, negative));
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
