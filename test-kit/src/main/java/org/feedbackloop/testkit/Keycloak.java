package org.feedbackloop.testkit;

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
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from a real Keycloak realm: the password grant for the dev realm's users, client
 * credentials for clients, the master realm's administrator. Tokens are reused until a minute before they expire.
 */
public final class Keycloak {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    private record Token(String value, Instant refreshAfter) {
    }

    /** {@code realmUrl}: {@code http://localhost:8180/realms/feedbackloop}. */
    public Keycloak(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** The dev realm of the tests' Keycloak. */
    public static Keycloak local() {
        return Local.REALM;
    }

    /** Made on first use: the dev tools use this class without the tests' infrastructure on their class path. */
    private static final class Local {
        static final Keycloak REALM = new Keycloak(Infrastructure.KEYCLOAK_URL + "/realms/feedbackloop");
    }

    public String serverUrl() {
        return realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }

    public String realmUrl() {
        return realmUrl;
    }

    /** A dev user's token (alice, bob, olivia, oscar, maria, admin: password = username, on the dev realm only). */
    public String userToken(String user) {
        return cached("user:" + user, realmUrl, Map.of("grant_type", "password", "client_id", "feedbackloop-web",
                "username", user, "password", user));
    }

    public String clientToken(String clientId, String secret) {
        return cached("client:" + clientId, realmUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** The dev realm's integrator client (client credentials). */
    public String integratorToken() {
        return clientToken("feedbackloop-integrator", "dev-integrator-secret");
    }

    /** The dev realm's benchmark client (client credentials; an integrator with a rate quota of its own). */
    public String benchToken() {
        return clientToken("feedbackloop-bench", "dev-bench-secret");
    }

    /** A fresh, uncached token for a client: its lifespan is whatever the client's settings give it. */
    public String freshClientToken(String clientId, String secret) {
        return request(realmUrl, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .path("access_token").asText();
    }

    /** Keycloak's own administrator, from the master realm (dev bootstrap administrator kcadmin). */
    public String masterAdminToken() {
        return cached("master:kcadmin", serverUrl() + "/realms/master", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "kcadmin", "password", "kcadmin"));
    }

    /** The realm's public keys (JWKS). */
    public JsonNode keys() {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/certs")).GET().build());
    }

    /** The {@code sub} claim of a token: who the services know its bearer as. */
    public static String subjectOf(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Not a JWT", e);
        }
    }

    /** Waits, for time itself, until {@code token} has expired (its {@code exp} and two seconds of clock skew). */
    public static void awaitExpiry(String token) throws InterruptedException {
        long expiresAt;
        try {
            expiresAt = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("exp").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("Not a JWT", e);
        }
        Thread.sleep(Math.max(0, (expiresAt + 2) * 1000 - System.currentTimeMillis()));
    }

    private String cached(String key, String realm, Map<String, String> form) {
        var token = cache.get(key);
        if (token == null || Instant.now().isAfter(token.refreshAfter())) {
            var answer = request(realm, form);
            token = new Token(answer.path("access_token").asText(),
                    Instant.now().plusSeconds(Math.max(5, answer.path("expires_in").asLong() - 60)));
            cache.put(key, token);
        }
        return token.value();
    }

    private static JsonNode request(String realm, Map<String, String> form) {
        var body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var answer = send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (answer.path("access_token").asText().isEmpty()) {
            throw new IllegalStateException("Keycloak gave no token: " + answer);
        }
        return answer;
    }

    /** Sends a request to Keycloak; its JSON answer (null node when empty), or an exception for an error status. */
    public static JsonNode send(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak refused " + request.method() + " " + request.uri() + ": "
                        + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
