package org.feedbackloop.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The production KeycloakRealmImport is the dev realm (infra/keycloak/feedbackloop-realm.json) minus what is
 * dev-only: the same roles, groups, clients and token mappers, so tokens look alike in both.
 */
class RealmImportTest {

    /** Clients that exist for local work only (the benchmark's, with a large rate quota in the local launcher). */
    private static final Set<String> DEV_ONLY_CLIENTS = Set.of("feedbackloop-bench");

    @Test
    void productionRealmIsTheDevRealmWithoutDevUsersAndSecrets() throws IOException {
        ObjectNode dev = (ObjectNode) new ObjectMapper().readTree(Path.of("../../infra/keycloak/feedbackloop-realm.json").toFile());
        ObjectNode prod = Manifests.render("overlays/prod").objects.stream()
                .filter(o -> o.path("kind").asText().equals("KeycloakRealmImport"))
                .map(o -> (ObjectNode) o.path("spec").path("realm")).findFirst().orElseThrow();

        // What production changes, and nothing else.
        assertThat(prod.path("users")).allSatisfy(user -> {
            assertThat(user.has("serviceAccountClientId")).as("only service accounts").isTrue();
            assertThat(user.has("credentials")).as("no passwords").isFalse();
        });
        JsonNode web = client(prod, "feedbackloop-web");
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).as("no password grant in production").isFalse();
        assertThat(web.path("redirectUris").get(0).asText()).startsWith("https://").doesNotContain("localhost");
        assertThat(client(prod, "feedbackloop-integrator").path("secret").asText()).isEqualTo("${INTEGRATOR_CLIENT_SECRET}");
        assertThat(client(prod, "feedbackloop-directory").path("secret").asText()).isEqualTo("${DIRECTORY_CLIENT_SECRET}");
        assertThat(prod.path("clients")).as("no dev-only client").noneSatisfy(
                client -> assertThat(DEV_ONLY_CLIENTS).contains(client.path("clientId").asText()));

        ObjectNode expected = dev.deepCopy();
        for (Iterator<JsonNode> clients = expected.path("clients").elements(); clients.hasNext(); ) {
            if (DEV_ONLY_CLIENTS.contains(clients.next().path("clientId").asText())) {
                clients.remove();
            }
        }
        ObjectNode actual = prod.deepCopy();
        for (ObjectNode realm : new ObjectNode[] {expected, actual}) {
            realm.remove(java.util.List.of("users", "displayName"));
            for (JsonNode client : realm.path("clients")) {
                ((ObjectNode) client).remove(java.util.List.of("secret", "redirectUris", "webOrigins", "directAccessGrantsEnabled"));
                if (client.path("attributes") instanceof ObjectNode attributes) {
                    attributes.remove("post.logout.redirect.uris");
                }
            }
        }
        assertThat(actual).as("roles, groups, clients and mappers as in the dev realm").isEqualTo(expected);
        assertThat(prod.path("users")).hasSameSizeAs(((ArrayNode) dev.path("users")).valueStream()
                .filter(u -> u.has("serviceAccountClientId"))
                .filter(u -> !DEV_ONLY_CLIENTS.contains(u.path("serviceAccountClientId").asText())).toList());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
