package org.feedbackloop.feedback.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.feedback.config.FeedbackConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<Feedback, UUID> {

    /** The mapped columns: a native entity query must not return others (such as the search vector). */
    private static final String COLUMNS = """
            f.id, f.text, f.channel, f.rating_scale, f.rating_score, f.topic, f.topic_source, f.sentiment, f.status,
            f.action_id, f.contributor_id, f.submitted_by, f.contact_email, f.consent_to_contact, f.external_ref,
            f.idempotency_key, f.request_hash, f.created_at, f.updated_at, f.version, f.action_linked_at,
            f.follow_up_of_action, f.joins_action, f.action_title, f.action_status, f.action_status_at,
            f.sentiment_label, f.sentiment_parts, f.analysed_at, f.traceparent, f.import_id, f.silent,
            f.kudos_team, f.kudos_at""";

    private enum Plan { NEWEST_FIRST, NEWEST_WINDOW, TEXT_INDEX }

    private final int searchWindow;

    FeedbackRepository(FeedbackConfig config) {
        this.searchWindow = config.searchWindow();
    }

    /** The item, if it exists and the contributor may see it (null contributor: anyone's). */
    public Uni<Feedback> findVisible(UUID id, String contributorId) {
        return contributorId == null
                ? findById(id)
                : find("id = ?1 and contributorId = ?2", id, contributorId).firstResult();
    }

    public Uni<Feedback> findByIdempotencyKey(String submittedBy, String idempotencyKey) {
        return find("submittedBy = ?1 and idempotencyKey = ?2", submittedBy, idempotencyKey).firstResult();
    }

    /** An item of the action whose title and status were announced after {@code after}, the newest; or null. */
    public Uni<Feedback> newestActionState(UUID actionId, Instant after) {
        return find("actionId = ?1 and actionStatusAt > ?2 order by actionStatusAt desc", actionId, after).firstResult();
    }

    /**
     * Sets the action's title and status on the items it tracks, unless an item holds a newer announcement.
     * Bumps the version, so that a concurrent change of an item loaded before fails and is retried.
     */
    public Uni<Integer> actionChanged(UUID actionId, String title, String status, Instant at, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        update feedback set action_title = :title, action_status = :status, action_status_at = :at,
                            updated_at = :now, version = version + 1
                        where action_id = :action and (action_status_at is null or action_status_at < :at)""")
                .setParameter("title", title)
                .setParameter("status", status)
                .setParameter("at", at)
                .setParameter("now", now)
                .setParameter("action", actionId)
                .executeUpdate());
    }

    /**
     * One page in newest-first keyset order; asks for {@code limit + 1} rows so the caller knows whether there is a
     * next page. Authorization is part of the query (the contributor filter), never applied after.
     * <p>
     * A search reads the newest rows that pass the other filters first ({@code feedbackloop.feedback.search-window}):
     * a page of matches found among them is the page (they are the newest matches). Only when they hold fewer does it
     * ask the text index for every match and sort them. PostgreSQL cannot tell a rare word from a common one well enough to choose
     * between these plans itself: walking the date index for a word in one item of a million took 2.7 s.
     */
    public Uni<List<Feedback>> page(FeedbackQuery query) {
        if (query.text() == null) {
            return list(query, Plan.NEWEST_FIRST);
        }
        return list(query, Plan.NEWEST_WINDOW)
                .flatMap(found -> found.size() > query.limit() ? Uni.createFrom().item(found) : list(query, Plan.TEXT_INDEX));
    }

    private Uni<List<Feedback>> list(FeedbackQuery query, Plan plan) {
        var where = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        condition(where, parameters, "f.contributor_id = :contributor", "contributor", query.contributorId());
        condition(where, parameters, "f.status = :status", "status", name(query.status()));
        condition(where, parameters, "f.topic = :topic", "topic", query.topic());
        condition(where, parameters, "f.channel = :channel", "channel", name(query.channel()));
        condition(where, parameters, "f.created_at >= :from", "from", query.from());
        condition(where, parameters, "f.created_at < :to", "to", query.to());
        if (query.after() != null) {
            where.add("(f.created_at, f.id) < (:afterCreatedAt, :afterId)");
            parameters.put("afterCreatedAt", query.after().createdAt());
            parameters.put("afterId", query.after().id());
        }
        var order = " order by f.created_at desc, f.id desc limit " + (query.limit() + 1);
        var text = "f.search_vector @@ websearch_to_tsquery('english', :text)";
        var sql = switch (plan) {
            case NEWEST_FIRST -> "select " + COLUMNS + " from feedback f" + where(where) + order;
            case NEWEST_WINDOW -> "select " + COLUMNS + " from (select * from feedback f" + where(where)
                    + " order by f.created_at desc, f.id desc limit " + searchWindow + ") f where " + text + order;
            // materialized: planned alone, the matches come from the text index, whatever the date index offers
            case TEXT_INDEX -> "with matches as materialized (select f.id, f.created_at from feedback f"
                    + where(with(where, text)) + ") select " + COLUMNS + " from feedback f join (select id from matches"
                    + " order by created_at desc, id desc limit " + (query.limit() + 1) + ") page on page.id = f.id" + order;
        };
        if (plan != Plan.NEWEST_FIRST) {
            parameters.put("text", query.text());
        }
        return getSession().flatMap(session -> {
            var nativeQuery = session.createNativeQuery(sql, Feedback.class);
            parameters.forEach(nativeQuery::setParameter);
            return nativeQuery.getResultList();
        });
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static List<String> with(List<String> conditions, String condition) {
        var all = new ArrayList<>(conditions);
        all.add(condition);
        return all;
    }

    private static void condition(List<String> where, Map<String, Object> parameters, String sql, String name, Object value) {
        if (value != null) {
            where.add(sql);
            parameters.put(name, value);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
