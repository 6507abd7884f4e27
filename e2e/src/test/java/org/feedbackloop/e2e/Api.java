package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.feedbackloop.testkit.Keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Straight calls to the services, for what a test needs to exist before the browser looks at it (the browser
 * itself is what the tests check). Tokens come from the dev realm's password grant.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Keycloak KEYCLOAK = new Keycloak(Suite.KEYCLOAK);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    static String token(String user) {
        return KEYCLOAK.userToken(user);
    }

    /**
     * A customer of a test's own, made through Keycloak's admin API in the dev realm (verified address, password =
     * username): a test that erases a customer's data must not erase alice's. Returns their token.
     */
    static String newCustomer(String username, String email) {
        var admin = KEYCLOAK.masterAdminToken();
        var users = KEYCLOAK.serverUrl() + "/admin/realms/feedbackloop/users";
        var user = Map.of("username", username, "email", email, "emailVerified", true, "enabled", true,
                "firstName", "Erin", "lastName", "Test", "requiredActions", List.of(),
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)));
        var created = send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(user))).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not create " + username + ": " + created.statusCode() + " " + created.body());
        }
        var location = created.headers().firstValue("Location").orElseThrow();
        var role = send(HttpRequest.newBuilder(URI.create(KEYCLOAK.serverUrl() + "/admin/realms/feedbackloop/roles/customer"))
                .header("Authorization", "Bearer " + admin).GET().build());
        var mapped = send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]")).build());
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not make " + username + " a customer: " + mapped.body());
        }
        return KEYCLOAK.userToken(username);
    }

    /** A token of the dev realm's integrator client, by the client-credentials grant. */
    static String integratorToken() {
        return KEYCLOAK.clientToken("feedbackloop-integrator", Suite.env("INTEGRATOR_SECRET", "dev-integrator-secret"));
    }

    /** The {@code sub} claim of a token: who the services know the person as. */
    static String subject(String token) {
        return Keycloak.subjectOf(token);
    }

    /** Feedback as {@code token}'s customer, with a topic, so that triage routes it to that topic's team. */
    static UUID giveFeedback(String token, String text, String topic) {
        var body = Map.of("text", text, "channel", "WEB", "topic", topic);
        var response = send(HttpRequest.newBuilder(URI.create(Suite.feedbackService() + "/api/feedback"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("feedback not accepted: " + response.statusCode() + " " + response.body());
        }
        return UUID.fromString(json(response).path("id").asText());
    }

    /** Feedback with a rating ({@code scale} NPS or CSAT), straight to feedback-service. */
    static UUID giveRatedFeedback(String token, String text, String scale, int score) {
        var body = Map.of("text", text, "channel", "SURVEY", "rating", Map.of("scale", scale, "score", score));
        var response = send(HttpRequest.newBuilder(URI.create(Suite.feedbackService() + "/api/feedback"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("feedback not accepted: " + response.statusCode() + " " + response.body());
        }
        return UUID.fromString(json(response).path("id").asText());
    }

    /** The action triage linked the feedback to, waiting for triage (bounded). */
    static JsonNode actionOf(String staffToken, UUID feedbackId) {
        var deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var response = send(HttpRequest.newBuilder(URI.create(Suite.actionService() + "/api/actions?feedbackId="
                    + feedbackId)).header("Authorization", "Bearer " + staffToken).GET().build());
            var items = json(response).path("items");
            if (items.isArray() && !items.isEmpty()) {
                return items.get(0);
            }
            Suite.sleep(300);
        }
        throw new IllegalStateException("no action tracks feedback " + feedbackId + " after 30 s");
    }

    /** One workflow step, as {@link #change} does it. */
    static void move(String staffToken, UUID actionId, String to, String publicNote) {
        var body = publicNote == null ? Map.of("to", to) : Map.of("to", to, "publicNote", publicNote);
        change(staffToken, actionId, "POST", "/transitions", body);
    }

    private static final List<String> FORWARD = List.of("OPEN", "PLANNED", "IN_PROGRESS", "DONE");

    /**
     * Takes an action forward to {@code to} (PLANNED, IN_PROGRESS or DONE) from wherever it is, one step at a time,
     * the public note with the last: triage may have joined the feedback to an open action another test already
     * moved on. When the action is there already, the note is posted as a progress update.
     */
    static void advance(String staffToken, UUID actionId, String to, String publicNote) {
        var current = json(send(HttpRequest.newBuilder(URI.create(Suite.actionService() + "/api/actions/" + actionId))
                .header("Authorization", "Bearer " + staffToken).GET().build())).path("status").asText();
        int from = FORWARD.indexOf(current);
        int target = FORWARD.indexOf(to);
        if (from < 0 || target < 0) {
            throw new IllegalStateException("cannot advance an action that is " + current + " to " + to);
        }
        for (int step = from + 1; step <= target; step++) {
            move(staffToken, actionId, FORWARD.get(step), step == target ? publicNote : null);
        }
        if (from >= target && publicNote != null) {
            change(staffToken, actionId, "POST", "/updates", Map.of("publicNote", publicNote));
        }
    }

    /**
     * A change of an action with If-Match, as a careful client does it: read the current version, send the change
     * ({@code method} on {@code /api/actions/{id}} + {@code path}), and on 409 (the deadline scheduler changed the
     * action in between) read again and retry. Returns the changed action.
     */
    static JsonNode change(String staffToken, UUID actionId, String method, String path, Object body) {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 5 && (response == null || response.statusCode() == 409); attempt++) {
            var current = send(HttpRequest.newBuilder(URI.create(Suite.actionService() + "/api/actions/" + actionId))
                    .header("Authorization", "Bearer " + staffToken).GET().build());
            var etag = current.headers().firstValue("ETag").orElseThrow();
            response = send(HttpRequest.newBuilder(URI.create(Suite.actionService() + "/api/actions/" + actionId + path))
                    .header("Authorization", "Bearer " + staffToken)
                    .header("Content-Type", "application/json").header("If-Match", etag)
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body))).build());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " refused: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** A JSON request with a bearer token; the answer as it came. */
    static HttpResponse<String> call(String method, String url, String token, Object body) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return send(request.build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
