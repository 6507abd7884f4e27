package org.feedbackloop.notification.email;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.kit.shutdown.WorkInHand;
import org.feedbackloop.notification.config.NotificationConfig;
import org.feedbackloop.notification.domain.Notification;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends e-mail off the consumers' path: an event that queued e-mail due now wakes it, and otherwise it looks every
 * poll interval (what comes due later, retries, what another replica left). Each look starts a round of
 * {@link EmailSender#sendDue} on a Vert.x context of its own, up to {@code rounds} at once: rounds claim disjoint
 * rows ({@code SKIP LOCKED}), so a slow or hanging mail server holds up one round's messages, not the next ones; a
 * look asked for while every round is busy happens when one ends, and a full round asks for another, so a burst
 * drains at the mail server's pace. Replicas share the work the same way. At shutdown no round starts, and those
 * underway end first: a round stopped between the mail server's acceptance and its record would send again.
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    /** Within Kubernetes' grace period, after the HTTP requests' shutdown timeout (k8s/base). */
    private static final Duration FINISH_AT_SHUTDOWN = Duration.ofSeconds(10);

    private final EmailSender sender;
    private final NotificationConfig.Email config;
    private final Vertx vertx;
    private final Clock clock;
    private final WorkInHand roundsUnderway = new WorkInHand();
    private final AtomicBoolean lookAskedFor = new AtomicBoolean();

    EmailDispatcher(EmailSender sender, NotificationConfig config, Vertx vertx, Clock clock) {
        this.sender = sender;
        this.config = config.email();
        this.vertx = vertx;
        this.clock = clock;
    }

    /** After a commit that queued notifications: sends now rather than at the next poll when e-mail is due. */
    public void wakeUpIfDue(List<Notification> created) {
        var now = clock.instant();
        if (created.stream().anyMatch(n -> n.channel == Notification.Channel.EMAIL
                && n.status == Notification.Status.PENDING && !n.nextAttemptAt.isAfter(now))) {
            look();
        }
    }

    @Scheduled(every = "${feedbackloop.notifications.email.poll-interval}")
    void look() {
        lookAskedFor.set(true);
        startRounds();
    }

    /** Before the database pool closes: lets the rounds underway record what the mail server accepted. */
    void finishRounds(@Observes ShutdownEvent shutdown) throws InterruptedException {
        var left = roundsUnderway.stopAndAwait(FINISH_AT_SHUTDOWN);
        if (left > 0) {
            LOG.warnf("%d e-mail rounds still underway at shutdown", left);
        }
    }

    private void startRounds() {
        // when every round is busy (or this instance stops) the look waits: the next round to end looks again
        while (lookAskedFor.get() && roundsUnderway.begin(config.rounds())) {
            lookAskedFor.set(false);
            startRound();
        }
    }

    private void startRound() {
        // a context of its own: never the session or the context of the consumer that woke it
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> sender.sendDue(clock.instant())).subscribe().with(
                handled -> {
                    if (handled >= config.batchSize()) {
                        lookAskedFor.set(true);
                    }
                    roundEnded();
                },
                failure -> {
                    LOG.debugf("E-mail round failed (the next look retries): %s", failure);
                    roundEnded();
                }));
    }

    private void roundEnded() {
        roundsUnderway.end();
        startRounds();
    }
}
