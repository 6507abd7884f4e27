package org.feedbackloop.action.kudos;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.domain.FeedbackItem;
import org.feedbackloop.action.domain.FeedbackItemRepository;
import org.feedbackloop.action.routing.Routing;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FeedbackReceived;
import org.feedbackloop.events.KudosPassed;
import org.feedbackloop.kit.outbox.OutboxWriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Praise passed to the team whose area it is about, instead of an action: the item is stored without one, with the
 * team and the time, and {@code action.kudos-passed} announces it (subject: the feedback id). Teams read their kudos
 * newest first.
 */
@ApplicationScoped
public class Kudos {

    private final FeedbackItemRepository items;
    private final OutboxWriter outbox;

    Kudos(FeedbackItemRepository items, OutboxWriter outbox) {
        this.items = items;
        this.outbox = outbox;
    }

    /** Stores {@code item}, which no action tracks, as kudos to the team of {@code route}. In the caller's transaction. */
    public Uni<Void> pass(FeedbackItem item, FeedbackReceived received, Routing.Route route, Instant now) {
        item.kudosTeam = route.team();
        item.kudosAt = now;
        var passed = new KudosPassed(item.feedbackId, item.kudosTeam, route.ownerId(), item.topic, item.channel,
                item.sentiment, received.rating(), item.receivedAt, now);
        return items.persist(item)
                .flatMap(saved -> outbox.add(EventTypes.ACTION_KUDOS_PASSED, item.feedbackId.toString(), passed))
                .replaceWithVoid();
    }

    /** One page in keyset order, newest first; asks for {@code limit + 1} rows so the caller knows whether there is more. */
    @WithSession
    public Uni<List<KudosView>> page(KudosQuery query) {
        if (query.teams() != null && query.teams().isEmpty()) {
            return Uni.createFrom().item(List.of()); // an owner of no team
        }
        var where = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        where.add("f.kudos_at >= :from and f.kudos_at < :to");
        parameters.put("from", query.period().from());
        parameters.put("to", query.period().to());
        if (query.teams() != null) {
            where.add("f.kudos_team in (:teams)");
            parameters.put("teams", List.copyOf(query.teams()));
        }
        if (query.after() != null) {
            where.add("(f.kudos_at, f.feedback_id) < (:afterAt, :afterId)");
            parameters.put("afterAt", query.after().key());
            parameters.put("afterId", query.after().id());
        }
        var sql = """
                select cast(f.feedback_id as text), f.kudos_team, f.topic, f.channel, f.text, f.sentiment, f.rating_scale,
                       f.rating_score, f.received_at, f.kudos_at
                from feedback_item f
                where f.kudos_at is not null and %s
                order by f.kudos_at desc, f.feedback_id desc
                limit %d""".formatted(String.join(" and ", where), query.limit() + 1);
        return Panache.getSession().flatMap(session -> {
            var nativeQuery = session.createNativeQuery(sql, Object[].class);
            parameters.forEach(nativeQuery::setParameter);
            return nativeQuery.getResultList();
        }).map(rows -> rows.stream().map(KudosView::of).toList());
    }
}
