package org.feedbackloop.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The length a string of a known format cannot exceed, written into every schema of the public document that does
 * not say it already: the limit belongs to the format (a UUID is 36 characters), not to a service's choice, so the
 * services' documents leave it out and the contract still tells a client generator how large the value can be.
 */
final class FormatLimits {

    private static final Map<String, Integer> LONGEST = Map.of(
            "uuid", 36,
            "date", 10,
            // an Instant's text: a year of up to 10 digits with its sign, nanoseconds and an offset
            "date-time", 40,
            "email", 254,
            "uri", 2048);

    private FormatLimits() {
    }

    static void addTo(JsonObject document) {
        addTo(document, document.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject()));
    }

    private static void addTo(Object node, JsonObject schemas) {
        if (node instanceof JsonObject object) {
            var format = formatOf(object, schemas);
            var longest = format == null ? null : LONGEST.get(format);
            if (longest != null && isString(object.getValue("type")) && !object.containsKey("maxLength")) {
                object.put("maxLength", longest);
            }
            object.forEach(entry -> addTo(entry.getValue(), schemas));
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> addTo(item, schemas));
        }
    }

    /**
     * The schema's format, or for a nullable one ({@code type: [string, null]} with {@code anyOf: [{$ref: X}, {type:
     * null}]}, as SmallRye writes it) the format of X.
     */
    private static String formatOf(JsonObject schema, JsonObject schemas) {
        if (schema.getValue("format") instanceof String format) {
            return format;
        }
        for (var choice : schema.getJsonArray("anyOf", new JsonArray())) {
            if (choice instanceof JsonObject option && option.getValue("$ref") instanceof String ref
                    && ref.startsWith("#/components/schemas/")
                    && schemas.getValue(ref.substring("#/components/schemas/".length())) instanceof JsonObject target
                    && target.getValue("format") instanceof String format) {
                return format;
            }
        }
        return null;
    }

    private static boolean isString(Object type) {
        return "string".equals(type) || type instanceof JsonArray types && types.contains("string");
    }
}
