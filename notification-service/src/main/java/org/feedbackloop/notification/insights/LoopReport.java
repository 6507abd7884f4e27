package org.feedbackloop.notification.insights;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.kit.http.Period;
import org.feedbackloop.notification.domain.Moments;
import org.feedbackloop.notification.insights.LoopInsights.Durations;
import org.feedbackloop.notification.insights.LoopInsights.Group;
import org.feedbackloop.notification.insights.LoopInsights.Waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads {@link LoopInsights} from the contributions and the notifications that reached their contributors. */
@ApplicationScoped
public class LoopReport {

    /**
     * Contributions whose contributor can be told, or could be before an erasure took their id or contact (the counts
     * stay as they were); follow-up answers and replies continue a loop, not open one.
     */
    private static final String COUNTED = """
            not c.silent and c.follow_up_of_action is null
            and (c.contributor_id is not null or (c.contact_email is not null and c.consent_to_contact)
                 or c.was_reachable)""";
    /** Of those, the ones whose contributor can still be told: an erased person is owed nothing any more. */
    private static final String WAITING = """
            not c.silent and c.follow_up_of_action is null
            and (c.contributor_id is not null or (c.contact_email is not null and c.consent_to_contact))""";

    /** A notification that reached its contributor, and when: in the inbox at once, by e-mail once sent. */
    private static final String REACHED = "n.status = 'SENT'";
    private static final String REACHED_AT = "case n.channel when 'IN_APP' then n.created_at else n.sent_at end";
    /** What was done with their words: a status change or progress with a public note, or praise passed to the team. */
    private static final String SUBSTANTIVE = "n.kind in ('YOU_SAID_WE_DID', 'PROGRESS', 'KUDOS_PASSED')";
    // the status a YOU_SAID_WE_DID announced is in its data (what the e-mail sender reports as actionStatus too); praise
    // passed to its team needs no action: that is the end of its loop
    private static final String CLOSING = """
            (n.kind = 'YOU_SAID_WE_DID' and n.data ->> 'status' in ('DONE', 'DECLINED') or n.kind = 'KUDOS_PASSED')""";
    /** The team that has the item: its action's, or the one it was passed to as kudos. */
    private static final String TEAM = "coalesce(a.team, c.kudos_team, 'untracked')";

    // The period's contributions with the first moment each was acknowledged, told, told it is closed (one lookup in
    // the GIN index on feedback_ids each: a message on two channels is one contribution, at its earliest), then one
    // pass over them for the total and every dimension (grouping sets).
    private static final String GROUPS = """
            with counted as (
                select c.feedback_id, c.received_at, coalesce(c.channel, 'UNKNOWN') as channel, c.topic,
                       %6$s as team, coalesce(c.segment, 'UNRATED') as segment
                from contribution c left join tracked_action a on a.action_id = c.action_id
                where c.received_at >= :from and c.received_at < :to and %1$s
            ), loop as (
                select k.*,
                       cast(extract(epoch from t.acknowledged_at - k.received_at) as double precision) as to_acknowledge,
                       cast(extract(epoch from t.told_at - k.received_at) as double precision) as to_tell,
                       cast(extract(epoch from t.closed_at - k.received_at) as double precision) as to_close
                from counted k left join lateral (
                    select min(%3$s) filter (where n.kind = 'ACKNOWLEDGED') as acknowledged_at,
                           min(%3$s) filter (where %4$s) as told_at,
                           min(%3$s) filter (where %5$s) as closed_at
                    from notification n
                    where n.feedback_ids @> array[k.feedback_id] and %2$s
                      and (n.kind = 'ACKNOWLEDGED' or %4$s)
                ) t on true
            )
            select case when grouping(channel) = 0 then 'channel' when grouping(topic) = 0 then 'topic'
                        when grouping(team) = 0 then 'team' when grouping(segment) = 0 then 'segment' end,
                   coalesce(channel, topic, team, segment),
                   count(*), count(to_acknowledge), count(to_tell), count(to_close),
                   percentile_cont(0.5) within group (order by to_acknowledge),
                   percentile_cont(0.9) within group (order by to_acknowledge),
                   percentile_cont(0.5) within group (order by to_tell),
                   percentile_cont(0.9) within group (order by to_tell),
                   percentile_cont(0.5) within group (order by to_close),
                   percentile_cont(0.9) within group (order by to_close)
            from loop
            group by grouping sets ((), (channel), (topic), (team), (segment))"""
            .formatted(COUNTED, REACHED, REACHED_AT, SUBSTANTIVE, CLOSING, TEAM);

    // Everything received before the period's end that no substantive update reached yet, whatever the period's start,
    // whose contributor can still be told.
    private static final String NEVER_TOLD = """
            select %4$s as team, count(*), min(c.received_at),
                   count(*) filter (where c.received_at < :twoDaysAgo),
                   count(*) filter (where c.received_at < :sevenDaysAgo)
            from contribution c left join tracked_action a on a.action_id = c.action_id
            where c.received_at < :to and %1$s
              and not exists (select 1 from notification n
                              where n.feedback_ids @> array[c.feedback_id] and %2$s and %3$s)
            group by 1
            order by 3, 1"""
            .formatted(WAITING, REACHED, SUBSTANTIVE, TEAM);

    /** The figures of {@code period}, as of {@code now}. */
    public Uni<LoopInsights> of(Period period, Instant now) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(GROUPS, Object[].class)
                .setParameter("from", period.from()).setParameter("to", period.to())
                .getResultList()
                .flatMap(groups -> session.createNativeQuery(NEVER_TOLD, Object[].class)
                        .setParameter("to", period.to())
                        .setParameter("twoDaysAgo", now.minus(Duration.ofDays(2)))
                        .setParameter("sevenDaysAgo", now.minus(Duration.ofDays(7)))
                        .getResultList()
                        .map(waiting -> insights(period, now, groups, waiting)))));
    }

    static LoopInsights insights(Period period, Instant now, List<Object[]> groupRows, List<Object[]> waitingRows) {
        // without a contribution, grouping sets still give the total's row, with zero counts
        Object[] total = null;
        var byChannel = new ArrayList<Group>();
        var byTopic = new ArrayList<Group>();
        var byTeam = new ArrayList<Group>();
        var bySegment = new ArrayList<Group>();
        for (var row : groupRows) {
            var dimension = (String) row[0];
            if (dimension == null) {
                total = row;
                continue;
            }
            var list = switch (dimension) {
                case "channel" -> byChannel;
                case "topic" -> byTopic;
                case "team" -> byTeam;
                case "segment" -> bySegment;
                default -> throw new IllegalStateException("unknown dimension " + dimension);
            };
            list.add(group(row));
        }
        var waiting = waitingRows.stream().limit(LoopInsights.MAX_GROUPS) // oldest first: the longest-waiting teams
                .map(row -> new Waiting((String) row[0], number(row[1]), Moments.instant(row[2]), number(row[3]),
                        number(row[4]))).toList();
        return new LoopInsights(period.from(), period.to(), now, total == null ? group(null, 0, 0, 0, 0) : group(total),
                largest(byChannel), largest(byTopic), largest(byTeam), largest(bySegment),
                total == null ? durations(0, null, null) : durations(number(total[3]), total[6], total[7]),
                total == null ? durations(0, null, null) : durations(number(total[4]), total[8], total[9]),
                total == null ? durations(0, null, null) : durations(number(total[5]), total[10], total[11]),
                waiting);
    }

    /** The {@link LoopInsights#MAX_GROUPS} groups with the most contributions (ties by key), sorted by key. */
    static List<Group> largest(List<Group> groups) {
        // keys by code point, not the database's collation
        return groups.stream()
                .sorted(Comparator.comparingLong(Group::contributors).reversed().thenComparing(Group::key))
                .limit(LoopInsights.MAX_GROUPS)
                .sorted(Comparator.comparing(Group::key))
                .toList();
    }

    private static Group group(Object[] row) {
        return group((String) row[1], number(row[2]), number(row[3]), number(row[4]), number(row[5]));
    }

    private static Group group(String key, long contributors, long acknowledged, long told, long closed) {
        return new Group(key, contributors, acknowledged, told, closed,
                contributors == 0 ? null : (double) told / contributors);
    }

    private static Durations durations(long count, Object median, Object p90) {
        return count == 0 ? new Durations(0, null, null) : new Durations(count, seconds(median), seconds(p90));
    }

    /** Whole seconds; never below zero (the services' clocks may differ by a moment). */
    private static Long seconds(Object value) {
        return value == null ? null : Math.max(0, Math.round(((Number) value).doubleValue()));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
