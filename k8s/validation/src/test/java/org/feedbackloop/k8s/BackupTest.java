package org.feedbackloop.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Backups: PostgreSQL's to the site's object store, the daily exports of the broker and the realm, the restore. */
class BackupTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void postgresArchivesToTheSitesObjectStoreAndTakesADailyBaseBackup(String overlay) throws IOException {
        List<ObjectNode> objects = Manifests.render(overlay).objects;
        Map<String, String> site = siteValues(overlay);
        JsonNode store = one(objects, "Cluster", "feedbackloop-db").at("/spec/backup/barmanObjectStore");
        assertThat(store.path("destinationPath").asText()).isEqualTo(site.get("backup-destination"));
        assertThat(store.path("endpointURL").asText()).isEqualTo(site.get("backup-endpoint"));
        assertThat(store.at("/s3Credentials/accessKeyId/name").asText()).isEqualTo("feedbackloop-db-backup");
        assertThat(store.at("/s3Credentials/accessKeyId/key").asText()).isEqualTo("ACCESS_KEY_ID");
        assertThat(store.at("/s3Credentials/secretAccessKey/name").asText()).isEqualTo("feedbackloop-db-backup");
        assertThat(store.at("/s3Credentials/secretAccessKey/key").asText()).isEqualTo("ACCESS_SECRET_KEY");
        assertThat(store.at("/wal/compression").asText()).isEqualTo("gzip");
        assertThat(store.at("/wal/maxParallel").asInt()).isPositive();
        assertThat(store.at("/data/compression").asText()).isEqualTo("gzip");
        assertThat(one(objects, "Cluster", "feedbackloop-db").at("/spec/backup/retentionPolicy").asText()).isEqualTo("30d");

        JsonNode daily = one(objects, "ScheduledBackup", "feedbackloop-db-daily").path("spec");
        assertThat(daily.path("schedule").asText()).isEqualTo("0 0 2 * * *");
        assertThat(daily.at("/cluster/name").asText()).isEqualTo("feedbackloop-db");
        assertThat(daily.path("method").asText()).isEqualTo("barmanObjectStore");
        assertThat(daily.path("backupOwnerReference").asText()).isEqualTo("self");
        assertThat(daily.path("immediate").asBoolean()).isTrue();

        assertThat(one(objects, "CronJob", "rabbitmq-definitions-export")).isNotNull();
        assertThat(one(objects, "CronJob", "keycloak-realm-export")).isNotNull();
        assertThat(one(objects, "PersistentVolumeClaim", "config-exports")).isNotNull();
    }

    @Test
    void exportJobsRunTheBrokersOwnImage() {
        List<ObjectNode> prod = Manifests.render("overlays/prod").objects;
        String broker = one(prod, "RabbitmqCluster", "feedbackloop-rabbitmq").at("/spec/image").asText();
        assertThat(of(prod, "CronJob")).hasSize(2).allSatisfy(job -> assertThat(
                job.at("/spec/jobTemplate/spec/template/spec/containers/0/image").asText()).as(Manifests.id(job)).isEqualTo(broker));
    }

    @Test
    void exportJobsReachDnsAndWhatTheyExportAndNothingElse() {
        List<ObjectNode> prod = Manifests.render("overlays/prod").objects;
        assertThat(egressPorts(one(prod, "NetworkPolicy", "rabbitmq-definitions-export")))
                .containsExactly("TCP/15672 app.kubernetes.io/name=feedbackloop-rabbitmq", "TCP/53 k8s-app=kube-dns", "UDP/53 k8s-app=kube-dns");
        assertThat(egressPorts(one(prod, "NetworkPolicy", "keycloak-realm-export")))
                .containsExactly("TCP/53 k8s-app=kube-dns", "TCP/8080 app=keycloak", "UDP/53 k8s-app=kube-dns");
        for (String job : List.of("rabbitmq-definitions-export", "keycloak-realm-export")) {
            JsonNode policy = one(prod, "NetworkPolicy", job).path("spec");
            assertThat(policy.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(job);
            assertThat(policy.path("policyTypes").toString()).as(job + " accepts nothing").contains("Ingress");
            assertThat(policy.has("ingress")).isFalse();
        }
        // ... and the other side lets them in.
        assertThat(one(prod, "NetworkPolicy", "rabbitmq-ingress").at("/spec/ingress")).anySatisfy(rule -> {
            assertThat(rule.at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("rabbitmq-definitions-export");
            assertThat(rule.at("/ports")).singleElement().satisfies(port -> assertThat(port.path("port").asInt()).isEqualTo(15672));
        });
        assertThat(one(prod, "Keycloak", "feedbackloop-keycloak").at("/spec/networkPolicy/http")).anySatisfy(peer ->
                assertThat(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("keycloak-realm-export"));
    }

    @Test
    void restoreClusterRecoversFromTheLiveClustersObjectStore() {
        List<ObjectNode> objects = Manifests.render("validation/fixtures/prod-restore").objects;
        JsonNode live = one(objects, "Cluster", "feedbackloop-db").path("spec");
        JsonNode restore = one(objects, "Cluster", "feedbackloop-db-restore").path("spec");
        assertThat(live.at("/bootstrap/initdb/database").asText()).as("the live cluster is left as it is").isEqualTo("feedback");
        assertThat(restore.at("/bootstrap/recovery/source").asText()).isEqualTo("feedbackloop-db");
        assertThat(restore.at("/bootstrap/recovery/recoveryTarget/targetTime").asText()).isNotEmpty();
        assertThat(restore.at("/externalClusters/0/name").asText()).as("the folder in the object store").isEqualTo("feedbackloop-db");
        assertThat(restore.at("/externalClusters/0/barmanObjectStore")).as("the live cluster's object store, as the site set it")
                .isEqualTo(live.at("/backup/barmanObjectStore"));
        assertThat(restore.has("backup")).as("archives nothing into the live cluster's folder").isFalse();
        assertThat(one(objects, "NetworkPolicy", "postgres-restore-ingress")).isNotNull();
    }

    @Test
    void inPlaceRecoveryReadsTheOldFolderAndArchivesIntoANewOne() {
        JsonNode live = one(Manifests.render("validation/fixtures/prod-recover-in-place").objects, "Cluster", "feedbackloop-db").path("spec");
        JsonNode origin = live.at("/externalClusters/0");
        assertThat(live.at("/bootstrap/recovery/source").asText()).isEqualTo(origin.path("name").asText());
        assertThat(live.has("bootstrap") && !live.path("bootstrap").has("initdb")).isTrue();
        assertThat(origin.at("/barmanObjectStore/serverName").asText()).isEqualTo("feedbackloop-db");
        assertThat(live.at("/backup/barmanObjectStore/serverName").asText()).as("CloudNativePG archives only into an empty folder")
                .isNotEmpty().isNotEqualTo("feedbackloop-db");
        assertThat(origin.at("/barmanObjectStore/destinationPath")).isEqualTo(live.at("/backup/barmanObjectStore/destinationPath"));
    }

    /** The export script against a stand-in for the management API and Keycloak; needs Erlang's escript on the PATH. */
    @Test
    void exportScriptSavesWhatTheApisAnswerAndFailsOnAnythingElse(@TempDir Path dir) throws Exception {
        assumeThat(onPath("escript")).as("escript (Erlang) on the PATH").isTrue();
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            requests.add(request);
            switch (request) {
                case "GET /api/definitions" -> answer(exchange, auth.equals("Basic " + Base64.getEncoder().encodeToString(
                        "guest:p@ss word".getBytes(StandardCharsets.UTF_8))), "{\"queues\":[]}");
                case "POST /realms/master/protocol/openid-connect/token" -> answer(exchange,
                        body.equals("grant_type=password&client_id=admin-cli&username=admin&password=s%26cret%3D%2B"),
                        "{\"access_token\":\"eyJ.a-b_c.sig\",\"expires_in\":60}");
                case "POST /admin/realms/feedbackloop/partial-export?exportClients=true&exportGroupsAndRoles=true" ->
                        answer(exchange, auth.equals("Bearer eyJ.a-b_c.sig"), "{\"realm\":\"feedbackloop\"}");
                default -> answer(exchange, false, "");
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Path definitions = dir.resolve("rabbitmq/definitions.json");
            assertThat(escript(Map.of("RABBITMQ_URL", url, "RABBITMQ_USERNAME", "guest", "RABBITMQ_PASSWORD", "p@ss word"),
                    "rabbitmq-definitions", definitions)).isZero();
            assertThat(Files.readString(definitions)).isEqualTo("{\"queues\":[]}");
            assertThat(Files.getPosixFilePermissions(definitions)).as("it holds password hashes")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            Path realm = dir.resolve("keycloak/realm.json");
            Map<String, String> keycloak = Map.of("KEYCLOAK_URL", url, "KEYCLOAK_REALM", "feedbackloop",
                    "KEYCLOAK_ADMIN_USERNAME", "admin", "KEYCLOAK_ADMIN_PASSWORD", "s&cret=+");
            assertThat(escript(keycloak, "keycloak-realm", realm)).isZero();
            assertThat(Files.readString(realm)).isEqualTo("{\"realm\":\"feedbackloop\"}");

            Path refused = dir.resolve("rabbitmq/refused.json");
            assertThat(escript(Map.of("RABBITMQ_URL", url, "RABBITMQ_USERNAME", "guest", "RABBITMQ_PASSWORD", "wrong"),
                    "rabbitmq-definitions", refused)).isEqualTo(1);
            assertThat(refused).doesNotExist();
            assertThat(escript(Map.of(), "keycloak-realm", dir.resolve("unset.json"))).isEqualTo(1);
            assertThat(requests).containsExactly("GET /api/definitions", "POST /realms/master/protocol/openid-connect/token",
                    "POST /admin/realms/feedbackloop/partial-export?exportClients=true&exportGroupsAndRoles=true", "GET /api/definitions");
        } finally {
            server.stop(0);
        }
    }

    /** 200 with the body when the request was right, else 401. */
    private static void answer(HttpExchange exchange, boolean right, String body) throws IOException {
        byte[] bytes = (right ? body : "{\"error\":\"refused\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(right ? 200 : 401, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int escript(Map<String, String> env, String what, Path file) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("escript", Manifests.K8S.resolve("infra/config-export/export.escript").toString(),
                what, file.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("RABBITMQ_") || name.startsWith("KEYCLOAK_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("escript finished").isTrue();
        System.out.print(output);
        return process.exitValue();
    }

    /** "protocol/port peer-labels" for every port each egress rule allows, sorted. */
    private static Set<String> egressPorts(JsonNode policy) {
        Set<String> ports = new TreeSet<>();
        for (JsonNode rule : policy.at("/spec/egress")) {
            for (JsonNode peer : rule.path("to")) {
                StringBuilder labels = new StringBuilder();
                peer.at("/podSelector/matchLabels").fields().forEachRemaining(f -> labels.append(f.getKey()).append('=').append(f.getValue().asText()));
                for (JsonNode port : rule.path("ports")) {
                    ports.add(port.path("protocol").asText() + "/" + port.path("port").asText() + " " + labels);
                }
            }
        }
        return ports;
    }

    /** The literals of the overlay's `site` ConfigMap (local-config: not in the rendered output). */
    private static Map<String, String> siteValues(String overlay) throws IOException {
        JsonNode kustomization = new YAMLMapper().readTree(Manifests.K8S.resolve(overlay).resolve("kustomization.yaml").toFile());
        Map<String, String> values = new HashMap<>();
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            if (generator.path("name").asText().equals("site")) {
                generator.path("literals").forEach(l -> values.put(l.asText().substring(0, l.asText().indexOf('=')),
                        l.asText().substring(l.asText().indexOf('=') + 1)));
            }
        }
        assertThat(values).as(overlay + " site values").containsKeys("backup-destination", "backup-endpoint");
        return values;
    }

    private static ObjectNode one(List<ObjectNode> objects, String kind, String name) {
        return of(objects, kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static List<ObjectNode> of(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
