package org.feedbackloop.kit.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.EventData;
import org.feedbackloop.events.EventTypes;

import java.io.IOException;
import java.util.UUID;

/** Reads a message body as a CloudEvent of the contract, its data typed by its type. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper json;

    EventReader(ObjectMapper json) {
        this.json = json;
    }

    /** @throws UnreadableEvent when the body is no CloudEvent, or its data does not fit its type */
    public ReceivedEvent read(byte[] body) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEvent("not JSON: " + e.getMessage());
        }
        if (envelope == null || !envelope.isObject()) {
            throw new UnreadableEvent("not a JSON object");
        }
        UUID id;
        try {
            id = UUID.fromString(envelope.path("id").asText());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("unreadable id: " + e.getMessage());
        }
        var type = envelope.path("type").asText();
        if (type.isEmpty()) {
            throw new UnreadableEvent("event " + id + " has no type");
        }
        var dataType = EventTypes.dataType(type);
        return new ReceivedEvent(id, type, envelope, dataType.isEmpty() ? null : data(id, type, envelope, dataType.get()));
    }

    private EventData data(UUID id, String type, JsonNode envelope, Class<? extends EventData> dataType) {
        EventData data;
        try {
            data = json.treeToValue(envelope.path("data"), dataType);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEvent(type + " " + id + ": unreadable data: " + e.getMessage());
        }
        if (data == null || !data.isComplete()) {
            throw new UnreadableEvent(type + " " + id + ": its data lacks what consumers rely on");
        }
        return data;
    }
}
