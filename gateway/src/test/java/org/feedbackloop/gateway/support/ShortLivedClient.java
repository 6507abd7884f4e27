package org.feedbackloop.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away confidential client in the real realm whose tokens live only a few seconds, created through
 * Keycloak's admin API (dev bootstrap administrator kcadmin) and deleted on close. It yields genuinely
 * expired tokens, signed by Keycloak, with the same audience and a customer role as real ones; or, made
 * {@link #withoutAudience}, valid tokens that are not meant for the API.
 */
public final class ShortLivedClient implements AutoCloseable {

    private static final String ADMIN = TestInfrastructure.KEYCLOAK_URL + "/admin/realms/feedbackloop";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId = "test-short-lived-" + UUID.randomUUID();
    private final String secret = UUID.randomUUID().toString();
    private final String adminToken;
    private final String internalId;

    public ShortLivedClient(int lifespanSeconds) {
        this(lifespanSeconds, true);
    }

    /** A client whose tokens lack the {@code feedbackloop-api} audience. */
    public static ShortLivedClient withoutAudience(int lifespanSeconds) {
        return new ShortLivedClient(lifespanSeconds, false);
    }

    private ShortLivedClient(int lifespanSeconds, boolean audience) {
        adminToken = Tokens.request(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "kcadmin", "password", "kcadmin"), TestInfrastructure.KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token")
                .path("access_token").asText();
        var mappers = audience ? List.of(Map.of("name", "audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", "feedbackloop-api", "access.token.claim", "true"))) : List.of();
        send("POST", "/clients", Map.of(
                "clientId", clientId, "secret", secret, "publicClient", false, "serviceAccountsEnabled", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "attributes", Map.of("access.token.lifespan", String.valueOf(lifespanSeconds)),
                "protocolMappers", mappers));
        internalId = send("GET", "/clients?clientId=" + clientId, null).get(0).path("id").asText();
        var serviceAccount = send("GET", "/clients/" + internalId + "/service-account-user", null).path("id").asText();
        var customerRole = send("GET", "/roles/customer", null);
        send("POST", "/users/" + serviceAccount + "/role-mappings/realm", List.of(customerRole));
    }

    public String token() {
        return Tokens.freshClientCredentials(clientId, secret);
    }

    @Override
    public void close() {
        send("DELETE", "/clients/" + internalId, null);
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(ADMIN + path))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak admin API " + method + " " + path + ": "
                        + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
