package org.feedbackloop.notification.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.config.NotificationConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers the webhook deliveries that are due, on every replica. Each pass claims a batch with
 * {@code FOR UPDATE SKIP LOCKED} and, in that short transaction, counts the attempt and moves
 * {@code next_attempt_at} past the end of the attempt (a lease): the rows are not locked during the HTTP calls,
 * and a replica that dies mid-call leaves them to be retried when the lease ends. The results are recorded in
 * a second transaction: 2xx is SENT; anything else is FAILED and retried with exponential back-off and jitter,
 * and DEAD after the last attempt. Delivery is at least once: receivers de-duplicate by {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final WebhookSender sender;
    private final NotificationConfig.Webhooks config;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failures;
    private final Counter dead;

    WebhookDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions, WebhookSender sender,
                      NotificationConfig config, Clock clock, MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.config = config.webhooks();
        this.clock = clock;
        this.delivered = Counter.builder("notifications.webhooks.delivered")
                .description("Webhook deliveries the receiver accepted (2xx)").register(metrics);
        this.failures = Counter.builder("notifications.webhooks.failures")
                .description("Failed webhook delivery attempts").register(metrics);
        this.dead = Counter.builder("notifications.webhooks.dead")
                .description("Webhook deliveries given up after the last attempt").register(metrics);
    }

    @Scheduled(every = "${feedbackloop.notifications.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return deliverDue().replaceWithVoid();
    }

    /** One pass; returns how many deliveries it attempted. Must be called on a Vert.x context. */
    Uni<Integer> deliverDue() {
        var backOnThisContext = onContext(Vertx.currentContext());
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> claim(now)).flatMap(attempts -> attempts.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(attempts)
                        .onItem().transformToUni(sender::send).merge(attempts.size())
                        .collect().asList()
                        // a timed-out attempt ends on a timer thread; the session belongs to this context
                        .emitOn(backOnThisContext)
                        .flatMap(outcomes -> Panache.withTransaction(() -> record(outcomes)))
                        .replaceWith(attempts.size()));
    }

    private Uni<List<WebhookSender.Attempt>> claim(Instant now) {
        // DNS lookup and HTTP call are each bounded by the timeout
        var leaseEnd = now.plus(config.timeout().multipliedBy(2)).plus(LEASE_MARGIN);
        return deliveries.lockDue(now, config.batchSize()).flatMap(ids -> ids.isEmpty()
                ? Uni.createFrom().item(List.<WebhookSender.Attempt>of())
                : deliveries.list("id in ?1", ids).flatMap(due -> subscriptions
                        .list("id in ?1", due.stream().map(d -> d.subscriptionId).distinct().toList())
                        .map(found -> {
                            var subscriptionById = found.stream()
                                    .collect(Collectors.toMap(s -> s.id, Function.identity()));
                            return due.stream().map(delivery -> {
                                delivery.attempts++;
                                delivery.nextAttemptAt = leaseEnd;
                                var subscription = subscriptionById.get(delivery.subscriptionId);
                                return new WebhookSender.Attempt(delivery.id, subscription.url, subscription.secret,
                                        delivery.payload);
                            }).toList();
                        })));
    }

    private Uni<Void> record(List<WebhookSender.Outcome> outcomes) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, WebhookSender.Outcome> byDelivery = outcomes.stream()
                .collect(Collectors.toMap(WebhookSender.Outcome::deliveryId, Function.identity()));
        return deliveries.list("id in ?1", List.copyOf(byDelivery.keySet()))
                .invoke(rows -> rows.forEach(delivery -> apply(delivery, byDelivery.get(delivery.id), now)))
                .replaceWithVoid();
    }

    private void apply(WebhookDelivery delivery, WebhookSender.Outcome outcome, Instant now) {
        delivery.lastStatusCode = outcome.statusCode();
        if (outcome.delivered()) {
            delivery.status = WebhookDelivery.Status.SENT;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            delivered.increment();
            return;
        }
        failures.increment();
        delivery.lastError = outcome.error();
        if (delivery.status == WebhookDelivery.Status.DEAD) {
            return; // its subscription was deleted during the attempt
        }
        if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = WebhookDelivery.Status.DEAD;
            delivery.nextAttemptAt = null;
            dead.increment();
            LOG.warnf("Webhook delivery %s of event %s is dead after %d attempts: %s", delivery.id, delivery.eventId,
                    delivery.attempts, outcome.error());
        } else {
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts, config.firstBackoff(), config.maxBackoff(),
                    ThreadLocalRandom.current().nextDouble()));
            LOG.debugf("Webhook delivery %s failed (attempt %d), retried at %s: %s", delivery.id, delivery.attempts,
                    delivery.nextAttemptAt, outcome.error());
        }
    }

    /**
     * The wait after failed attempt number {@code attempts}: {@code first}, doubling per attempt, capped at
     * {@code max}, then ±20% jitter ({@code unitRandom} in [0, 1)) so that receivers coming back are not hit by
     * every retry at once.
     */
    static Duration backoff(int attempts, Duration first, Duration max, double unitRandom) {
        var doubled = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        var capped = doubled <= 0 ? max.toMillis() : Math.min(doubled, max.toMillis());
        return Duration.ofMillis(Math.round(capped * (0.8 + 0.4 * unitRandom)));
    }

    private static Executor onContext(Context context) {
        if (context == null) {
            throw new IllegalStateException("Webhook deliveries must be dispatched on a Vert.x context");
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
