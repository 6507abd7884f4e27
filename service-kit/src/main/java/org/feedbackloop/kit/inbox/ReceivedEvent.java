package org.feedbackloop.kit.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.feedbackloop.events.EventData;

import java.util.UUID;

/**
 * A CloudEvent as a consumer received it: its id (the idempotency key), its type, the whole envelope as it came
 * (for those who pass it on, such as webhooks) and its data as the contract's record, null for a type without data
 * of its own.
 */
public record ReceivedEvent(UUID id, String type, JsonNode envelope, EventData data) {
}
