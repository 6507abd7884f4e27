package org.feedbackloop.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.events.TransientFailure;
import org.feedbackloop.kit.shutdown.WorkInHand;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How every consumer of the suite treats a delivery: read it as an event of the contract, hand it to the
 * service's handler, acknowledge it once handled. A message no retry can fix goes to the dead-letter queue at
 * once; while a dependency is away (the database restarting) the handler is retried for about ten minutes, so an
 * outage never dead-letters; an event that refers to something not delivered yet is retried for a few minutes,
 * briefly in place, then aside while the consumer goes on, and the later events of its subject (the same action,
 * the same feedback) wait aside behind it, so that each subject's events keep their order; any other failure three
 * times, then it is dead-lettered. Counts what it handled by event type ({@code events_consumed_total}). At shutdown
 * it takes no new message and finishes those in hand before the database pools and the broker connection close.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int OUTAGE_RETRIES = 120;
    private static final int NOT_YET_KNOWN_RETRIES = 40;
    /** About a second: what another queue brings is usually there by then, and the queue behind it is not held up. */
    private static final int NOT_YET_KNOWN_IN_PLACE = 2;
    private static final int OTHER_RETRIES = 3;
    /** Within Kubernetes' grace period, after the HTTP requests' shutdown timeout (k8s/base). */
    private static final Duration FINISH_AT_SHUTDOWN = Duration.ofSeconds(10);

    private final EventReader reader;
    private final MeterRegistry metrics;
    private final WorkInHand inHand = new WorkInHand();
    /** The last event waiting aside for each subject (by source and subject): the next one of it waits behind. */
    private final Map<String, CompletableFuture<Void>> asideBySubject = new ConcurrentHashMap<>();

    EventConsumer(EventReader reader, MeterRegistry metrics) {
        this.reader = reader;
        this.metrics = metrics;
    }

    public Uni<Void> consume(Message<byte[]> message, Function<ReceivedEvent, Uni<?>> handler) {
        return consume(message, event -> handler.apply(event).replaceWithVoid(), nothing -> Uni.createFrom().voidItem());
    }

    /** The same, then {@code afterAck} with the handler's outcome once the message is acknowledged. */
    public <R> Uni<Void> consume(Message<byte[]> message, Function<ReceivedEvent, Uni<R>> handler,
                                 Function<R, Uni<Void>> afterAck) {
        if (!inHand.begin()) {
            // never begun: the broker hands it to another replica once this one's connection closes
            return Uni.createFrom().nothing();
        }
        return handle(message, handler, afterAck).onTermination().invoke(inHand::end);
    }

    private <R> Uni<Void> handle(Message<byte[]> message, Function<ReceivedEvent, Uni<R>> handler,
                                 Function<R, Uni<Void>> afterAck) {
        ReceivedEvent event;
        try {
            event = reader.read(message.getPayload());
        } catch (UnreadableEvent unreadable) {
            return deadLetter(message, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
        Uni<R> handled = Uni.createFrom().deferred(() -> {
                    Causation.begin(event.id());
                    return handler.apply(event);
                })
                .onFailure(TransientFailure::test).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(OUTAGE_RETRIES)
                .onFailure(failure -> !(failure instanceof UnreadableEvent || failure instanceof NotYetKnown
                        || TransientFailure.test(failure)))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(OTHER_RETRIES);
        var subject = subjectOf(event);
        var waitingAhead = subject == null ? null : asideBySubject.get(subject);
        if (waitingAhead != null) {
            // an earlier event of its subject waits aside: this one waits behind it, aside too
            var behind = after(waitingAhead).chain(() -> waitedAside(handled, NOT_YET_KNOWN_RETRIES));
            aside(subject, settle(message, event, behind, afterAck), event);
            return Uni.createFrom().voidItem();
        }
        var waitedInPlace = handled.onFailure(NotYetKnown.class).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .atMost(NOT_YET_KNOWN_IN_PLACE);
        return waitedInPlace.onItemOrFailure().transformToUni((outcome, failure) -> {
            if (!(failure instanceof NotYetKnown)) {
                var settled = failure == null ? Uni.createFrom().item(outcome) : Uni.createFrom().<R>failure(failure);
                return settle(message, event, settled, afterAck);
            }
            // What it waits for may be behind it in this very consumer (a message redelivered after a replica stopped
            // comes after those delivered since): it waits aside, unacknowledged, and the consumer goes on. The later
            // events of its subject wait behind it, unless what it waits for is its own subject's beginning: that
            // comes through this queue, behind it.
            var awaited = ((NotYetKnown) failure).awaited();
            var holdsItsSubject = subject != null && !awaited.equals(event.envelope().path("subject").asText());
            var settled = settle(message, event, waitedAside(handled, NOT_YET_KNOWN_RETRIES - NOT_YET_KNOWN_IN_PLACE),
                    afterAck);
            aside(holdsItsSubject ? subject : null, settled, event);
            return Uni.createFrom().voidItem();
        });
    }

    /** Completes once {@code ahead} has, back on this message's Vert.x context, where its handler's session lives. */
    private static Uni<Void> after(CompletableFuture<Void> ahead) {
        var behind = Uni.createFrom().completionStage(ahead);
        var context = Vertx.currentContext();
        return context == null ? behind : behind.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static <R> Uni<R> waitedAside(Uni<R> handled, int retries) {
        return handled.onFailure(NotYetKnown.class).retry().withBackOff(MAX_BACKOFF, MAX_BACKOFF).atMost(retries);
    }

    /** Settles {@code settled} off the consumer's path; until it has, later events of {@code subject} wait behind it. */
    private void aside(String subject, Uni<Void> settled, ReceivedEvent event) {
        var done = new CompletableFuture<Void>();
        if (subject != null) {
            asideBySubject.put(subject, done);
        }
        settled.onTermination().invoke(() -> {
                    if (subject != null) {
                        asideBySubject.remove(subject, done);
                    }
                    done.complete(null);
                })
                .subscribe().with(ok -> { }, lost -> LOG.warnf(lost, "%s %s: not settled", event.type(), event.id()));
    }

    private static String subjectOf(ReceivedEvent event) {
        var subject = event.envelope().path("subject").asText(null);
        return subject == null ? null : event.envelope().path("source").asText("") + " " + subject;
    }

    /**
     * At shutdown, before the database pools and the broker connection close: no new message is begun, and those in
     * hand are finished (for {@link #FINISH_AT_SHUTDOWN} at most), so that none is cut in the middle of its transaction.
     * Those waiting aside for an event not known yet are left: unacknowledged, they go back to the queue.
     */
    void finishInHand(@Observes ShutdownEvent shutdown) throws InterruptedException {
        var left = inHand.stopAndAwait(FINISH_AT_SHUTDOWN);
        if (left > 0) {
            LOG.warnf("%d events still in hand at shutdown: they will be delivered again", left);
        }
    }

    /**
     * Acknowledges the message once {@code handled} succeeded, or dead-letters it; a failure while this instance
     * stops is the instance's, not the event's: the message is left to the broker, which delivers it again.
     */
    private <R> Uni<Void> settle(Message<byte[]> message, ReceivedEvent event, Uni<R> handled,
                                 Function<R, Uni<Void>> afterAck) {
        return handled.onItemOrFailure().transformToUni((outcome, failure) -> {
            if (failure == null) {
                return Uni.createFrom().completionStage(message.ack())
                        .invoke(acked -> metrics.counter("events.consumed", "type", event.type()).increment())
                        .call(acked -> afterAck.apply(outcome));
            }
            return inHand.stopping() ? leftToTheBroker(event, failure)
                    : deadLetter(message, event.type() + " " + event.id() + ": " + failure.getMessage(), failure);
        });
    }

    /** For a handler's {@code default} branch: an event of a type this consumer does not take. */
    public static <T> Uni<T> unexpected(ReceivedEvent event) {
        return Uni.createFrom().failure(new UnreadableEvent("an event of type " + event.type() + " is not expected here"));
    }

    private static Uni<Void> leftToTheBroker(ReceivedEvent event, Throwable failure) {
        LOG.infof("%s %s not handled before shutdown (%s): it will be delivered again", event.type(), event.id(),
                failure.getMessage());
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> deadLetter(Message<byte[]> message, String why, Throwable failure) {
        if (failure instanceof UnreadableEvent) {
            LOG.warnf("Dead-lettering an event: %s", why);
        } else {
            LOG.errorf(failure, "Dead-lettering an event after retries: %s", why);
        }
        return Uni.createFrom().completionStage(message.nack(failure));
    }
}
