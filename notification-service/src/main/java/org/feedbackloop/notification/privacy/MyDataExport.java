package org.feedbackloop.notification.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.domain.Contribution;
import org.feedbackloop.notification.domain.EmailSuppression;
import org.feedbackloop.notification.domain.Notification;
import org.feedbackloop.notification.domain.Preference;
import org.feedbackloop.notification.domain.Repositories;
import org.feedbackloop.notification.privacy.MyNotificationData.MyContribution;
import org.feedbackloop.notification.privacy.MyNotificationData.MyNotification;
import org.feedbackloop.notification.privacy.MyNotificationData.MyPreferences;
import org.feedbackloop.notification.privacy.MyNotificationData.MySuppression;
import org.feedbackloop.notification.privacy.MyNotificationData.MySurveyInvitation;
import org.feedbackloop.notification.security.Recipients;
import org.feedbackloop.notification.surveys.SurveyInvitation;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads everything held about one customer, each list bounded to the newest {@link MyNotificationData#MAX_ITEMS}. Who
 * they are comes from their token alone: their id, and their address when the identity provider verified it; the
 * contacts they gave with their own feedback are theirs too. Access is in the queries: nothing else is read.
 */
@ApplicationScoped
public class MyDataExport {

    private static final int LIMIT = MyNotificationData.MAX_ITEMS;

    private final Repositories.Preferences preferences;
    private final Repositories.Contributions contributions;
    private final Repositories.Notifications notifications;
    private final Repositories.Suppressions suppressions;
    private final ObjectMapper json;
    private final Clock clock;

    MyDataExport(Repositories.Preferences preferences, Repositories.Contributions contributions,
                 Repositories.Notifications notifications, Repositories.Suppressions suppressions, ObjectMapper json,
                 Clock clock) {
        this.preferences = preferences;
        this.contributions = contributions;
        this.notifications = notifications;
        this.suppressions = suppressions;
        this.json = json;
        this.clock = clock;
    }

    /** {@code verifiedEmail}: the token's address when the identity provider verified it, else null. */
    public Uni<MyNotificationData> of(String subject, String verifiedEmail) {
        return Panache.withSession(() -> contributions.find("contributorId = ?1 order by receivedAt desc, feedbackId desc",
                        subject).page(0, LIMIT + 1).list()
                .flatMap(theirs -> {
                    var addresses = new TreeSet<String>();
                    if (verifiedEmail != null && !verifiedEmail.isBlank()) {
                        addresses.add(normal(verifiedEmail));
                    }
                    theirs.stream().map(c -> c.contactEmail).filter(Objects::nonNull).map(MyDataExport::normal)
                            .forEach(addresses::add);
                    var found = new Found(subject, List.copyOf(addresses));
                    found.contributions = theirs;
                    return preferences.findById(subject).invoke(p -> found.preference = p)
                            .flatMap(p -> notificationsTo(found)).invoke(list -> found.notifications = list)
                            .flatMap(list -> invitationsOf(found)).invoke(list -> found.invitations = list)
                            .flatMap(list -> suppressionsOf(found)).invoke(list -> found.suppressions = list)
                            .map(list -> found.data(clock, json));
                }));
    }

    /** What the queries found, put together at the end. */
    private static final class Found {
        final String subject;
        final List<String> addresses;
        List<Contribution> contributions;
        Preference preference;
        List<Notification> notifications;
        List<Object[]> invitations;
        List<EmailSuppression> suppressions;

        Found(String subject, List<String> addresses) {
            this.subject = subject;
            this.addresses = addresses;
        }

        MyNotificationData data(Clock clock, ObjectMapper json) {
            var truncated = contributions.size() > LIMIT || notifications.size() > LIMIT || invitations.size() > LIMIT
                    || first(notifications).stream().anyMatch(Notification::feedbackIdsCut);
            var prefs = preference == null
                    ? new MyPreferences(true, true, Preference.Digest.IMMEDIATE, true, true, null)
                    : new MyPreferences(preference.emailEnabled, preference.inAppEnabled, preference.digest,
                    preference.storiesEnabled, false, preference.updatedAt);
            var byForm = new HashMap<String, EmailSuppression>();
            suppressions.forEach(s -> byForm.put(s.email, s));
            var stopped = addresses.stream().map(address -> {
                var found = byForm.getOrDefault(address, byForm.get(EmailSuppression.hashed(address)));
                return found == null ? new MySuppression(address, false, null, null)
                        : new MySuppression(address, true, found.reason, found.createdAt);
            }).toList();
            return new MyNotificationData(subject, addresses, prefs,
                    first(contributions).stream().map(c -> new MyContribution(c.feedbackId, c.text, c.contactEmail,
                            c.consentToContact, c.topic, c.channel, c.receivedAt, c.actionId, c.linkedAt)).toList(),
                    first(notifications).stream().map(n -> notification(n, json)).toList(),
                    first(invitations).stream().map(row -> {
                        var i = (SurveyInvitation) row[0];
                        return new MySurveyInvitation(i.id, i.surveyId, (String) row[1], i.email, i.invitedAt,
                                i.expiresAt, i.answeredAt, i.score, i.reason);
                    }).toList(),
                    stopped, truncated, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    /** Their inbox, and whatever went to one of their addresses (as a person or as an address without an account). */
    private Uni<List<Notification>> notificationsTo(Found found) {
        var where = new StringBuilder("recipient = ?1 or userId = ?2");
        var parameters = new ArrayList<Object>(List.of(Recipients.user(found.subject), found.subject));
        if (!found.addresses.isEmpty()) {
            where.append(" or recipient in ?3 or lower(email) in ?4");
            parameters.add(found.addresses.stream().map(Recipients::email).toList());
            parameters.add(found.addresses);
        }
        return notifications.find("(" + where + ") order by createdAt desc, id desc", parameters.toArray())
                .page(0, LIMIT + 1).list();
    }

    /** Surveys asked at one of their addresses, or naming them; with each survey's name. */
    private static Uni<List<Object[]>> invitationsOf(Found found) {
        var where = found.addresses.isEmpty() ? "i.contributorId = :subject"
                : "(i.contributorId = :subject or i.email in :addresses)";
        return Panache.getSession().flatMap(session -> {
            var query = session.createQuery("""
                    select i, s.name from SurveyInvitation i, Survey s
                    where s.id = i.surveyId and %s
                    order by i.invitedAt desc, i.id desc""".formatted(where), Object[].class)
                    .setParameter("subject", found.subject);
            if (!found.addresses.isEmpty()) {
                query.setParameter("addresses", found.addresses);
            }
            return query.setMaxResults(LIMIT + 1).getResultList();
        });
    }

    /** The suppression of each address, kept as the address or (after an erasure) as its hash. */
    private Uni<List<EmailSuppression>> suppressionsOf(Found found) {
        if (found.addresses.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        var forms = new ArrayList<String>();
        found.addresses.forEach(address -> {
            forms.add(address);
            forms.add(EmailSuppression.hashed(address));
        });
        return suppressions.list("email in ?1", forms);
    }

    private static MyNotification notification(Notification n, ObjectMapper json) {
        JsonNode data;
        try {
            data = json.readTree(n.data == null ? "{}" : n.data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var reason = n.status == Notification.Status.SENT || n.status == Notification.Status.PENDING ? null : n.lastError;
        return new MyNotification(n.id, n.kind, n.channel, n.status, reason, n.email, n.title, n.body, n.actionId,
                n.feedbackIds == null ? List.of() : n.shownFeedbackIds(), data, n.createdAt, n.sentAt, n.readAt);
    }

    private static <T> List<T> first(List<T> list) {
        return list.size() > LIMIT ? list.subList(0, LIMIT) : list;
    }

    private static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
