package org.feedbackloop.notification.webhooks;

import io.restassured.path.json.JsonPath;
import org.feedbackloop.testkit.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The integrator's side of the API in tests; deletes what it created on {@link #close()}. */
final class Webhooks implements AutoCloseable {

    /** A subscription as created: its id and its secret (shown only then). */
    record Subscription(UUID id, String secret) {
    }

    private final List<UUID> created = new ArrayList<>();

    Subscription subscribe(String url, String... eventTypes) {
        var body = given().auth().oauth2(Tokens.integrator()).contentType("application/json")
                .body(Map.of("url", url, "eventTypes", List.of(eventTypes), "description", "test receiver"))
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath();
        var subscription = new Subscription(UUID.fromString(body.getString("id")), body.getString("secret"));
        created.add(subscription.id());
        return subscription;
    }

    /** The delivery log, newest first. */
    static JsonPath log(UUID subscription) {
        return given().auth().oauth2(Tokens.integrator()).queryParam("limit", 100)
                .get("/api/webhooks/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** The log entry of one event, or null while there is none. */
    static Map<String, Object> entry(UUID subscription, UUID eventId) {
        return log(subscription).getMap("items.find { it.eventId == '" + eventId + "' }");
    }

    static void delete(UUID subscription) {
        given().auth().oauth2(Tokens.integrator()).delete("/api/webhooks/" + subscription).then().statusCode(204);
    }

    @Override
    public void close() {
        for (var id : created) {
            given().auth().oauth2(Tokens.integrator()).delete("/api/webhooks/" + id); // 404 when a test deleted it
        }
    }
}
