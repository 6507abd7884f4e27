package org.feedbackloop.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;

/**
 * What the gateway adds to every operation of the public API, since it is the gateway that answers them: the
 * {@code RateLimit-*} headers it puts on every answer under {@code /api} that passed authentication, the 400 of a
 * malformed request, its 429 with {@code Retry-After}, the 401 and
 * 403 of a secured operation, the 500 of anything unforeseen and the 503 and 504 of a service that does not answer
 * (in time). Each as problem+json with the shared {@code Problem} schema, and every answer with the CORS header of an
 * allowed origin. What a service documents itself is kept.
 */
final class PublicResponses {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";
    private static final String RATE_LIMIT_HEADERS = "RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset";
    /** Refused before the rate limiter counts the request (no valid token; a body too large): no RateLimit-* on them. */
    private static final Set<String> ANSWERED_BEFORE_THE_LIMITER = Set.of("401", "413");

    private PublicResponses() {
    }

    static void addTo(JsonObject document) {
        var components = document.getJsonObject("components");
        var headers = components.getJsonObject("headers", new JsonObject());
        components.put("headers", headers);
        headers.put("RateLimit-Limit", header("The requests the caller may make in the current window of this route", 1_000_000));
        headers.put("RateLimit-Remaining", header("The requests left in the current window", 1_000_000));
        headers.put("RateLimit-Reset", header("Seconds until the window starts again", 86_400));
        headers.put("Retry-After", header("Seconds to wait before trying again", 86_400));
        headers.put("Access-Control-Allow-Origin", new JsonObject().put("description", "The caller's Origin, when it "
                + "is one of the origins the gateway allows (CORS_ORIGINS); absent otherwise")
                .put("schema", new JsonObject().put("type", "string").put("format", "uri").put("maxLength", 2048)));
        headers.put("WWW-Authenticate", new JsonObject().put("description", "The Bearer challenge (RFC 6750)")
                .put("schema", new JsonObject().put("type", "string").put("maxLength", 200).put("pattern", "^Bearer( .*)?$")));
        var problemSchema = components.getJsonObject("schemas", new JsonObject()).containsKey("Problem")
                ? new JsonObject().put("$ref", "#/components/schemas/Problem") : null;
        boolean securedByDefault = !document.getJsonArray("security", new JsonArray()).isEmpty();

        document.getJsonObject("paths", new JsonObject()).forEach(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            var item = (JsonObject) path.getValue();
            for (var method : item.fieldNames()) {
                if (METHODS.contains(method)) {
                    complete(item.getJsonObject(method), securedByDefault, problemSchema);
                }
            }
        });
    }

    private static void complete(JsonObject operation, boolean securedByDefault, JsonObject problemSchema) {
        var responses = operation.getJsonObject("responses", new JsonObject());
        operation.put("responses", responses);
        var security = operation.getJsonArray("security");
        boolean secured = security == null ? securedByDefault
                : security.stream().anyMatch(requirement -> !((JsonObject) requirement).isEmpty());
        if (secured) {
            responses.put("401", responses.getJsonObject("401", problem("No valid bearer token")));
            withHeaders(responses.getJsonObject("401"), "WWW-Authenticate");
            responses.put("403", responses.getJsonObject("403", problem("The caller's roles do not allow it")));
        }
        if (!responses.containsKey("400") && !responses.containsKey("422")) {
            responses.put("400", problem("The request is malformed (its encoding, headers or parameters)"));
        }
        responses.put("429", responses.getJsonObject("429", problem("Too many requests from this caller on this "
                + "route: try again after Retry-After seconds")));
        withHeaders(responses.getJsonObject("429"), "Retry-After");
        responses.put("500", responses.getJsonObject("500", problem("Something failed unexpectedly; the answer names "
                + "the request id to report")));
        responses.put("503", responses.getJsonObject("503", problem("A service behind the gateway cannot answer now; "
                + "try again after Retry-After seconds")));
        withHeaders(responses.getJsonObject("503"), "Retry-After");
        responses.put("504", responses.getJsonObject("504", problem("A service behind the gateway did not answer in time")));
        for (Map.Entry<String, Object> response : responses) {
            var code = response.getKey();
            var answer = (JsonObject) response.getValue();
            withHeaders(answer, "Access-Control-Allow-Origin");
            if ((code.startsWith("2") || code.startsWith("4")) && !ANSWERED_BEFORE_THE_LIMITER.contains(code)) {
                withHeaders(answer, RATE_LIMIT_HEADERS.split(","));
            }
            if (problemSchema != null && answer.getJsonObject("content", new JsonObject()).getValue(PROBLEM) instanceof JsonObject media
                    && !media.containsKey("schema")) {
                media.put("schema", problemSchema.copy());
            }
        }
    }

    private static JsonObject problem(String description) {
        return new JsonObject().put("description", description)
                .put("content", new JsonObject().put(PROBLEM, new JsonObject()));
    }

    private static void withHeaders(JsonObject response, String... names) {
        if (response.containsKey("$ref")) {
            return; // a shared response of a service's document keeps its own headers
        }
        var headers = response.getJsonObject("headers", new JsonObject());
        response.put("headers", headers);
        for (var name : names) {
            if (!headers.containsKey(name)) {
                headers.put(name, new JsonObject().put("$ref", "#/components/headers/" + name));
            }
        }
    }

    private static JsonObject header(String description, int maximum) {
        return new JsonObject().put("description", description).put("schema", new JsonObject()
                .put("type", "integer").put("format", "int32").put("minimum", 0).put("maximum", maximum));
    }
}
