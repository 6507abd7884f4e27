package org.feedbackloop.action.privacy;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.domain.Titles;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.kit.inbox.ProcessedEvents;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Takes in {@code feedback.erased}: feedback-service erased a customer's data ({@code REQUESTED}) or the words of old
 * feedback ({@code RETENTION}), and what action-service holds of it goes too. The feedback stays as counts: its
 * action and link, topic, sentiment, rating, channel and dates, and the actions' feedback and contributor counts, as
 * they are. What goes:
 * <ul>
 * <li>the items' words (the text becomes {@value #ERASED} or {@value #REDACTED}), their problem vector (read from the
 * words; first taken out of its action's sum, which stays the sum of its items' vectors), their contact and who gave
 * them;</li>
 * <li>an action's internal title made from an erased item's words (at its opening): the neutral title of its topic
 * replaces it; a public title is staff's own words and stays;</li>
 * <li>for {@code REQUESTED}, every other mention of the person: their id on other items, their "me too" votes (still
 * votes, under a random id of their own), and their addresses (named by hash) on anyone's feedback;</li>
 * <li>published events the outbox still keeps that mention an erased item, the person, one of their addresses or a
 * title made from the words.</li>
 * </ul>
 * Praise passed on as kudos is feedback without an action: its words, contact and person go the same way, and its
 * vector simply goes (it is in no action's sum).
 * One transaction, with the event id recorded first: a redelivery changes nothing. A large erasure comes as several
 * events; each erases its own items and, again, whatever still names the person.
 */
@ApplicationScoped
public class Erasure {

    static final String CONSUMER = "erasure";
    public static final String ERASED = "[erased]";
    public static final String REDACTED = "[redacted]";

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    /** SHA-256 (hex) of an address trimmed and lower-cased: how {@link FeedbackErased#hashOf} names it. */
    private static final String HASH =
            "encode(sha256(convert_to(lower(regexp_replace(%s, '^\\s+|\\s+$', '', 'g')), 'UTF8')), 'hex')";

    /**
     * The items, locked: a link or move of one of them by staff waits for this transaction (and then finds no vector to
     * move), or this one waits for it (and takes the vector out of the action it moved to).
     */
    private static final String ITEMS = """
            select feedback_id, cast(action_id as text), text from feedback_item where feedback_id in (:ids)
            order by feedback_id for update""";
    /** Every action an item was ever linked to (it may have opened one and moved on): their titles and events. */
    private static final String LINKED_ACTIONS = """
            select distinct cast(action_id as text) from action_history where kind = 'FEEDBACK_LINKED' and to_value in (:ids)""";
    private static final String TITLED = """
            select cast(id as text), title, topic from action where id in (:actions) and title in (:titles)
            order by id for update""";
    /** Staff holding the action with the old title are refused at their write (stale version), not undoing this. */
    private static final String RETITLE = """
            update action set title = :neutral, version = version + 1 where id = :id and title = :derived""";
    /** The items' vectors, summed per action, leave their actions' sums (as ProblemVectors.withdraw does one by one). */
    private static final String WITHDRAW_VECTORS = """
            with part as (
                select f.action_id, v.o, sum(v.y) as y, count(*) as n
                from feedback_item f cross join lateral unnest(f.problem) with ordinality as v(y, o)
                where f.feedback_id in (:ids) and f.action_id is not null and f.problem is not null
                group by f.action_id, v.o),
            withdrawn as (select action_id, max(n) as n, array_agg(y order by o) as total from part group by action_id)
            update action a set
                problem_sum = case
                    when a.problem_count - w.n <= 0 or a.problem_sum is null then null
                    else (select array_agg(cast(s.x - s.y as real) order by s.o)
                          from unnest(a.problem_sum, w.total) with ordinality as s(x, y, o)) end,
                problem_count = greatest(a.problem_count - w.n, 0)
            from withdrawn w
            where a.id = w.action_id""";
    private static final String ERASE_ITEMS = """
            update feedback_item
            set text = case when text = :erased then text else :marker end, contact_email = null,
                consent_to_contact = false, problem = null,
                contributor_id = case when :requested and contributor_id is not null then :pseudonym else contributor_id end
            where feedback_id in (:ids)""";
    /** The person's addresses as they were written on feedback: what published events may carry. */
    private static final String ADDRESSES = """
            select distinct contact_email from feedback_item where contact_email is not null and (%s)""";
    private static final String FORGET_PERSON = """
            update feedback_item set contributor_id = :pseudonym, contact_email = null, consent_to_contact = false
            where contributor_id = :subject""";
    private static final String FORGET_ADDRESSES = """
            update feedback_item set contact_email = null, consent_to_contact = false
            where contact_email is not null and %s in (:hashes)""".formatted(HASH.formatted("contact_email"));
    /**
     * Items and votes stay (the counts) under a pseudonym that names nobody: random, one per erasure, so that the
     * person still counts once among an action's contributors (the board counts distinct people) and nothing leads
     * back to them.
     */
    private static final String ANONYMISE_VOTES = """
            update me_too set contributor_id = :pseudonym where contributor_id = :subject""";
    /**
     * Published events are history the outbox keeps for a while (its retention): those that mention what goes, go.
     * Unpublished ones stay: they are in flight (the relay may be publishing them right now, and what was published
     * cannot be called back); the outbox's retention purges them once published. Mentions are found in the event's
     * text, one {@code strpos} per needle (no LIKE: an id or an address is matched as it is, with no wildcards):
     * erased items' ids and titles made from their words in the events of the actions they were linked to, the
     * events about an erased item itself (its kudos passed), the person and their addresses in any event.
     */
    private static final String FORGET_EVENTS = """
            delete from outbox_event where id in (
                select o.id from outbox_event o cross join lateral (select cast(o.payload as text) as t offset 0) p
                where o.published_at is not null and (%s))""";

    private final ProcessedEvents processed;
    private final MeterRegistry metrics;

    Erasure(ProcessedEvents processed, MeterRegistry metrics) {
        this.processed = processed;
        this.metrics = metrics;
    }

    /** Returns whether this event was new (false: a redelivery, nothing changed). */
    @WithSpan("erasure")
    public Uni<Boolean> handle(UUID eventId, FeedbackErased erased) {
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> first
                        ? erase(erased).invoke(done -> done.log(eventId, erased)).replaceWith(true)
                        : Uni.createFrom().item(false)))
                .invoke(first -> metrics.counter("erasure.events", "reason", String.valueOf(erased.reason()),
                        "outcome", first ? "erased" : "duplicate").increment());
    }

    /** What one event changed, for the log (counts only: nothing that names anyone). */
    private static final class Done {
        int items;
        int titles;
        int votes;
        int contacts;
        int events;

        void log(UUID eventId, FeedbackErased erased) {
            LOG.infof("feedback.erased %s (%s): %d items erased, %d titles made neutral, %d votes and %d other "
                    + "contacts anonymised, %d published events forgotten", eventId, erased.reason(), items, titles,
                    votes, contacts, events);
        }
    }

    private Uni<Done> erase(FeedbackErased erased) {
        var ids = erased.feedbackIds().stream().filter(Objects::nonNull).distinct().sorted().toList();
        var subject = erased.isRequested() ? erased.contributorId() : null;
        var hashes = erased.isRequested() && erased.addressHashes() != null
                ? erased.addressHashes().stream().filter(Objects::nonNull).map(String::toLowerCase).distinct().toList()
                : List.<String>of();
        var marker = erased.isRequested() ? ERASED : REDACTED;
        var pseudonym = "erased:" + UUID.randomUUID();
        var done = new Done();
        return items(ids).flatMap(items -> linkedActions(ids, items).flatMap(actions -> {
            var titles = new TreeSet<String>();
            items.stream().map(item -> (String) item[2])
                    .filter(text -> text != null && !ERASED.equals(text) && !REDACTED.equals(text))
                    .forEach(text -> titles.add(Titles.of(text)));
            return addresses(subject, ids, hashes)
                    .call(addresses -> retitle(actions, titles).invoke(count -> done.titles = count))
                    .call(addresses -> ids.isEmpty() ? none() : update(WITHDRAW_VECTORS, Map.of("ids", ids)))
                    .call(addresses -> forgetEvents(actions, ids, titles, subject, addresses, hashes)
                            .invoke(count -> done.events = count))
                    .call(addresses -> ids.isEmpty() ? none() : update(ERASE_ITEMS,
                            Map.of("ids", ids, "erased", ERASED, "marker", marker, "requested", erased.isRequested(),
                                    "pseudonym", pseudonym)).invoke(count -> done.items = count))
                    .call(addresses -> subject == null ? none() : forgetPerson(subject, pseudonym, hashes, done));
        })).replaceWith(done);
    }

    private static Uni<List<Object[]>> items(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(ITEMS, Object[].class)
                .setParameter("ids", ids).getResultList());
    }

    /** The ids (as text) of the actions the items are linked to or ever were. */
    private static Uni<List<String>> linkedActions(List<UUID> ids, List<Object[]> items) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(LINKED_ACTIONS, String.class)
                        .setParameter("ids", ids.stream().map(UUID::toString).toList()).getResultList())
                .map(linked -> {
                    var actions = new TreeSet<>(linked);
                    items.stream().map(item -> (String) item[1]).filter(Objects::nonNull).forEach(actions::add);
                    return List.copyOf(actions);
                });
    }

    /** For REQUESTED: the person's addresses as written on feedback (theirs, or matching one of their hashes). */
    private static Uni<List<String>> addresses(String subject, List<UUID> ids, List<String> hashes) {
        if (subject == null) {
            return Uni.createFrom().item(List.of());
        }
        var whose = new ArrayList<String>();
        var parameters = new HashMap<String, Object>();
        whose.add("contributor_id = :subject");
        parameters.put("subject", subject);
        if (!ids.isEmpty()) {
            whose.add("feedback_id in (:ids)");
            parameters.put("ids", ids);
        }
        if (!hashes.isEmpty()) {
            whose.add(HASH.formatted("contact_email") + " in (:hashes)");
            parameters.put("hashes", hashes);
        }
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(ADDRESSES.formatted(String.join(" or ", whose)), String.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /** The actions whose internal title is still one made from the erased words take their topic's neutral title. */
    private static Uni<Integer> retitle(List<String> actions, Set<String> titles) {
        if (actions.isEmpty() || titles.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(TITLED, Object[].class)
                        .setParameter("actions", actions.stream().map(UUID::fromString).toList())
                        .setParameter("titles", List.copyOf(titles))
                        .getResultList())
                .flatMap(titled -> Multi.createFrom().iterable(titled)
                        .onItem().transformToUniAndConcatenate(row -> update(RETITLE, Map.of(
                                "id", UUID.fromString((String) row[0]), "derived", row[1],
                                "neutral", Titles.neutral((String) row[2]))))
                        .collect().asList()
                        .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    private static Uni<Integer> forgetEvents(List<String> actions, List<UUID> ids, Set<String> titles, String subject,
                                             List<String> addresses, List<String> hashes) {
        var mentions = new ArrayList<String>();
        var parameters = new HashMap<String, Object>();
        if (!ids.isEmpty()) {
            mentions.add("o.aggregate_id in (:items)");
            parameters.put("items", ids.stream().map(UUID::toString).toList());
        }
        if (!actions.isEmpty()) {
            var inTheirActions = new ArrayList<String>();
            for (var id : ids) {
                var name = "id" + parameters.size();
                inTheirActions.add("strpos(p.t, :" + name + ") > 0");
                parameters.put(name, id.toString());
            }
            for (var title : titles) {
                // the title as the event's JSON holds it (escaped as jsonb writes it), as the value of a title
                var name = "title" + parameters.size();
                inTheirActions.add("strpos(p.t, '\"title\": ' || cast(to_jsonb(cast(:" + name + " as text)) as text)) > 0");
                parameters.put(name, title);
            }
            if (!inTheirActions.isEmpty()) {
                mentions.add("(o.aggregate_id in (:actions) and (" + String.join(" or ", inTheirActions) + "))");
                parameters.put("actions", actions);
            }
        }
        var anywhere = new LinkedHashSet<String>();
        if (subject != null) {
            anywhere.add(subject);
        }
        anywhere.addAll(addresses);
        for (var needle : anywhere) {
            var name = "needle" + parameters.size();
            mentions.add("strpos(p.t, :" + name + ") > 0");
            parameters.put(name, needle);
        }
        if (!hashes.isEmpty()) {
            // an address written otherwise (case, spaces) than on any feedback held here
            mentions.add(HASH.formatted("o.payload -> 'data' ->> 'contactEmail'") + " in (:hashes)");
            parameters.put("hashes", hashes);
        }
        if (mentions.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update(FORGET_EVENTS.formatted(String.join(" or ", mentions)), parameters);
    }

    private static Uni<Void> forgetPerson(String subject, String pseudonym, List<String> hashes, Done done) {
        return update(FORGET_PERSON, Map.of("subject", subject, "pseudonym", pseudonym))
                .flatMap(items -> hashes.isEmpty() ? Uni.createFrom().item(0)
                        : update(FORGET_ADDRESSES, Map.of("hashes", hashes)))
                .invoke(count -> done.contacts = count)
                .flatMap(contacts -> update(ANONYMISE_VOTES, Map.of("subject", subject, "pseudonym", pseudonym)))
                .invoke(count -> done.votes = count)
                .replaceWithVoid();
    }

    private static Uni<Integer> update(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }

    private static Uni<Integer> none() {
        return Uni.createFrom().item(0);
    }
}
