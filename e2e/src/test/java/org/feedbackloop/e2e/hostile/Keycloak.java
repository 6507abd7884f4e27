package org.feedbackloop.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Tokens from the real Keycloak: the dev users' password grant, client credentials, and its master realm. */
public final class Keycloak {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String realmUrl;

    /** {@code realmUrl}: {@code http://localhost:8180/realms/feedbackloop}. */
    public Keycloak(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    public String serverUrl() {
        return realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }

    public String realmUrl() {
        return realmUrl;
    }

    /** A dev user's access token (password = username, on the dev realm only). */
    public String userToken(String user) {
        return token(realmUrl, Map.of("grant_type", "password", "client_id", "feedbackloop-web", "username", user,
                "password", user));
    }

    public String clientToken(String clientId, String secret) {
        return token(realmUrl, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** Keycloak's own administrator, from the master realm: a real token of another issuer. */
    public String masterAdminToken() {
        return token(serverUrl() + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "kcadmin", "password", "kcadmin"));
    }

    /** The realm's public keys (JWKS). */
    public JsonNode keys() {
        return Json.read(send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/certs")).GET().build()));
    }

    private static String token(String realm, Map<String, String> form) {
        var body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var answer = Json.read(send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
        var token = answer.path("access_token").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("Keycloak gave no token: " + answer);
        }
        return token;
    }

    static String send(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
