package org.feedbackloop.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away confidential client in the real realm whose tokens live only a few seconds, created through
 * Keycloak's admin API (dev bootstrap administrator kcadmin) and deleted on close. It yields genuinely
 * expired tokens, signed by Keycloak, with the same audience and role as real ones; or, made
 * {@link #withoutAudience}, valid tokens that are not meant for the API.
 */
public final class ShortLivedClient implements AutoCloseable {

    private final Keycloak keycloak;
    private final String admin;
    private final String clientId;
    private final String secret = UUID.randomUUID().toString();
    private final String internalId;

    /** A customer client of the tests' realm whose tokens live {@code lifespanSeconds}. */
    public ShortLivedClient(int lifespanSeconds) {
        this(Keycloak.local(), "short-lived", "customer", lifespanSeconds, true);
    }

    /** A customer client whose tokens lack the {@code feedbackloop-api} audience. */
    public static ShortLivedClient withoutAudience(int lifespanSeconds) {
        return new ShortLivedClient(Keycloak.local(), "short-lived", "customer", lifespanSeconds, false);
    }

    /**
     * A client of {@code keycloak}'s realm named after {@code purpose}, with the realm role {@code role}, whose tokens
     * live {@code lifespanSeconds} and carry the API's audience if {@code audience}.
     */
    public ShortLivedClient(Keycloak keycloak, String purpose, String role, int lifespanSeconds, boolean audience) {
        this.keycloak = keycloak;
        this.clientId = "test-" + purpose + "-" + UUID.randomUUID();
        this.admin = keycloak.serverUrl() + "/admin/realms/" + keycloak.realmUrl().substring(keycloak.realmUrl().lastIndexOf('/') + 1);
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
        send("POST", "/users/" + serviceAccount + "/role-mappings/realm", List.of(send("GET", "/roles/" + role, null)));
    }

    public String token() {
        return keycloak.freshClientToken(clientId, secret);
    }

    @Override
    public void close() {
        send("DELETE", "/clients/" + internalId, null);
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            return Keycloak.send(HttpRequest.newBuilder(URI.create(admin + path))
                    .header("Authorization", "Bearer " + keycloak.masterAdminToken())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(Keycloak.json().writeValueAsString(body)))
                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
