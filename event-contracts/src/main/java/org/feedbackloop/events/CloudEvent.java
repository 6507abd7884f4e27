package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as every Feedback Loop service puts it on
 * the wire. {@code id} is the idempotency key consumers record; {@code subject} is the id of the
 * aggregate the event is about; {@code type} is also the routing key.
 *
 * @param <T> the type of {@code data}, one of the records in this package
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        UUID id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Content type of a message whose body is a whole structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    /** A new event, timed to the microsecond like every time in {@code data} (what the databases keep). */
    public static <T> CloudEvent<T> of(String source, String type, String subject, T data) {
        return of(UUID.randomUUID(), source, type, subject, data);
    }

    /** The same with a chosen id: one derived from what caused the event, so that making it again makes it alike. */
    public static <T> CloudEvent<T> of(UUID id, String source, String type, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type,
                Instant.now().truncatedTo(ChronoUnit.MICROS), subject, JSON, data);
    }
}
