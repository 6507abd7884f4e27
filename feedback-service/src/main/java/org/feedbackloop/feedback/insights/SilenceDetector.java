package org.feedbackloop.feedback.insights;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.SilenceDetected;
import org.feedbackloop.kit.http.Period;
import org.feedbackloop.kit.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Looks, once an hour, at the last 7 whole days (UTC) of every topic and channel against their 8 weeks before, flags
 * each segment that went quiet ({@link SilenceRule}) and announces it as {@code insight.silence-detected}. The flag
 * and its event are written together, at most once per segment and week whatever the number of replicas (a unique
 * key decides).
 */
@ApplicationScoped
public class SilenceDetector {

    private static final Logger LOG = Logger.getLogger(SilenceDetector.class);
    private static final Duration WINDOW = Duration.ofDays(7);
    /** The most flags a period's list shows. */
    public static final int MOST_FLAGS = 500;

    private static final String COUNTS = """
            select 'TOPIC', topic, count(*) filter (where created_at >= :windowStart), count(*) filter (where created_at < :windowStart)
            from feedback where created_at >= :baselineStart and created_at < :windowEnd group by topic
            union all
            select 'CHANNEL', channel, count(*) filter (where created_at >= :windowStart), count(*) filter (where created_at < :windowStart)
            from feedback where created_at >= :baselineStart and created_at < :windowEnd group by channel""";

    private static final String FLAG = """
            insert into silence_flag (id, dimension, segment, week, window_start, window_end, observed, expected, p_value, detected_at)
            values (:id, :dimension, :segment, :week, :windowStart, :windowEnd, :observed, :expected, :pValue, :detectedAt)
            on conflict (dimension, segment, week) do nothing""";

    private static final String FLAGS = """
            select dimension, segment, week, window_start, window_end, observed, expected, p_value, detected_at
            from silence_flag where detected_at >= :from and detected_at < :to order by detected_at desc, segment
            limit %d""".formatted(MOST_FLAGS);

    /** Stands for "already flagged this week" in the stream of flags, which cannot carry null. */
    private static final SilenceFlag NONE = new SilenceFlag("", "", null, null, null, 0, 0, 0, null);

    private final OutboxWriter outbox;

    SilenceDetector(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Scheduled(every = "${feedbackloop.feedback.silence.every}", delayed = "${feedbackloop.feedback.silence.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return detect(Instant.now()).invoke(flags -> flags.forEach(flag -> LOG.infof(
                        "%s %s went quiet: %d items in the 7 days to %s, %.1f expected (p = %.2g)", flag.dimension(),
                        flag.segment(), flag.observed(), flag.windowEnd(), flag.expected(), flag.pValue())))
                .onFailure().invoke(failure -> LOG.warnf("Silence detection failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Flags the segments quiet in the 7 days before the day of {@code now}; returns those flagged now. */
    public Uni<List<SilenceFlag>> detect(Instant now) {
        var windowEnd = now.truncatedTo(ChronoUnit.DAYS);
        var windowStart = windowEnd.minus(WINDOW);
        var baselineStart = windowStart.minus(WINDOW.multipliedBy(SilenceRule.BASELINE_WEEKS));
        var week = windowEnd.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery(COUNTS, Object[].class)
                        .setParameter("windowStart", windowStart).setParameter("windowEnd", windowEnd)
                        .setParameter("baselineStart", baselineStart).getResultList()))
                .map(rows -> {
                    var quiet = new ArrayList<SilenceFlag>();
                    for (var row : rows) {
                        long observed = ((Number) row[2]).longValue();
                        double expected = SilenceRule.expected(((Number) row[3]).longValue());
                        if (SilenceRule.isQuiet(observed, expected)) {
                            quiet.add(new SilenceFlag((String) row[0], (String) row[1], week, windowStart, windowEnd,
                                    observed, expected, SilenceRule.poissonAtMost(observed, expected),
                                    now.truncatedTo(ChronoUnit.MICROS)));
                        }
                    }
                    return quiet;
                })
                .flatMap(quiet -> Multi.createFrom().iterable(quiet)
                        .onItem().transformToUniAndConcatenate(flag -> flag(flag).map(stored -> stored ? flag : NONE))
                        .filter(flag -> flag != NONE)
                        .collect().asList());
    }

    /** Stores the flag and its event in one transaction; false when this week's flag of the segment exists. */
    private Uni<Boolean> flag(SilenceFlag flag) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(FLAG)
                        .setParameter("id", UUID.randomUUID()).setParameter("dimension", flag.dimension())
                        .setParameter("segment", flag.segment()).setParameter("week", flag.week())
                        .setParameter("windowStart", flag.windowStart()).setParameter("windowEnd", flag.windowEnd())
                        .setParameter("observed", flag.observed()).setParameter("expected", flag.expected())
                        .setParameter("pValue", flag.pValue()).setParameter("detectedAt", flag.detectedAt())
                        .executeUpdate())
                .flatMap(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                        : outbox.add(EventTypes.INSIGHT_SILENCE_DETECTED, flag.dimension() + ":" + flag.segment(),
                                new SilenceDetected(flag.dimension(), flag.segment(), flag.windowStart(),
                                        flag.windowEnd(), flag.observed(), flag.expected(), flag.pValue()))
                        .replaceWith(true)));
    }

    /** The flags raised in a period, newest first (at most {@value #MOST_FLAGS}). */
    public Uni<List<SilenceFlag>> flags(Period period) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery(FLAGS, Object[].class)
                        .setParameter("from", period.from()).setParameter("to", period.to()).getResultList()))
                .map(rows -> rows.stream().map(row -> new SilenceFlag((String) row[0], (String) row[1],
                        (LocalDate) row[2], instant(row[3]), instant(row[4]), ((Number) row[5]).longValue(),
                        ((Number) row[6]).doubleValue(), ((Number) row[7]).doubleValue(), instant(row[8]))).toList());
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
