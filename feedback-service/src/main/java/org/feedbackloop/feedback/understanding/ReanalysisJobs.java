package org.feedbackloop.feedback.understanding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Asking for a re-reading of stored feedback, and how far each one got. */
@ApplicationScoped
public class ReanalysisJobs {

    /** The longest reason a job is asked for with (the reasons are this service's own words and a topic's name). */
    public static final int MAX_REASON = 200;

    /** A job as people see it. */
    public record Job(UUID id, String reason, String requestedBy, Instant requestedAt, long total, long done,
                      long changed, Instant startedAt, Instant finishedAt) {

        public static final String QUEUED = "QUEUED";
        public static final String RUNNING = "RUNNING";
        public static final String FINISHED = "FINISHED";

        public String state() {
            return finishedAt != null ? FINISHED : startedAt != null ? RUNNING : QUEUED;
        }
    }

    /**
     * Queues a re-reading of every stored item, in the caller's transaction; a job still waiting to start covers
     * this request too (it will read the taxonomy as it is when it runs). Returns the job that will do it.
     */
    public Uni<UUID> request(String reason, String requestedBy) {
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("A reason is at most " + MAX_REASON + " characters: " + reason);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select cast(id as text) from reanalysis where started_at is null and finished_at is null limit 1", String.class)
                .getResultList()
                .flatMap(waiting -> {
                    if (!waiting.isEmpty()) {
                        var id = UUID.fromString(waiting.getFirst());
                        return session.createNativeQuery("update reanalysis set up_to = clock_timestamp(), "
                                        + "total = (select count(*) from feedback where analysed_at is not null) where id = :id")
                                .setParameter("id", id).executeUpdate().replaceWith(id);
                    }
                    var id = UUID.randomUUID();
                    return session.createNativeQuery("""
                                    insert into reanalysis (id, reason, requested_by, requested_at, up_to, total)
                                    select :id, :reason, :by, clock_timestamp(), clock_timestamp(), count(*)
                                    from feedback where analysed_at is not null""")
                            .setParameter("id", id)
                            .setParameter("reason", reason)
                            .setParameter("by", requestedBy)
                            .executeUpdate().replaceWith(id);
                }));
    }

    /** The latest jobs, newest first. */
    public Uni<List<Job>> recent(int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select cast(id as text), reason, requested_by, requested_at, total, done, changed, started_at, finished_at
                        from reanalysis order by requested_at desc limit :limit""", Object[].class)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Job(UUID.fromString((String) r[0]), (String) r[1], (String) r[2],
                        instant(r[3]), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                        instant(r[7]), instant(r[8]))).toList()));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
