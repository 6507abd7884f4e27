package org.feedbackloop.gateway.mydata;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A customer's export: each service's part of it, in one document. */
public final class MyDataExport {

    public static final String FILE_NAME = "feedbackloop-my-data.json";

    private MyDataExport() {
    }

    public static JsonObject compose(JsonObject feedback, JsonObject actions, JsonObject notifications) {
        return new JsonObject()
                .put("exportedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("subject", feedback.getString("subject"))
                .put("feedback", feedback)
                .put("actions", actions)
                .put("notifications", notifications);
    }
}
