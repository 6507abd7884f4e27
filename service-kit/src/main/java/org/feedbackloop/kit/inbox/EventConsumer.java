package org.feedbackloop.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.events.TransientFailure;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Function;

/**
 * How every consumer of the suite treats a delivery: read it as an event of the contract, hand it to the
 * service's handler, acknowledge it once handled. A message no retry can fix goes to the dead-letter queue at
 * once; while a dependency is away (the database restarting) the handler is retried for about ten minutes, so an
 * outage never dead-letters; an event that refers to something not delivered yet is retried for a few minutes;
 * any other failure three times, then it is dead-lettered. Counts what it handled by event type
 * ({@code events_consumed_total}).
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int OUTAGE_RETRIES = 120;
    private static final int NOT_YET_KNOWN_RETRIES = 40;
    private static final int OTHER_RETRIES = 3;

    private final EventReader reader;
    private final MeterRegistry metrics;

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
        ReceivedEvent event;
        try {
            event = reader.read(message.getPayload());
        } catch (UnreadableEvent unreadable) {
            return deadLetter(message, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
        return Uni.createFrom().deferred(() -> {
                    Causation.begin(event.id());
                    return handler.apply(event);
                })
                .onFailure(TransientFailure::test).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(OUTAGE_RETRIES)
                .onFailure(NotYetKnown.class).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(NOT_YET_KNOWN_RETRIES)
                .onFailure(failure -> !(failure instanceof UnreadableEvent || failure instanceof NotYetKnown
                        || TransientFailure.test(failure)))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(OTHER_RETRIES)
                .onItemOrFailure().transformToUni((outcome, failure) -> failure != null
                        ? deadLetter(message, event.type() + " " + event.id() + ": " + failure.getMessage(), failure)
                        : Uni.createFrom().completionStage(message.ack())
                        .invoke(acked -> metrics.counter("events.consumed", "type", event.type()).increment())
                        .call(acked -> afterAck.apply(outcome)));
    }

    /** For a handler's {@code default} branch: an event of a type this consumer does not take. */
    public static <T> Uni<T> unexpected(ReceivedEvent event) {
        return Uni.createFrom().failure(new UnreadableEvent("an event of type " + event.type() + " is not expected here"));
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
