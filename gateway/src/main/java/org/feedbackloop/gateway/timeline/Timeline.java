package org.feedbackloop.gateway.timeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's timeline: each of their feedback items (newest first, as feedback-service pages them) with the
 * notifications that told them about it (oldest first). Without the notifications, the items come with no updates
 * and the timeline says it is partial.
 */
final class Timeline {

    private static final Comparator<JsonObject> OLDEST_FIRST = Comparator
            .comparing((JsonObject update) -> Instant.parse(update.getString("createdAt", Instant.EPOCH.toString())))
            .thenComparing(update -> update.getString("id", ""));

    private Timeline() {
    }

    static JsonObject compose(JsonObject feedbackPage, Optional<JsonArray> notifications) {
        var updatesByFeedback = byFeedback(notifications.orElseGet(JsonArray::new));
        var items = new JsonArray();
        for (var item : feedbackPage.getJsonArray("items", new JsonArray())) {
            var feedback = (JsonObject) item;
            var updates = updatesByFeedback.getOrDefault(feedback.getString("id"), List.of()).stream()
                    .sorted(OLDEST_FIRST).toList();
            items.add(new JsonObject().put("feedback", feedback).put("updates", new JsonArray(new ArrayList<>(updates))));
        }
        return new JsonObject()
                .put("items", items)
                .put("nextCursor", feedbackPage.getString("nextCursor"))
                .put("partial", notifications.isEmpty());
    }

    private static Map<String, List<JsonObject>> byFeedback(JsonArray notifications) {
        var byFeedback = new HashMap<String, List<JsonObject>>();
        for (var value : notifications) {
            var notification = (JsonObject) value;
            for (var id : notification.getJsonArray("feedbackIds", new JsonArray())) {
                byFeedback.computeIfAbsent(String.valueOf(id), key -> new ArrayList<>()).add(notification);
            }
        }
        return byFeedback;
    }
}
