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

    static void addTo(Object node) {
        if (node instanceof JsonObject object) {
            var format = object.getValue("format");
            if (format instanceof String name && LONGEST.containsKey(name) && isString(object.getValue("type"))
                    && !object.containsKey("maxLength")) {
                object.put("maxLength", LONGEST.get(name));
            }
            object.forEach(entry -> addTo(entry.getValue()));
        } else if (node instanceof JsonArray array) {
            array.forEach(FormatLimits::addTo);
        }
    }

    private static boolean isString(Object type) {
        return "string".equals(type) || type instanceof JsonArray types && types.contains("string");
    }
}
