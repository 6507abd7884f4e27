package org.feedbackloop.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.events.CloudEvent;
import org.feedbackloop.kit.inbox.Causation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Adds an event to the outbox in the caller's transaction, so that it exists if and only if the change it
 * announces was committed. Only the {@link OutboxRelay} ever publishes.
 */
@ApplicationScoped
public class OutboxWriter {

    private final String source;
    private final ObjectMapper json;
    private final OutboxRelay relay;

    OutboxWriter(ObjectMapper json, OutboxRelay relay, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.source = "/" + service;
        this.json = json;
        this.relay = relay;
    }

    /**
     * Must run inside an open transaction: it joins it and never commits on its own. While a consumer handles an
     * event, the new event's id is derived from it ({@link Causation}): handling it again makes the same event.
     */
    @WithTransaction
    public <T> Uni<CloudEvent<T>> add(String type, String subject, T data) {
        return add(Causation.newId("event " + type + " " + subject), type, subject, data);
    }

    /**
     * The same with an id the caller derives from what the event announces (a deadline passed: the action and the
     * deadline), so that announcing it again, after a restore from a backup, is recognised downstream.
     */
    @WithTransaction
    public <T> Uni<CloudEvent<T>> add(UUID id, String type, String subject, T data) {
        var event = CloudEvent.of(id, source, type, subject, data);
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

    /**
     * The same for the background workers that use JDBC: adds the event in {@code connection}'s open transaction,
     * continuing the trace {@code traceparent} (the request's, when the work was started by one).
     */
    public <T> CloudEvent<T> add(Connection connection, String type, String subject, T data, String traceparent)
            throws SQLException {
        var event = CloudEvent.of(source, type, subject, data);
        try (var statement = connection.prepareStatement(
                "insert into outbox_event (id, aggregate_id, type, payload, traceparent) values (?, ?, ?, cast(? as jsonb), ?)")) {
            statement.setObject(1, event.id());
            statement.setString(2, subject);
            statement.setString(3, type);
            statement.setString(4, serialize(event));
            statement.setString(5, traceparent);
            statement.executeUpdate();
        }
        return event;
    }

    /** The trace context of the current span, to continue it later: W3C {@code traceparent}, or null. */
    public static String currentTraceparent() {
        var carrier = new HashMap<String, String>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
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
}
