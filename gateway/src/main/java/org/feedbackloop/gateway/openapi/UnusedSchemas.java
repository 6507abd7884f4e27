package org.feedbackloop.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Drops the schemas no operation of the public document reaches (a service's schemas for its paths the gateway does
 * not route, say): what a client generator reads is what the API answers.
 */
final class UnusedSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private UnusedSchemas() {
    }

    static void dropFrom(JsonObject document) {
        var schemas = document.getJsonObject("components", new JsonObject()).getJsonObject("schemas");
        if (schemas == null) {
            return;
        }
        var used = new HashSet<String>();
        var pending = new ArrayDeque<Object>();
        pending.add(document.getJsonObject("paths", new JsonObject()));
        pending.add(document.getJsonObject("components").copy().put("schemas", new JsonObject()));
        while (!pending.isEmpty()) {
            collect(pending.pop(), schemas, used, pending);
        }
        schemas.fieldNames().removeIf(name -> !used.contains(name));
    }

    private static void collect(Object node, JsonObject schemas, Set<String> used, ArrayDeque<Object> pending) {
        if (node instanceof JsonObject object) {
            if (object.getValue("$ref") instanceof String ref && ref.startsWith(PREFIX)) {
                var name = ref.substring(PREFIX.length());
                if (used.add(name) && schemas.containsKey(name)) {
                    pending.add(schemas.getValue(name));
                }
            }
            object.forEach(entry -> collect(entry.getValue(), schemas, used, pending));
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> collect(item, schemas, used, pending));
        }
    }
}
