package org.feedbackloop.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A confidential client of the realm made for this run through Keycloak's admin API (kcadmin on the master realm),
 * with a service account holding one realm role, and deleted on close: a second integrator, a client whose tokens
 * expire in seconds, or one whose tokens lack the API's audience.
 */
public final class ThrowAwayClient implements AutoCloseable {

    private final Keycloak keycloak;
    private final String adminToken;
    private final String admin;
    private final String clientId;
    private final String secret = UUID.randomUUID().toString();
    private final String internalId;

    public ThrowAwayClient(Keycloak keycloak, String purpose, String role, int tokenSeconds, boolean apiAudience) {
        this.keycloak = keycloak;
        this.adminToken = keycloak.masterAdminToken();
        this.admin = keycloak.serverUrl() + "/admin/realms/" + keycloak.realmUrl().substring(keycloak.realmUrl().lastIndexOf('/') + 1);
        this.clientId = "e2e-hostile-" + purpose + "-" + HexFormat.of().toHexDigits((int) (Math.random() * Integer.MAX_VALUE));
        var mappers = apiAudience ? List.of(Map.of("name", "audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", "feedbackloop-api", "access.token.claim", "true"))) : List.of();
        call("POST", "/clients", Map.of("clientId", clientId, "secret", secret, "publicClient", false,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "attributes", Map.of("access.token.lifespan", String.valueOf(tokenSeconds)), "protocolMappers", mappers));
        internalId = call("GET", "/clients?clientId=" + clientId, null).get(0).path("id").asText();
        var serviceAccount = call("GET", "/clients/" + internalId + "/service-account-user", null).path("id").asText();
        call("POST", "/users/" + serviceAccount + "/role-mappings/realm", List.of(call("GET", "/roles/" + role, null)));
    }

    public String token() {
        return keycloak.clientToken(clientId, secret);
    }

    @Override
    public void close() {
        call("DELETE", "/clients/" + internalId, null);
    }

    private JsonNode call(String method, String path, Object body) {
        var request = HttpRequest.newBuilder(URI.create(admin + path))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        var answer = Keycloak.send(request);
        return answer.isBlank() ? Json.read("null") : Json.read(answer);
    }
}
