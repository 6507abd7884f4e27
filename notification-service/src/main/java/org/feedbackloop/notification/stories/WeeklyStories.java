package org.feedbackloop.notification.stories;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.notification.config.NotificationConfig;
import org.feedbackloop.notification.directory.StaffDirectory;
import org.feedbackloop.notification.directory.StaffMember;
import org.feedbackloop.notification.domain.Audience;
import org.feedbackloop.notification.domain.Kind;
import org.feedbackloop.notification.domain.Message;
import org.feedbackloop.notification.domain.Notification;
import org.feedbackloop.notification.domain.Notifier;
import org.feedbackloop.notification.domain.Repositories;
import org.feedbackloop.notification.email.EmailDispatcher;
import org.feedbackloop.notification.inbox.LiveStream;
import org.feedbackloop.notification.wording.Wording;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The weekly stories digest: from Monday's hour (UTC) on, each check tells every manager and owner in the staff
 * directory the stories of the week before ({@link StoriesReport}), in their inbox and by e-mail at the directory's
 * address, through the {@link Notifier} (their preferences apply: switched off, it is recorded SUPPRESSED). A
 * recipient with nothing to tell that week gets nothing.
 * <p>
 * Once per recipient and week, whatever the checks and replicas: the message's source id is derived from (week,
 * recipient), the notification's unique key (source, recipient, channel) backs it, and a transaction-scoped advisory
 * lock on the pair makes a second replica wait and then find it told. When the directory cannot be read nothing is
 * recorded: the next check tries again.
 */
@ApplicationScoped
public class WeeklyStories {

    private static final Logger LOG = Logger.getLogger(WeeklyStories.class);
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final StaffDirectory directory;
    private final StoriesReport report;
    private final Notifier notifier;
    private final Repositories.Notifications notifications;
    private final LiveStream live;
    private final EmailDispatcher email;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration fromMonday;

    WeeklyStories(StaffDirectory directory, StoriesReport report, Notifier notifier,
                  Repositories.Notifications notifications, LiveStream live, EmailDispatcher email, ObjectMapper json,
                  Clock clock, NotificationConfig config) {
        this.directory = directory;
        this.report = report;
        this.notifier = notifier;
        this.notifications = notifications;
        this.live = live;
        this.email = email;
        this.json = json;
        this.clock = clock;
        this.fromMonday = Duration.ofHours(config.stories().hourUtc());
    }

    void onStart(@Observes StartupEvent start) {
        if (!directory.isConfigured()) {
            LOG.info("The weekly stories digest is off: no DIRECTORY_CLIENT_SECRET to read the managers and owners "
                    + "from the staff directory with");
        }
    }

    @Scheduled(every = "${feedbackloop.notifications.stories.check-every}",
            delayed = "${feedbackloop.notifications.stories.check-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        if (!directory.isConfigured()) {
            return Uni.createFrom().voidItem();
        }
        return sendDue(clock.instant())
                .invoke(told -> {
                    if (told > 0) {
                        LOG.infof("The weekly stories went to %d managers and owners", told);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("The weekly stories were not sent (the next check tries "
                        + "again): %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Sends the stories of the last complete week at {@code now} to every manager and owner who has not had them, once
     * it is past Monday's hour; returns to how many a digest was recorded now (sent, or suppressed by a preference).
     */
    public Uni<Integer> sendDue(Instant now) {
        var week = Week.lastCompleteAt(now);
        if (now.isBefore(week.end().plus(fromMonday))) {
            return Uni.createFrom().item(0);
        }
        return directory.staff().flatMap(staff -> Multi.createFrom().iterable(staff)
                .onItem().transformToUniAndConcatenate(member -> sendTo(week, member))
                .collect().asList()
                .map(recorded -> (int) recorded.stream().filter(Boolean::booleanValue).count()));
    }

    /** One recipient's digest of {@code week}, in a transaction of its own; returns whether it was recorded now. */
    Uni<Boolean> sendTo(Week week, StaffMember member) {
        var source = sourceOf(week, member.userId());
        var audience = Audience.staffMember(member.userId(), member.email());
        return Panache.withTransaction(() -> lock(source)
                        .flatMap(locked -> notifications.exists(source, audience.recipient()))
                        .flatMap(told -> told ? Uni.createFrom().item(List.<Notification>of())
                                : report.of(week, member.manager() ? null : member.teams()).flatMap(stories ->
                                stories.isEmpty() ? Uni.createFrom().item(List.<Notification>of())
                                        : notifier.notify(source, audience, message(stories)))))
                .invoke(created -> {
                    if (!created.isEmpty()) {
                        notifier.committed();
                        live.publish(created);
                        email.wakeUpIfDue(created);
                    }
                })
                .map(created -> !created.isEmpty());
    }

    /** The source id of a recipient's digest of a week: the same on every replica and at every check. */
    public static UUID sourceOf(Week week, String userId) {
        return UUID.nameUUIDFromBytes(("stories:" + week.firstDay() + ":" + userId).getBytes(StandardCharsets.UTF_8));
    }

    /** Held until the transaction ends: another replica telling the same recipient of the same week waits for it. */
    private static Uni<Integer> lock(UUID source) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked", Integer.class)
                .setParameter("key", "stories:" + source)
                .getSingleResult());
    }

    private Message message(WeekStories stories) {
        var text = Wording.stories(stories);
        var details = json.convertValue(stories, DETAILS);
        details.put("weekLabel", Wording.week(stories.week()));
        details.put("scope", Wording.storiesScope(stories.teams()));
        return new Message(Kind.STORIES, text.title(), text.body(), null, stories.quotedFeedbackIds(), null, details);
    }
}
