package org.feedbackloop.gateway.timeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static final JsonObject PAGE = new JsonObject("""
            {"items":[{"id":"b","text":"newer"},{"id":"a","text":"older"}],"nextCursor":"next"}""");

    @Test
    void attachesEachNotificationToEveryFeedbackItNamesOldestFirst() {
        var inbox = new JsonArray("""
                [{"id":"n3","feedbackIds":["a","b"],"createdAt":"2026-11-03T00:00:00Z"},
                 {"id":"n2","feedbackIds":["b"],"createdAt":"2026-11-02T00:00:00Z"},
                 {"id":"n1","feedbackIds":["a"],"createdAt":"2026-11-01T00:00:00Z"},
                 {"id":"n0","createdAt":"2026-10-01T00:00:00Z"}]""");
        var timeline = Timeline.compose(PAGE, Optional.of(inbox));
        assertThat(timeline.getBoolean("partial")).isFalse();
        assertThat(timeline.getString("nextCursor")).isEqualTo("next");
        var items = timeline.getJsonArray("items");
        assertThat(items.getJsonObject(0).getJsonObject("feedback").getString("text")).isEqualTo("newer");
        assertThat(ids(items.getJsonObject(0).getJsonArray("updates"))).containsExactly("n2", "n3");
        assertThat(ids(items.getJsonObject(1).getJsonArray("updates"))).containsExactly("n1", "n3");
    }

    @Test
    void withoutNotificationsEveryItemHasNoUpdatesAndTheTimelineIsPartial() {
        var timeline = Timeline.compose(PAGE, Optional.empty());
        assertThat(timeline.getBoolean("partial")).isTrue();
        assertThat(timeline.getJsonArray("items")).hasSize(2)
                .allSatisfy(item -> assertThat(((JsonObject) item).getJsonArray("updates")).isEmpty());
    }

    private static List<String> ids(JsonArray updates) {
        return updates.stream().map(u -> ((JsonObject) u).getString("id")).toList();
    }
}
