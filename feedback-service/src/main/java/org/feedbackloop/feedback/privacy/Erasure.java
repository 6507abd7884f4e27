package org.feedbackloop.feedback.privacy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.kit.outbox.OutboxWriter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Erases a customer's data here and announces it (feedback.erased) so that the other services erase theirs. Their
 * feedback stays as counts: topic, channel, rating, sentiment, status and dates. What goes: the words (the text
 * becomes {@value #ERASED}), what was derived from them (embedding, sentiment parts), the contact, who submitted it,
 * references that could name them, their verified addresses, and the published events that carried any of it.
 */
@ApplicationScoped
public class Erasure {

    public static final String ERASED = "[erased]";

    private static final String ITEMS = "select id, contact_email from feedback where contributor_id = :subject";
    private static final String ADDRESSES = "select email from customer_address where contributor_id = :subject";
    private static final String ERASE = """
            update feedback set text = :erased, contact_email = null, consent_to_contact = false, contributor_id = null,
                   submitted_by = case when submitted_by = :subject then 'erased' else submitted_by end,
                   external_ref = null, idempotency_key = null, request_hash = null, embedding = null,
                   sentiment_parts = null, traceparent = null, erased_at = :now, updated_at = :now, version = version + 1
            where contributor_id = :subject""";
    private static final String OTHERS_CONTACTS = """
            update feedback set contact_email = null, consent_to_contact = false, updated_at = :now, version = version + 1
            where lower(contact_email) in (:addresses)""";
    private static final String FORGET_ADDRESSES = "delete from customer_address where contributor_id = :subject";
    /**
     * Published events are history kept for a while (the outbox's retention); those about their items, or naming them
     * or one of their addresses, go.
     */
    private static final String FORGET_EVENTS = """
            delete from outbox_event where published_at is not null and (aggregate_id in (:ids) %s)""";

    private final OutboxWriter outbox;

    Erasure(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<ErasureReceipt> erase(Caller caller) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(ITEMS, Object[].class).setParameter("subject", caller.subject()).getResultList()
                .flatMap(items -> session.createNativeQuery(ADDRESSES, String.class)
                        .setParameter("subject", caller.subject()).getResultList()
                        .flatMap(verified -> {
                            var ids = items.stream().map(row -> (UUID) row[0]).toList();
                            var addresses = new TreeSet<String>();
                            verified.forEach(address -> addresses.add(normal(address)));
                            items.stream().map(row -> (String) row[1]).filter(Objects::nonNull)
                                    .forEach(address -> addresses.add(normal(address)));
                            if (caller.email() != null) {
                                addresses.add(normal(caller.email()));
                            }
                            return session.createNativeQuery(ERASE).setParameter("erased", ERASED)
                                    .setParameter("subject", caller.subject()).setParameter("now", now).executeUpdate()
                                    .flatMap(erased -> othersContacts(addresses, now)
                                            .flatMap(others -> session.createNativeQuery(FORGET_ADDRESSES)
                                                    .setParameter("subject", caller.subject()).executeUpdate()
                                                    .flatMap(forgotten -> forgetEvents(ids, caller.subject(), addresses))
                                                    .flatMap(forgotten -> announce(caller.subject(), ids, addresses, now))
                                                    .replaceWith(new ErasureReceipt(erased, others, ErasureReceipt.ERASING, now))));
                        }))));
    }

    private static Uni<Integer> othersContacts(TreeSet<String> addresses, Instant now) {
        if (addresses.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(OTHERS_CONTACTS)
                .setParameter("addresses", List.copyOf(addresses)).setParameter("now", now).executeUpdate());
    }

    private static Uni<Integer> forgetEvents(List<UUID> ids, String subject, TreeSet<String> addresses) {
        var needles = new ArrayList<String>();
        needles.add(subject);
        needles.addAll(addresses);
        var mentions = new StringBuilder();
        for (int i = 0; i < needles.size(); i++) {
            mentions.append(" or strpos(payload::text, :needle").append(i).append(") > 0");
        }
        var aggregates = ids.isEmpty() ? List.of("") : ids.stream().map(UUID::toString).toList();
        return Panache.getSession().flatMap(session -> {
            var delete = session.createNativeQuery(FORGET_EVENTS.formatted(mentions)).setParameter("ids", aggregates);
            for (int i = 0; i < needles.size(); i++) {
                delete.setParameter("needle" + i, needles.get(i));
            }
            return delete.executeUpdate();
        });
    }

    /** One event per {@link FeedbackErased#MAX_ITEMS} items, and one even without items: the others hold more. */
    private Uni<Void> announce(String subject, List<UUID> ids, TreeSet<String> addresses, Instant now) {
        var hashes = addresses.stream().map(FeedbackErased::hashOf).toList();
        var chunks = new ArrayList<List<UUID>>();
        for (int from = 0; from < ids.size(); from += FeedbackErased.MAX_ITEMS) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + FeedbackErased.MAX_ITEMS)));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> outbox.add(EventTypes.FEEDBACK_ERASED, subject,
                        new FeedbackErased(subject, List.copyOf(chunk), hashes, FeedbackErased.REQUESTED, now)))
                .collect().last().replaceWithVoid();
    }

    static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
