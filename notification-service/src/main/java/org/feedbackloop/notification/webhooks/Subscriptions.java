package org.feedbackloop.notification.webhooks;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.feedbackloop.kit.signing.CursorCodec;
import org.feedbackloop.notification.api.problem.NotificationProblem;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Integrators' subscriptions: each integrator reaches only its own; another's answers as if it did not exist. */
@ApplicationScoped
public class Subscriptions {

    static final int MAX_ACTIVE_PER_INTEGRATOR = 100;

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final UrlGuard guard;
    private final Clock clock;

    Subscriptions(SubscriptionRepository subscriptions, DeliveryRepository deliveries, UrlGuard guard, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.clock = clock;
    }

    /** Checks the request (the URL through the SSRF guard) and stores the subscription with a new secret. */
    public Uni<WebhookSubscription> subscribe(String ownerId, NewWebhook request) {
        var errors = new ArrayList<Problem.FieldError>();
        try {
            UrlGuard.parse(request.url());
        } catch (UrlGuard.Refused refused) {
            errors.add(new Problem.FieldError("url", refused.getMessage()));
        }
        for (int i = 0; i < request.eventTypes().size(); i++) {
            if (!EventTypeFilter.isSubscribable(request.eventTypes().get(i))) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]",
                        "must be one of " + String.join(", ", EventTypeFilter.SUBSCRIBABLE)));
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        // the DNS lookup happens before the transaction: no connection is held while it blocks a worker
        return guard.check(request.url())
                .onFailure(UrlGuard.Refused.class).transform(refused -> ProblemException.invalid("url", refused.getMessage()))
                .flatMap(target -> Panache.withTransaction(() -> subscriptions.countActiveOf(ownerId).flatMap(count -> {
                    if (count >= MAX_ACTIVE_PER_INTEGRATOR) {
                        return Uni.createFrom().failure(ProblemException.of(NotificationProblem.UNPROCESSABLE,
                                "You have " + MAX_ACTIVE_PER_INTEGRATOR + " webhooks, the most one integrator may "
                                        + "have; delete one first"));
                    }
                    var subscription = new WebhookSubscription();
                    subscription.id = UUID.randomUUID();
                    subscription.ownerId = ownerId;
                    subscription.url = request.url();
                    subscription.eventTypes = request.eventTypes().stream().distinct().toList();
                    subscription.description = request.description();
                    subscription.secret = WebhookSignature.newSecret();
                    subscription.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return subscriptions.persist(subscription);
                })));
    }

    @WithSession
    public Uni<List<WebhookSubscription>> page(String ownerId, CursorCodec.Position after, int limit) {
        return subscriptions.pageOf(ownerId, after, limit);
    }

    @WithSession
    public Uni<WebhookSubscription> get(String ownerId, UUID id) {
        return active(ownerId, id);
    }

    /** Deletes the subscription; what it still had to deliver becomes DEAD, and its log stays. */
    @WithTransaction
    public Uni<Void> unsubscribe(String ownerId, UUID id) {
        return active(ownerId, id).flatMap(subscription -> {
            subscription.deletedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return deliveries.retireOpenOf(subscription.id);
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<List<WebhookDelivery>> deliveries(String ownerId, UUID id, CursorCodec.Position after, int limit) {
        return active(ownerId, id).flatMap(subscription -> deliveries.pageOf(subscription.id, after, limit));
    }

    private Uni<WebhookSubscription> active(String ownerId, UUID id) {
        return subscriptions.activeOf(ownerId, id).onItem().ifNull().failWith(() ->
                ProblemException.of(ProblemType.NOT_FOUND, "You have no webhook " + id));
    }
}
