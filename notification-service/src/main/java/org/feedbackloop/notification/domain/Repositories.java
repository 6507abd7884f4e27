package org.feedbackloop.notification.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The persistence of this service's small tables, one repository each. */
public final class Repositories {

    private Repositories() {
    }

    @ApplicationScoped
    public static class Contributions implements PanacheRepositoryBase<Contribution, UUID> {

        public Uni<List<Contribution>> ofAction(UUID actionId) {
            return find("actionId = ?1 order by receivedAt, feedbackId", actionId).list();
        }
    }

    @ApplicationScoped
    public static class Actions implements PanacheRepositoryBase<TrackedAction, UUID> {
    }

    @ApplicationScoped
    public static class Preferences implements PanacheRepositoryBase<Preference, String> {

        public Uni<Preference> of(String userId) {
            return userId == null ? Uni.createFrom().item(Preference.defaults(null))
                    : findById(userId).map(found -> found != null ? found : Preference.defaults(userId));
        }
    }

    @ApplicationScoped
    public static class Suppressions implements PanacheRepositoryBase<EmailSuppression, String> {

        /**
         * Why no e-mail may go to the address, or null when it may: its suppression is kept as the address, or, once
         * its person's data was erased, as its hash.
         */
        public Uni<String> reasonFor(String email) {
            var address = email.strip().toLowerCase(Locale.ROOT);
            return find("email in ?1 order by createdAt", List.of(address, EmailSuppression.hashed(address)))
                    .firstResult().map(found -> found == null ? null : found.reason);
        }

        /**
         * Records that mail to the address failed for good; an earlier suppression stays as it was (an erased person's,
         * kept as the hash, stays a hash).
         */
        public Uni<Boolean> bounced(String email, Instant at) {
            var address = email.strip().toLowerCase(Locale.ROOT);
            return getSession().flatMap(session -> session.createNativeQuery("""
                            insert into email_suppression (email, created_at, reason)
                            select :email, :at, :reason
                            where not exists (select 1 from email_suppression where email = :hashed)
                            on conflict (email) do nothing""")
                    .setParameter("email", address)
                    .setParameter("hashed", EmailSuppression.hashed(address))
                    .setParameter("at", at)
                    .setParameter("reason", EmailSuppression.BOUNCED)
                    .executeUpdate()).map(inserted -> inserted == 1);
        }
    }

    @ApplicationScoped
    public static class Notifications implements PanacheRepositoryBase<Notification, UUID> {

        public Uni<Boolean> exists(UUID sourceEventId, String recipient, Notification.Channel channel) {
            return count("sourceEventId = ?1 and recipient = ?2 and channel = ?3", sourceEventId, recipient, channel)
                    .map(count -> count > 0);
        }

        /** Whether the recipient was told of the source already, on any channel. */
        public Uni<Boolean> exists(UUID sourceEventId, String recipient) {
            return count("sourceEventId = ?1 and recipient = ?2", sourceEventId, recipient).map(count -> count > 0);
        }
    }
}
