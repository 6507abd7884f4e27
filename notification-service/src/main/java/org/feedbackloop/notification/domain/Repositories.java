package org.feedbackloop.notification.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

        public Uni<Boolean> isSuppressed(String email) {
            return findById(email.toLowerCase(Locale.ROOT)).map(found -> found != null);
        }
    }

    @ApplicationScoped
    public static class Notifications implements PanacheRepositoryBase<Notification, UUID> {

        public Uni<Boolean> exists(UUID sourceEventId, String recipient, Notification.Channel channel) {
            return count("sourceEventId = ?1 and recipient = ?2 and channel = ?3", sourceEventId, recipient, channel)
                    .map(count -> count > 0);
        }
    }
}
