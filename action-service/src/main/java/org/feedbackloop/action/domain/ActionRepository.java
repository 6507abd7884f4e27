package org.feedbackloop.action.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<Action, UUID> {

    /** Mapped columns only: a native entity query must not return others. */
    public static final String COLUMNS = """
            a.id, a.title, a.topic, a.team, a.owner_id, a.owner_name, a.status, a.priority, a.due_at, a.inform_by,
            a.public_title, a.public_note, a.last_public_update_at, a.merged_into, a.feedback_count, a.contributor_count,
            a.created_at, a.updated_at, a.closed_at, a.repeats_escalated_at, a.fix_reminded_for, a.fix_overdue_for,
            a.fix_escalated_for, a.inform_reminded_for, a.inform_overdue_for, a.inform_escalated_for, a.version""";
    private static final String OPEN = "a.status in ('OPEN', 'PLANNED', 'IN_PROGRESS')";
    private static final String PAST_A_DEADLINE = "(a.due_at < :now or a.inform_by < :now)";

    /** One page in keyset order; asks for {@code limit + 1} rows so the caller knows whether there is more. */
    public Uni<List<Action>> page(ActionQuery query) {
        var where = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        if (query.ownerId() != null) {
            where.add("a.owner_id = :owner");
            parameters.put("owner", query.ownerId());
        }
        if (query.team() != null) {
            where.add("a.team = :team");
            parameters.put("team", query.team());
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            where.add("a.status in (:statuses)");
            parameters.put("statuses", query.statuses().stream().map(Enum::name).toList());
        } else {
            where.add("a.status <> 'MERGED'");
        }
        if (query.overdue() != null) {
            where.add(query.overdue() ? OPEN + " and " + PAST_A_DEADLINE : "not (" + OPEN + " and " + PAST_A_DEADLINE + ")");
            parameters.put("now", query.now());
        }
        if (query.feedbackId() != null) {
            where.add("exists (select 1 from feedback_item f where f.action_id = a.id and f.feedback_id = :feedbackId)");
            parameters.put("feedbackId", query.feedbackId());
        }
        var sort = query.sort();
        var direction = sort.ascending() ? "asc" : "desc";
        if (query.after() != null) {
            where.add("(a.%s, a.id) %s (:afterKey, :afterId)".formatted(sort.column(), sort.ascending() ? ">" : "<"));
            parameters.put("afterKey", query.after().key());
            parameters.put("afterId", query.after().id());
        }
        var sql = "select " + COLUMNS + " from action a where " + String.join(" and ", where)
                + " order by a.%s %s, a.id %s limit %d".formatted(sort.column(), direction, direction, query.limit() + 1);
        return getSession().flatMap(session -> {
            var nativeQuery = session.createNativeQuery(sql, Action.class);
            parameters.forEach(nativeQuery::setParameter);
            return nativeQuery.getResultList();
        });
    }

    /** Locks open actions with a deadline event due at {@code now}; other replicas skip the locked ones. */
    public Uni<List<UUID>> lockActionsWithDeadlineWork(java.time.Instant now, java.time.Duration fixReminder,
                                                     java.time.Duration informReminder, java.time.Duration escalateAfter,
                                                     int limit) {
        var sql = """
                select a.id from action a
                where a.status in ('OPEN', 'PLANNED', 'IN_PROGRESS') and (
                     (a.fix_reminded_for is distinct from a.due_at and a.due_at <= :fixRemindFrom)
                  or (a.fix_overdue_for is distinct from a.due_at and a.due_at <= :now)
                  or (a.fix_escalated_for is distinct from a.due_at and a.due_at <= :escalateFrom)
                  or (a.inform_by is not null and (
                         (a.inform_reminded_for is distinct from a.inform_by and a.inform_by <= :informRemindFrom)
                      or (a.inform_overdue_for is distinct from a.inform_by and a.inform_by <= :now)
                      or (a.inform_escalated_for is distinct from a.inform_by and a.inform_by <= :escalateFrom))))
                order by a.due_at, a.id
                limit :limit
                for update of a skip locked""";
        return getSession().flatMap(session -> session.createNativeQuery(sql, UUID.class)
                .setParameter("now", now)
                .setParameter("fixRemindFrom", now.plus(fixReminder))
                .setParameter("informRemindFrom", now.plus(informReminder))
                .setParameter("escalateFrom", now.minus(escalateAfter))
                .setParameter("limit", limit)
                .getResultList());
    }
}
