package org.feedbackloop.action.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FeedbackReceived;
import org.feedbackloop.events.FeedbackUpdated;

import java.io.IOException;
import java.util.UUID;

/** A CloudEvent of {@code feedback.events} read from the wire, or the reason it cannot be. */
sealed interface FeedbackEvent {

    UUID id();

    /** New feedback, to triage. */
    record Received(UUID id, FeedbackReceived data) implements FeedbackEvent {
    }

    /** Feedback read again (a taxonomy change, or the model reading feedback older than it). */
    record Updated(UUID id, FeedbackUpdated data) implements FeedbackEvent {
    }

    /** A message no retry can fix: it goes to the dead-letter queue at once. */
    final class Poison extends RuntimeException {
        Poison(String message) {
            super(message, null, false, false);
        }
    }

    static FeedbackEvent parse(byte[] body, ObjectMapper json) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new Poison("not JSON: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new Poison("not a JSON object");
        }
        var type = event.path("type").asText();
        UUID id;
        try {
            id = UUID.fromString(event.path("id").asText());
        } catch (IllegalArgumentException e) {
            throw new Poison("unreadable id: " + e.getMessage());
        }
        return switch (type) {
            case EventTypes.FEEDBACK_RECEIVED -> received(id, data(event, json, FeedbackReceived.class));
            case EventTypes.FEEDBACK_UPDATED -> updated(id, data(event, json, FeedbackUpdated.class));
            default -> throw new Poison("type is " + event.path("type") + ", expected " + EventTypes.FEEDBACK_RECEIVED
                    + " or " + EventTypes.FEEDBACK_UPDATED);
        };
    }

    private static Received received(UUID id, FeedbackReceived data) {
        if (data == null || data.feedbackId() == null || data.text() == null || data.text().isBlank()
                || data.topic() == null || data.channel() == null || data.receivedAt() == null
                || data.sentiment() < -1 || data.sentiment() > 1) {
            throw new Poison("data lacks feedbackId, text, topic, channel or receivedAt, or sentiment is out of range");
        }
        return new Received(id, data);
    }

    private static Updated updated(UUID id, FeedbackUpdated data) {
        if (data == null || data.feedbackId() == null
                || data.sentiment() != null && (data.sentiment() < -1 || data.sentiment() > 1)) {
            throw new Poison("data lacks feedbackId, or sentiment is out of range");
        }
        return new Updated(id, data);
    }

    private static <T> T data(JsonNode event, ObjectMapper json, Class<T> type) {
        try {
            return json.treeToValue(event.path("data"), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new Poison("unreadable data: " + e.getMessage());
        }
    }
}
