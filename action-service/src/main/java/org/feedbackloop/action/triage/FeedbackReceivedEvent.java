package org.feedbackloop.action.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FeedbackReceived;

import java.io.IOException;
import java.util.UUID;

/** A {@code feedback.received} CloudEvent read from the wire, or the reason it cannot be. */
record FeedbackReceivedEvent(UUID id, FeedbackReceived data) {

    /** A message no retry can fix: it goes to the dead-letter queue at once. */
    static final class Poison extends RuntimeException {
        Poison(String message) {
            super(message, null, false, false);
        }
    }

    static FeedbackReceivedEvent parse(byte[] body, ObjectMapper json) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new Poison("not JSON: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new Poison("not a JSON object");
        }
        if (!EventTypes.FEEDBACK_RECEIVED.equals(event.path("type").asText())) {
            throw new Poison("type is " + event.path("type") + ", expected " + EventTypes.FEEDBACK_RECEIVED);
        }
        UUID id;
        FeedbackReceived data;
        try {
            id = UUID.fromString(event.path("id").asText());
            data = json.treeToValue(event.path("data"), FeedbackReceived.class);
        } catch (IllegalArgumentException | IOException e) {
            throw new Poison("unreadable id or data: " + e.getMessage());
        }
        if (data == null || data.feedbackId() == null || data.text() == null || data.text().isBlank()
                || data.topic() == null || data.channel() == null || data.receivedAt() == null
                || data.sentiment() < -1 || data.sentiment() > 1) {
            throw new Poison("data lacks feedbackId, text, topic, channel or receivedAt, or sentiment is out of range");
        }
        return new FeedbackReceivedEvent(id, data);
    }
}
