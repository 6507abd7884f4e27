package org.feedbackloop.notification.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.CloudEvent;

/**
 * Adds an event to the outbox in the caller's transaction, so that it exists if and only if the change it
 * announces was committed. Only the {@link OutboxRelay} ever publishes.
 */
@ApplicationScoped
public class OutboxWriter {

    static final String SOURCE = "/notification-service";

    private final ObjectMapper json;
    private final OutboxRelay relay;

    OutboxWriter(ObjectMapper json, OutboxRelay relay) {
        this.json = json;
        this.relay = relay;
    }

    /** Must run inside an open transaction: it joins it and never commits on its own. */
    @WithTransaction
    public <T> Uni<CloudEvent<T>> add(String type, String subject, T data) {
        var event = CloudEvent.of(SOURCE, type, subject, data);
        var row = new OutboxEvent();
        row.id = event.id();
        row.aggregateId = subject;
        row.type = type;
        row.payload = serialize(event);
        row.traceparent = currentTraceparent();
        return Panache.getSession()
                .flatMap(session -> session.persist(row))
                .replaceWith(event);
    }

    /** Tells the relay there is something to publish, once the transaction has committed. */
    public void committed() {
        relay.wakeUp();
    }

    private String serialize(CloudEvent<?> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be serialised", e);
        }
    }

    private static String currentTraceparent() {
        var context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
