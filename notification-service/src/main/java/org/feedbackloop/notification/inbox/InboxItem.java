package org.feedbackloop.notification.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.notification.domain.Kind;
import org.feedbackloop.notification.domain.Notification;
import org.feedbackloop.notification.wording.Wording;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notification as the inbox and the live stream show it. */
@Schema(name = "InboxItem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxItem(
        UUID id,
        Kind kind,
        @Schema(examples = "You said, we did: Double charges on invoices", maxLength = Wording.TITLE_MAX_LENGTH)
        String title,
        @Schema(examples = "It is done. We refunded every double charge.", maxLength = Wording.BODY_MAX_LENGTH)
        String body,
        UUID actionId,
        @Schema(description = "The feedback items it is about: " + Notification.SHOWN_FEEDBACK_IDS,
                maxItems = Notification.MAX_SHOWN_FEEDBACK_IDS) List<UUID> feedbackIds,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                description = "Details: quote of your words, public note, status, due date...") JsonNode data,
        Instant createdAt,
        @Schema(description = "When it was marked read; absent while unread") Instant readAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static InboxItem of(Notification n) {
        try {
            return new InboxItem(n.id, n.kind, n.title, n.body, n.actionId, n.shownFeedbackIds(),
                    n.data == null ? null : JSON.readTree(n.data), n.createdAt, n.readAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
