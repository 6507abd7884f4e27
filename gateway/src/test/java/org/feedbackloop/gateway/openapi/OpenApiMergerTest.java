package org.feedbackloop.gateway.openapi;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private static final JsonObject OWN = new JsonObject("""
            {"openapi":"3.1.0","info":{"title":"API"},"tags":[{"name":"Timeline"}],
             "paths":{"/api/me/timeline":{"get":{"responses":{"200":{"content":{"application/json":{
                 "schema":{"$ref":"#/components/schemas/Timeline"}}}}}}}},
             "components":{"schemas":{"Timeline":{}}}}""");

    @Test
    void takesTheRoutedPathsComponentsAndTagsOfEachService() {
        var services = new TreeMap<String, JsonObject>(Map.of(
                "feedback-service", new JsonObject("""
                        {"paths":{"/api/feedback":{"get":{"responses":{"200":{"content":{"application/json":{
                                     "schema":{"$ref":"#/components/schemas/Feedback"}}}}}}},
                                  "/api/actions":{"get":{}},"/hello":{}},
                         "components":{"schemas":{"Problem":{"title":"from feedback"},"Feedback":{},"Unreached":{}}},
                         "tags":[{"name":"Feedback"}]}"""),
                "notification-service", new JsonObject("""
                        {"paths":{"/api/me/notifications/stream":{"get":{}}},
                         "components":{"schemas":{"Problem":{"title":"from notification"}},"securitySchemes":{"bearer":{}}},
                         "tags":[{"name":"Inbox"},{"name":"Feedback"}]}""")));
        var merged = OpenApiMerger.merge(OWN, services, List.of("action-service"));

        assertThat(merged.getJsonObject("paths").fieldNames())
                .containsExactlyInAnyOrder("/api/me/timeline", "/api/feedback", "/api/me/notifications/stream");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .containsExactlyInAnyOrder("Timeline", "Problem", "Feedback");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem").getString("title"))
                .isEqualTo("from feedback");
        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames()).containsExactly("bearer");
        assertThat(merged.getJsonArray("tags").stream().map(t -> ((JsonObject) t).getString("name")))
                .containsExactly("Timeline", "Feedback", "Inbox");
        assertThat(merged.getJsonObject("info").getJsonArray("x-missing").getList()).containsExactly("action-service");
        assertThat(OWN.getJsonObject("paths").fieldNames()).containsExactly("/api/me/timeline");
    }

    /** The documents are cached between merges: completing the merged one must leave them as the services serve them. */
    @Test
    void mergingAgainFindsTheSameSchemasAlike() {
        var instant = """
                {"components":{"schemas":{"Instant":{"type":"string","format":"date-time"}}}}""";
        var services = new TreeMap<String, JsonObject>(Map.of(
                "action-service", new JsonObject(instant), "feedback-service", new JsonObject(instant)));

        var first = OpenApiMerger.merge(OWN, services, List.of());
        var second = OpenApiMerger.merge(OWN, services, List.of());

        assertThat(first.getJsonObject("info").containsKey("x-conflicts")).isFalse();
        assertThat(second.getJsonObject("info").containsKey("x-conflicts")).isFalse();
        assertThat(second).isEqualTo(first);
        assertThat(services.get("action-service")).isEqualTo(new JsonObject(instant));
    }
}
