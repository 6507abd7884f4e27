package org.feedbackloop.notification.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.notification.domain.EmailSuppression;
import org.feedbackloop.notification.security.Recipients;
import org.feedbackloop.notification.wording.Wording;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Erases this service's part on {@code feedback.erased}, in the consumer's transaction (the idempotent-consumer record
 * first: a redelivered event changes nothing). Feedback stays as counts: a contribution keeps its topic, channel,
 * segment, dates, action and whether it counted; notifications keep kind, channel, status, times and feedback ids.
 * <ul>
 *     <li>Both reasons: the contributions' words become {@value #ERASED} (REQUESTED) or {@value #REDACTED}
 *     (RETENTION), their contact goes; a message quoting the words (its feedback ids name an item, or its title, body
 *     or details hold the words) loses the quote (a digest quoting several items, the erased ones' quotes only);
 *     webhook deliveries and published events mentioning the items go.</li>
 *     <li>REQUESTED also: the person's id goes from their contributions (all of them, the event's ids or not); every
 *     notification to them (their inbox, their addresses: those the event's hashes name, their contacts, the addresses
 *     they were e-mailed at) is anonymised, not deleted, since the loop insights count them: recipient
 *     {@code erased:<id>}, no user or address, title and body {@value #ERASED}, details reduced to the status the
 *     insights read; one not sent yet is never sent (SUPPRESSED). Their preferences go; a suppressed address of theirs
 *     stays suppressed as its hash only; their survey invitations keep their counts with the hash in place of the
 *     address and without the person or the reason they wrote; others' contributions lose the person's address as
 *     contact; webhook deliveries and published events naming the person or an address of theirs go.</li>
 * </ul>
 */
@ApplicationScoped
public class Erasure {

    public static final String ERASED = "[erased]";
    public static final String REDACTED = "[redacted]";
    /**
     * Words shorter than this are not looked for in other messages' text (they would match unrelated ones); a message
     * that quotes them names their item in its feedback ids, and loses the quote by that.
     */
    static final int SHORTEST_WORDS_SOUGHT = 12;

    private static final Logger LOG = Logger.getLogger(Erasure.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The SQL form of {@link FeedbackErased#hashOf}, for addresses stored trimmed and lower-cased. */
    private static final String HASH_OF_ADDRESS = "encode(sha256(convert_to(address, 'UTF8')), 'hex')";

    private final Clock clock;

    Erasure(Clock clock) {
        this.clock = clock;
    }

    /** What an erasure touches, read before anything is changed. */
    private record Target(FeedbackErased event, String mark, List<UUID> items, Set<String> addresses,
                          List<String> words, Instant now) {

        boolean requested() {
            return event.isRequested();
        }

        String subject() {
            return event.contributorId();
        }
    }

    /** Must run in the consumer's transaction, after its idempotent-consumer record. */
    public Uni<Void> erase(FeedbackErased event) {
        var mark = event.isRequested() ? ERASED : REDACTED;
        return contributions(event).flatMap(contributions -> addresses(event, contributions).map(addresses -> {
            var items = new LinkedHashSet<>(event.feedbackIds());
            contributions.forEach(row -> items.add((UUID) row[0]));
            return new Target(event, mark, List.copyOf(items), addresses, words(contributions, mark),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
        })).flatMap(target -> {
            var counts = new LinkedHashMap<String, Integer>();
            var steps = new ArrayList<Supplier<Uni<Integer>>>();
            if (target.requested()) {
                steps.add(counted(counts, "notifications anonymised", () -> anonymiseTheirNotifications(target)));
            }
            steps.add(counted(counts, "quotes cut from digests", () -> cutQuotesFromDigests(target)));
            steps.add(counted(counts, "quotes removed", () -> removeQuotes(target)));
            steps.add(counted(counts, "contributions erased", () -> eraseContributions(target)));
            if (target.requested()) {
                steps.add(counted(counts, "others' contacts removed", () -> removeAddressAsContact(target)));
                steps.add(counted(counts, "preferences deleted", () -> update(
                        "delete from preference where user_id = :subject", Map.of("subject", target.subject()))));
                steps.add(counted(counts, "suppressions hashed", () -> hashSuppressions(target)));
                steps.add(counted(counts, "survey invitations anonymised", () -> anonymiseInvitations(target)));
            }
            steps.add(counted(counts, "webhook deliveries deleted", () -> deleteWebhookDeliveries(target)));
            steps.add(counted(counts, "published events deleted", () -> deletePublishedEvents(target)));
            return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Supplier::get)
                    .collect().last()
                    .invoke(() -> LOG.infof("feedback.erased (%s, %d items) handled: %s", event.reason(),
                            event.feedbackIds().size(), counts))
                    .replaceWithVoid();
        });
    }

    /**
     * The event as integrators subscribed to feedback.erased receive it: which items' words and contacts are gone,
     * without who the person was or their addresses' hashes, which their delivery log would otherwise keep.
     */
    public static JsonNode forIntegrators(JsonNode envelope) {
        var copy = (ObjectNode) envelope.deepCopy();
        if (copy.get("data") instanceof ObjectNode data) {
            var person = data.path("contributorId").asText(null);
            data.remove(List.of("contributorId", "addressHashes"));
            if (person != null && person.equals(copy.path("subject").asText(null))) {
                copy.remove("subject");
            }
        }
        return copy;
    }

    // --- what is erased ----------------------------------------------------------------------------------

    /** The contributions erased: the event's items and, when the person asked, all of theirs. */
    private static Uni<List<Object[]>> contributions(FeedbackErased event) {
        var where = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        if (!event.feedbackIds().isEmpty()) {
            where.add("feedback_id in (:ids)");
            parameters.put("ids", event.feedbackIds());
        }
        if (event.isRequested()) {
            where.add("contributor_id = :subject");
            parameters.put("subject", event.contributorId());
        }
        if (where.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery("select feedback_id, text, contact_email from contribution where "
                    + String.join(" or ", where), Object[].class);
            parameters.forEach((name, value) -> query.setParameter(name, value));
            return query.getResultList();
        });
    }

    /**
     * The person's addresses, trimmed and lower-cased: every address kept here whose hash the event names, the
     * contacts of their contributions, the addresses they were e-mailed at and were asked surveys at.
     */
    private static Uni<Set<String>> addresses(FeedbackErased event, List<Object[]> contributions) {
        var addresses = new LinkedHashSet<String>();
        if (!event.isRequested()) {
            return Uni.createFrom().item(addresses);
        }
        contributions.stream().map(row -> (String) row[2]).filter(Objects::nonNull).map(Erasure::normal)
                .forEach(addresses::add);
        var subject = Map.<String, Object>of("subject", event.contributorId());
        var hashes = event.addressHashes().stream().map(hash -> hash.toLowerCase(Locale.ROOT)).distinct().toList();
        return strings("""
                select distinct lower(btrim(email)) from notification
                where email is not null and (user_id = :subject or recipient = :recipient)""",
                Map.of("subject", event.contributorId(), "recipient", Recipients.user(event.contributorId())))
                .invoke(addresses::addAll)
                .flatMap(found -> strings("""
                        select email from survey_invitation
                        where contributor_id = :subject and email not like 'sha256:%'""", subject))
                .invoke(addresses::addAll)
                .flatMap(found -> hashes.isEmpty() ? Uni.createFrom().item(List.<String>of()) : strings("""
                        select address from (
                            select lower(btrim(email)) as address from notification where email is not null
                            union select lower(btrim(contact_email)) from contribution where contact_email is not null
                            union select email from survey_invitation where email not like 'sha256:%%'
                            union select email from email_suppression where email not like 'sha256:%%'
                        ) known
                        where %s in (:hashes)""".formatted(HASH_OF_ADDRESS), Map.of("hashes", hashes)))
                .invoke(addresses::addAll)
                .replaceWith(addresses);
    }

    /**
     * The words as messages may hold them, to look for in other messages: whole, and as quoted (on one line, cut
     * short); long enough not to match unrelated text.
     */
    private static List<String> words(List<Object[]> contributions, String mark) {
        var words = new LinkedHashSet<String>();
        for (var row : contributions) {
            var text = (String) row[1];
            if (text == null || text.equals(ERASED) || text.equals(REDACTED)) {
                continue;
            }
            var quote = Wording.quote(text);
            for (var form : List.of(text.strip(), quote.endsWith("…") ? quote.substring(0, quote.length() - 1) : quote)) {
                if (form.length() >= SHORTEST_WORDS_SOUGHT && !form.equals(mark)) {
                    words.add(form);
                }
            }
        }
        return List.copyOf(words);
    }

    // --- the steps -----------------------------------------------------------------------------------------

    /**
     * Every notification to the person, on every channel: kept for the counts (the loop insights read kind, channel,
     * status, times, feedback ids and the status in the details), with nothing that names them or quotes them.
     */
    private static Uni<Integer> anonymiseTheirNotifications(Target target) {
        var parameters = new LinkedHashMap<String, Object>(Map.of("recipient", Recipients.user(target.subject()),
                "subject", target.subject(), "mark", ERASED,
                "notSent", "not sent: the recipient's data was erased"));
        var byAddress = "";
        if (!target.addresses().isEmpty()) {
            byAddress = " or recipient in (:emailRecipients) or lower(btrim(email)) in (:addresses)";
            parameters.put("emailRecipients", target.addresses().stream().map(Recipients::email).toList());
            parameters.put("addresses", List.copyOf(target.addresses()));
        }
        return update("""
                update notification set recipient = 'erased:' || cast(id as text), user_id = null, email = null,
                       title = :mark, body = :mark, data = jsonb_strip_nulls(jsonb_build_object('status', data -> 'status')),
                       last_error = case status when 'SUPPRESSED' then last_error
                                                when 'PENDING' then :notSent when 'FAILED' then :notSent end,
                       status = case when status in ('PENDING', 'FAILED') then 'SUPPRESSED' else status end,
                       next_attempt_at = null
                where recipient not like 'erased:%%' and (recipient = :recipient or user_id = :subject%s)"""
                .formatted(byAddress), parameters);
    }

    /**
     * Messages (to anyone) about the items, or holding the words: the quote in their details becomes the mark (a
     * message listing several items of one person loses its one quote whichever of them is erased); a title or body
     * holding the words becomes the mark; details holding the words elsewhere are reduced to the status. Words are
     * looked for in the messages written since the first item was received (REQUESTED: a person's few items; an
     * expired batch's messages are found by the items' ids).
     */
    private static Uni<Integer> removeQuotes(Target target) {
        if (target.items().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        var words = target.requested() ? target.words() : List.<String>of();
        var parameters = new LinkedHashMap<String, Object>(Map.of("mark", target.mark(),
                "idList", joined(target.items().stream().map(UUID::toString).toList())));
        var byItem = "n.feedback_ids && cast(string_to_array(:idList, chr(31)) as uuid[])";
        if (words.isEmpty()) {
            return update(QUOTES.formatted("n.title", "n.body", byItem), parameters);
        }
        parameters.put("ids", target.items());
        parameters.put("words", joined(words));
        parameters.put("jsonWords", joined(words.stream().map(Erasure::asInJson).toList()));
        var candidates = "(" + byItem + " or (n.created_at >= (select min(received_at) from contribution"
                + " where feedback_id in (:ids)) and (" + holds("n.title", "words") + " or " + holds("n.body", "words")
                + " or " + holds("cast(n.data as text)", "jsonWords") + ")))";
        var title = "case when " + holds("n.title", "words") + " then :mark else n.title end";
        var body = "case when " + holds("n.body", "words") + " then :mark else n.body end";
        var withoutMark = new LinkedHashMap<>(parameters);
        withoutMark.remove("mark");
        return update(QUOTES.formatted(title, body, candidates), parameters).flatMap(quoted -> update("""
                update notification n set data = jsonb_strip_nulls(jsonb_build_object('status', n.data -> 'status'))
                where n.recipient not like 'erased:%%' and %s and %s"""
                .formatted(candidates, holds("cast(n.data as text)", "jsonWords")), withoutMark).map(reduced -> quoted));
    }

    /**
     * Messages that quote several items, each quote beside its item's id in the details (the weekly stories): the
     * quotes of the erased items become the mark in the details, and where the title or body quotes them (between
     * {@link Wording#QUOTE_OPEN} and {@link Wording#QUOTE_CLOSE}); the other items' quotes stay. Runs before the search
     * for the words, which would take the whole message.
     */
    private static Uni<Integer> cutQuotesFromDigests(Target target) {
        if (target.items().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        var ids = target.items().stream().map(UUID::toString).collect(Collectors.toSet());
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                                select id, title, body, cast(data as text) from notification n
                                where n.kind = 'STORIES' and n.recipient not like 'erased:%'
                                  and n.feedback_ids && cast(string_to_array(:idList, chr(31)) as uuid[])""",
                                Object[].class)
                        .setParameter("idList", joined(List.copyOf(ids)))
                        .getResultList())
                .flatMap(digests -> Multi.createFrom().iterable(digests)
                        .onItem().transformToUniAndConcatenate(digest -> cutQuotes(digest, ids, target.mark()))
                        .collect().asList().map(List::size));
    }

    private static Uni<Integer> cutQuotes(Object[] digest, Set<String> ids, String mark) {
        JsonNode data;
        try {
            data = JSON.readTree((String) digest[3]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var cut = new LinkedHashSet<String>();
        cutQuotes(data, ids, mark, cut);
        var title = (String) digest[1];
        var body = (String) digest[2];
        for (var quote : cut) {
            var quoted = Wording.QUOTE_OPEN + quote + Wording.QUOTE_CLOSE;
            var marked = Wording.QUOTE_OPEN + mark + Wording.QUOTE_CLOSE;
            title = title.replace(quoted, marked);
            body = body.replace(quoted, marked);
        }
        // the details as text made jsonb: the reactive client would send a string for a jsonb parameter as a JSON string
        return update("""
                update notification set title = :title, body = :body, data = cast(cast(:data as text) as jsonb)
                where id = :id""", Map.of("id", digest[0], "title", title, "body", body, "data", data.toString()));
    }

    /** Every object in the tree that quotes one of the items: its quote (collected in {@code cut}) becomes the mark. */
    private static void cutQuotes(JsonNode node, Set<String> ids, String mark, Set<String> cut) {
        if (node instanceof ObjectNode object) {
            if (ids.contains(object.path("feedbackId").asText()) && object.get("quote") instanceof TextNode quote
                    && !quote.asText().equals(mark)) {
                cut.add(quote.asText());
                object.put("quote", mark);
            }
            object.elements().forEachRemaining(child -> cutQuotes(child, ids, mark, cut));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> cutQuotes(child, ids, mark, cut));
        }
    }

    /** The quote in the details becomes the mark; title and body as given (%1$s, %2$s); which messages (%3$s). */
    private static final String QUOTES = """
            update notification n set title = %s, body = %s,
                   data = case when n.data -> 'quote' is null then n.data
                               else jsonb_set(n.data, array['quote'], to_jsonb(cast(:mark as text))) end
            where n.recipient not like 'erased:%%' and %s""";

    private static Uni<Integer> eraseContributions(Target target) {
        var now = target.now();
        if (target.requested()) {
            var where = new ArrayList<>(List.of("contributor_id = :subject"));
            var parameters = new LinkedHashMap<String, Object>(Map.of("subject", target.subject(), "mark", ERASED,
                    "now", now));
            if (!target.items().isEmpty()) {
                where.add("feedback_id in (:ids)");
                parameters.put("ids", target.items());
            }
            return update("""
                    update contribution set %s, text = :mark, contact_email = null, consent_to_contact = false,
                           contributor_id = null, erased_at = coalesce(erased_at, :now)
                    where %s""".formatted(KEEP_COUNTED, String.join(" or ", where)), parameters);
        }
        if (target.items().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // words a person had erased stay "[erased]"
        return update("""
                update contribution set %s, text = :mark, contact_email = null, consent_to_contact = false,
                       erased_at = :now
                where feedback_id in (:ids) and erased_at is null""".formatted(KEEP_COUNTED),
                Map.of("ids", target.items(), "mark", REDACTED, "now", now));
    }

    /** Whether the contributor could be told before this erasure: the loop insights go on counting it as they did. */
    private static final String KEEP_COUNTED = """
            was_reachable = coalesce(was_reachable, false) or contributor_id is not null
                            or (contact_email is not null and consent_to_contact)""";

    /** Others' feedback with the person's address as its contact keeps its words and person, not the address. */
    private static Uni<Integer> removeAddressAsContact(Target target) {
        if (target.addresses().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("""
                update contribution set %s, contact_email = null, consent_to_contact = false
                where lower(btrim(contact_email)) in (:addresses)""".formatted(KEEP_COUNTED),
                Map.of("addresses", List.copyOf(target.addresses())));
    }

    /** An address that unsubscribed or bounced stays suppressed, as its hash (what the suppression check looks for). */
    private static Uni<Integer> hashSuppressions(Target target) {
        return eachAddress(target, address -> update("""
                insert into email_suppression (email, created_at, reason)
                select :hashed, created_at, reason from email_suppression where email = :address
                on conflict (email) do nothing""", Map.of("address", address, "hashed", EmailSuppression.hashed(address)))
                .flatMap(hashed -> update("delete from email_suppression where email = :address",
                        Map.of("address", address))));
    }

    /**
     * Survey invitations keep what the response rates count (invited, answered, the score), with the hash in place of
     * the address, without the person or the reason they wrote. (Should the same survey hold the hash already, the
     * address's row goes: the hash's counts the invitation.)
     */
    private static Uni<Integer> anonymiseInvitations(Target target) {
        return eachAddress(target, address -> update("""
                update survey_invitation i set email = :hashed, contributor_id = null, reason = null
                where i.email = :address
                  and not exists (select 1 from survey_invitation o where o.survey_id = i.survey_id and o.email = :hashed)""",
                Map.of("address", address, "hashed", EmailSuppression.hashed(address)))
                .flatMap(hashed -> update("delete from survey_invitation where email = :address", Map.of("address", address))
                        .map(deleted -> hashed + deleted)))
                .flatMap(byAddress -> update("""
                        update survey_invitation set contributor_id = null, reason = null where contributor_id = :subject""",
                        Map.of("subject", target.subject())).map(byPerson -> byAddress + byPerson));
    }

    /**
     * Deliveries whose payload names an item, the person or an address of theirs, whatever their state: one not
     * delivered yet would hand the erased data to a third party after the erasure. Integrators subscribed to
     * feedback.erased hear of it (without the person) instead.
     */
    private static Uni<Integer> deleteWebhookDeliveries(Target target) {
        var needles = needles(target);
        if (needles.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("""
                delete from webhook_delivery where id in (
                    select d.id from webhook_delivery d, lateral (select lower(cast(d.payload as text)) as t offset 0) p
                    where %s)""".formatted(holds("p.t", "needles")), Map.of("needles", joined(needles)));
    }

    /**
     * Published events (history kept for the outbox's retention) naming an item, the person or an address of theirs.
     * Those not published yet stay: they are in flight (the relay publishes them next, and the retention purges them
     * later), and deleting one under the relay would lose an event others wait for.
     */
    private static Uni<Integer> deletePublishedEvents(Target target) {
        var needles = needles(target);
        if (needles.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("""
                delete from outbox_event where id in (
                    select o.id from outbox_event o, lateral (select lower(cast(o.payload as text)) as t offset 0) p
                    where o.published_at is not null and %s)""".formatted(holds("p.t", "needles")),
                Map.of("needles", joined(needles)));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** What names the erased in a JSON payload, lower-cased: the items' ids and, when asked, the person and addresses. */
    private static List<String> needles(Target target) {
        var needles = new LinkedHashSet<String>();
        target.items().forEach(id -> needles.add(id.toString()));
        if (target.requested()) {
            needles.add(target.subject().toLowerCase(Locale.ROOT));
            needles.addAll(target.addresses());
        }
        return List.copyOf(needles);
    }

    /**
     * SQL: whether {@code column} holds one of the strings {@link #joined} in the parameter {@code parameter}. (A list
     * parameter would be expanded by Hibernate into a parenthesised list, which is no array.)
     */
    private static String holds(String column, String parameter) {
        return "exists (select 1 from unnest(string_to_array(:%s, chr(31))) w where strpos(%s, w) > 0)"
                .formatted(parameter, column);
    }

    /** Strings as one parameter, parted by the unit separator (no address, id or quoted words holds it). */
    private static String joined(List<String> strings) {
        // an empty string would be held by every column
        return strings.stream().map(string -> string.replace(SEPARATOR, "")).filter(string -> !string.isEmpty())
                .collect(Collectors.joining(SEPARATOR));
    }

    private static final String SEPARATOR = "\u001f";

    /** A string as it is written inside a JSON string (what a jsonb column's text holds). */
    private static String asInJson(String text) {
        try {
            var quoted = JSON.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Integer> eachAddress(Target target, Function<String, Uni<Integer>> step) {
        if (target.addresses().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(target.addresses()).onItem().transformToUniAndConcatenate(step::apply)
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private static Supplier<Uni<Integer>> counted(Map<String, Integer> counts, String what, Supplier<Uni<Integer>> step) {
        return () -> step.get().invoke(count -> counts.put(what, count));
    }

    private static Uni<Integer> update(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach((name, value) -> query.setParameter(name, value));
            return query.executeUpdate();
        });
    }

    private static Uni<List<String>> strings(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, String.class);
            parameters.forEach((name, value) -> query.setParameter(name, value));
            return query.getResultList();
        });
    }

    private static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
