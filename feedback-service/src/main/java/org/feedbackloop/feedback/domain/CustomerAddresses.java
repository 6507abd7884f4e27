package org.feedbackloop.feedback.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The verified e-mail address of each customer who submitted feedback, so that what they write to the feedback
 * mailbox joins their own history. Only addresses the identity provider verified count: an address typed into a
 * form proves nothing. When two customers held one address, the latest to submit has it.
 */
@ApplicationScoped
public class CustomerAddresses {

    /**
     * The most verified addresses kept per customer: those they took most recently (an address used again after it was
     * dropped is taken again at that submission).
     */
    public static final int MAX_PER_CUSTOMER = 10;

    /** Must run in the submission's transaction. */
    Uni<Void> remember(String email, String customer) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into customer_address (email, contributor_id, seen_at) values (:email, :customer, now())
                        on conflict (email) do update set contributor_id = excluded.contributor_id, seen_at = now()
                        where customer_address.contributor_id <> excluded.contributor_id""")
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .setParameter("customer", customer)
                .executeUpdate()
                .flatMap(taken -> taken == 0 ? Uni.createFrom().item(0) : session.createNativeQuery("""
                                delete from customer_address where contributor_id = :customer and email not in (
                                    select email from customer_address where contributor_id = :customer
                                    order by seen_at desc, email limit :keep)""")
                        .setParameter("customer", customer)
                        .setParameter("keep", MAX_PER_CUSTOMER)
                        .executeUpdate())).replaceWithVoid();
    }

    /** The customers whose verified addresses these are, by address (lower case); in the caller's session. */
    public Uni<Map<String, String>> customersOf(Collection<String> emails) {
        var wanted = emails.stream().filter(Objects::nonNull).map(email -> email.strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select email, contributor_id from customer_address where email in (:emails)", Object[].class)
                .setParameter("emails", wanted)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1])));
    }

    /** The customer whose verified address this is, or null. */
    public Uni<String> customerOf(String email) {
        if (email == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select contributor_id from customer_address where email = :email", String.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .getResultList()))
                .map(found -> found.isEmpty() ? null : found.getFirst());
    }
}
