package org.feedbackloop.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real access tokens from the real Keycloak: password grant for dev users, client credentials for the integrator. */
public final class Tokens {

    private static final String TOKEN_URL = TestInfrastructure.KEYCLOAK_URL + "/realms/feedbackloop/protocol/openid-connect/token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, Instant refreshAfter) {
    }

    private Tokens() {
    }

    /** A dev user's token (alice, bob, olivia, oscar, maria, admin: password = username). */
    public static String of(String user) {
        return cached(user, () -> Map.of("grant_type", "password", "client_id", "feedbackloop-web",
                "username", user, "password", user));
    }

    public static String integrator() {
        return clientCredentials("feedbackloop-integrator", "dev-integrator-secret");
    }

    public static String clientCredentials(String clientId, String secret) {
        return cached("client:" + clientId, () -> Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
    }

    /** A fresh, uncached token for a client: its lifespan is whatever the client's settings give it. */
    public static String freshClientCredentials(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .path("access_token").asText();
    }

    /** The {@code sub} claim of a user's token. */
    public static String subjectOf(String user) {
        var payload = of(user).split("\\.")[1];
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cached(String key, java.util.function.Supplier<Map<String, String>> form) {
        var token = CACHE.get(key);
        if (token == null || Instant.now().isAfter(token.refreshAfter())) {
            var response = request(form.get());
            token = new Token(response.path("access_token").asText(),
                    Instant.now().plusSeconds(Math.max(5, response.path("expires_in").asLong() - 60)));
            CACHE.put(key, token);
        }
        return token.value();
    }

    static JsonNode request(Map<String, String> form) {
        return request(form, TOKEN_URL);
    }

    static JsonNode request(Map<String, String> form, String tokenUrl) {
        var body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
