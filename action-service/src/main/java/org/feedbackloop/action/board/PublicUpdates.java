package org.feedbackloop.action.board;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.ActionRepository;
import org.feedbackloop.action.domain.FeedbackItemRepository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The queries of the public board: what the public may see is decided in the SQL, never after loading. */
@ApplicationScoped
public class PublicUpdates implements PanacheRepositoryBase<Action, UUID> {

    /** One page of a list in keyset order; asks for {@code limit + 1} rows so the caller knows whether there is more. */
    Uni<List<Action>> page(BoardFilter filter, BoardPosition after, int limit) {
        var sql = "select " + ActionRepository.COLUMNS + " from action a where " + filter.visible()
                + (after == null ? "" : " and (a.%s, a.id) < (:afterKey, :afterId)".formatted(filter.column()))
                + " order by a.%1$s desc, a.id desc limit %2$d".formatted(filter.column(), limit + 1);
        return getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Action.class);
            if (after != null) {
                query.setParameter("afterKey", after.key());
                query.setParameter("afterId", after.id());
            }
            return query.getResultList();
        });
    }

    /** The action if either list of the board shows it, else null. */
    Uni<Action> visible(UUID id) {
        var sql = "select " + ActionRepository.COLUMNS + " from action a where a.id = :id and ((%s) or (%s))"
                .formatted(BoardFilter.DONE.visible(), BoardFilter.OPEN.visible());
        return getSession().flatMap(session -> session.createNativeQuery(sql, Action.class)
                .setParameter("id", id)
                .getSingleResultOrNull());
    }

    /** The "me too" and contributor counts of the actions, computed now (a vote counts before its feedback is linked). */
    Uni<Map<UUID, Counts>> counts(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        var sql = "select a.id::text, (select count(*) from me_too m where m.action_id = a.id)::int,"
                + " (select count(*) from (" + FeedbackItemRepository.contributorsOf("a.id") + ") contributor)::int"
                + " from action a where a.id in (:ids)";
        return getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter("ids", List.copyOf(ids))
                        .getResultList())
                .map(rows -> rows.stream().map(Counts::of).collect(Collectors.toMap(Counts::actionId, Function.identity())));
    }

    record Counts(UUID actionId, int meToo, int contributors) {

        static Counts of(Object[] row) {
            return new Counts(UUID.fromString((String) row[0]), ((Number) row[1]).intValue(), ((Number) row[2]).intValue());
        }
    }
}
