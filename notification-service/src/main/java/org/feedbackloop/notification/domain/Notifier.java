package org.feedbackloop.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.NotificationDelivered;
import org.feedbackloop.kit.outbox.OutboxWriter;
import org.feedbackloop.notification.config.NotificationConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a message for an audience into notifications, one per channel the person is reachable on and
 * agreed to: the inbox (delivered at once, announced as {@code notification.delivered}) and e-mail (queued for
 * the sender, immediately or in the daily digest; the weekly stories always at once). A channel the person cannot be
 * reached on, or a kind they switched off (the weekly stories), is recorded as SUPPRESSED with the reason, never
 * silently dropped. An existing (event, recipient, channel) is left alone: exactly once.
 */
@ApplicationScoped
public class Notifier {

    private final Repositories.Notifications notifications;
    private final Repositories.Preferences preferences;
    private final Repositories.Suppressions suppressions;
    private final OutboxWriter outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final int digestHour;

    Notifier(Repositories.Notifications notifications, Repositories.Preferences preferences,
             Repositories.Suppressions suppressions, OutboxWriter outbox, ObjectMapper json, Clock clock,
             NotificationConfig config) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.digestHour = config.email().digestHourUtc();
    }

    /** Must run in the consumer's transaction; returns the notifications it created (for the live stream). */
    public Uni<List<Notification>> notify(UUID sourceEventId, Audience audience, Message message) {
        return notify(sourceEventId, audience, message, Duration.ZERO);
    }

    /** As {@link #notify(UUID, Audience, Message)}, the e-mail not before {@code emailDelay} from now. */
    public Uni<List<Notification>> notify(UUID sourceEventId, Audience audience, Message message, Duration emailDelay) {
        if (audience == null) {
            return Uni.createFrom().item(List.of());
        }
        return preferences.of(audience.userId()).flatMap(preference -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var planned = new ArrayList<Uni<Notification>>();
            if (audience.hasInbox()) {
                planned.add(suppressionOfInbox(preference, message.kind()).flatMap(reason ->
                        create(sourceEventId, audience, Notification.Channel.IN_APP, message, now, reason, now)));
            }
            if (audience.email() != null) {
                // the weekly stories are a digest already: not held for the daily one
                var daily = preference.digest == Preference.Digest.DAILY && message.kind() != Kind.STORIES;
                planned.add(suppressionOfEmail(audience.email(), preference, message.kind()).flatMap(reason ->
                        create(sourceEventId, audience, Notification.Channel.EMAIL, message, now, reason,
                                daily ? nextDigest(now.plus(emailDelay)) : now.plus(emailDelay))));
            }
            return Multi.createFrom().iterable(planned).onItem().transformToUniAndConcatenate(uni -> uni)
                    .filter(created -> created != null).collect().asList();
        });
    }

    private static final String STORIES_OFF = "weekly stories switched off in the preferences";

    private Uni<String> suppressionOfInbox(Preference preference, Kind kind) {
        if (kind == Kind.STORIES && !preference.storiesEnabled) {
            return Uni.createFrom().item(STORIES_OFF);
        }
        return Uni.createFrom().item(preference.inAppEnabled ? null : "in-app notifications switched off");
    }

    private Uni<String> suppressionOfEmail(String email, Preference preference, Kind kind) {
        if (kind == Kind.STORIES && !preference.storiesEnabled) {
            return Uni.createFrom().item(STORIES_OFF);
        }
        if (!preference.emailEnabled) {
            return Uni.createFrom().item("e-mail switched off in the preferences");
        }
        return suppressions.reasonFor(email).map(reason -> reason == null ? null
                : EmailSuppression.BOUNCED.equals(reason) ? "mail to the address failed for good (a delivery report)"
                : "the address unsubscribed");
    }

    private Uni<Notification> create(UUID sourceEventId, Audience audience, Notification.Channel channel,
                                     Message message, Instant now, String suppressedBecause, Instant sendAt) {
        return notifications.exists(sourceEventId, audience.recipient(), channel).flatMap(exists -> {
            if (exists) {
                return Uni.createFrom().nullItem();
            }
            var notification = new Notification();
            notification.id = UUID.randomUUID();
            notification.sourceEventId = sourceEventId;
            notification.recipient = audience.recipient();
            notification.channel = channel;
            notification.kind = message.kind();
            notification.userId = audience.userId();
            notification.email = channel == Notification.Channel.EMAIL ? audience.email() : null;
            notification.actionId = message.actionId();
            notification.feedbackIds = message.feedbackIds();
            notification.title = message.title();
            notification.body = message.body();
            notification.data = serialize(message);
            notification.createdAt = now;
            if (suppressedBecause != null) {
                notification.status = Notification.Status.SUPPRESSED;
                notification.lastError = suppressedBecause;
            } else if (channel == Notification.Channel.IN_APP) {
                notification.status = Notification.Status.SENT;
                notification.sentAt = now;
            } else {
                notification.status = Notification.Status.PENDING;
                notification.nextAttemptAt = sendAt;
            }
            var persisted = notifications.persist(notification);
            return notification.status == Notification.Status.SENT
                    ? persisted.call(saved -> delivered(saved, message.actionStatus()))
                    : persisted;
        });
    }

    /** After the transaction that announced deliveries committed: the relay publishes now, not at its next poll. */
    public void committed() {
        outbox.committed();
    }

    /** Announces a delivery (in the caller's transaction): feedback-service closes loops from it. */
    public Uni<Void> delivered(Notification notification, String actionStatus) {
        return outbox.add(EventTypes.NOTIFICATION_DELIVERED, notification.id.toString(), new NotificationDelivered(
                notification.id, notification.sourceEventId, notification.kind.name(), notification.channel.name(),
                notification.userId, notification.feedbackIds, notification.actionId, actionStatus,
                notification.sentAt)).replaceWithVoid();
    }

    private Instant nextDigest(Instant now) {
        var today = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(LocalTime.of(digestHour, 0)).toInstant(ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plus(1, ChronoUnit.DAYS);
    }

    private String serialize(Message message) {
        try {
            return json.writeValueAsString(message.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
