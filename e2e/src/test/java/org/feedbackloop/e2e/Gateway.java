package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.feedbackloop.testkit.contract.ContractCheck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public API as clients use it: every call goes through the gateway ({@link Suite#gateway()}), with a bearer
 * token and JSON. A call that does not get an answer at all throws; every answer, errors included, is returned.
 */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        // every answer the suite's gateway gives these tests must be one the published contract describes
        ContractCheck.useDocument(Suite.GATEWAY, Suite.root().resolve("docs/openapi.json"));
    }

    private final String token;
    private final String base;

    private Gateway(String token, String base) {
        this.token = token;
        this.base = base;
    }

    static Gateway as(String token) {
        return new Gateway(token, Suite.gateway());
    }

    /** The same calls aimed at {@code base} (one instance of a service, past the gateway and the fronts). */
    static Gateway at(String base, String token) {
        return new Gateway(token, base);
    }

    static Gateway anonymous() {
        return new Gateway(null, Suite.gateway());
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    Reply put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** A change of an action with its current ETag in If-Match, read again and retried when someone was faster. */
    Reply changeAction(String actionId, String method, String subPath, Object body) {
        Reply reply = null;
        for (int attempt = 0; attempt < 5 && (reply == null || reply.status() == 409); attempt++) {
            var etag = get("/api/actions/" + actionId).header("ETag");
            reply = send(method, "/api/actions/" + actionId + "/" + subPath, body, "If-Match", etag);
        }
        return reply;
    }

    /** Posts a file as it is, of the given type (an import). */
    Reply postFile(String path, String contentType, String content) {
        return exchange("POST", path, content, contentType);
    }

    Reply send(String method, String path, Object body, String... headers) {
        return exchange(method, path, body == null ? null : write(body), "application/json", headers);
    }

    private Reply exchange(String method, String path, String body, String contentType, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (base.equals(Suite.GATEWAY)) {
                ContractCheck.verify(base, method, response.uri().getRawPath(), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response::body);
            }
            return new Reply(response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers and the body, read as JSON when it is JSON. */
    record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                var body = response.body();
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        List<JsonNode> items() {
            var items = new ArrayList<JsonNode>();
            json().path("items").forEach(items::add);
            return items;
        }

        @Override
        public String toString() {
            return status() + " " + response.request().method() + " " + response.uri().getPath() + " " + body();
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
