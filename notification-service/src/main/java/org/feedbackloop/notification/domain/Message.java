package org.feedbackloop.notification.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to say: the same words on every channel. {@code data} feeds the e-mail templates and inbox clients
 * (quote of the contributor's words, public note, status, due date...).
 */
public record Message(Kind kind, String title, String body, UUID actionId, List<UUID> feedbackIds, String actionStatus,
                      Map<String, Object> data) {
}
