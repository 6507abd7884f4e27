package org.feedbackloop.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What differs between the overlays, and the images both deploy. */
class DeploymentShapeTest {

    @Test
    void prodRunsThreeGatewaysAndAtLeastTwoOfEachServiceSpreadOverNodes() {
        List<ObjectNode> prod = Manifests.render("overlays/prod").objects;
        assertThat(minReplicas(prod)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gateway", 3, "feedback-service", 2, "action-service", 2, "notification-service", 2));
        assertThat(of(prod, "Deployment")).allSatisfy(d -> assertThat(
                d.path("spec").path("template").path("spec").path("topologySpreadConstraints").findValuesAsText("topologyKey"))
                .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone"));
        assertThat(of(prod, "RabbitmqCluster")).singleElement().satisfies(r -> assertThat(r.at("/spec/replicas").asInt()).isEqualTo(3));
        assertThat(of(prod, "Cluster")).singleElement().satisfies(c -> assertThat(c.at("/spec/instances").asInt()).isEqualTo(3));
        assertThat(of(prod, "Database")).extracting(d -> d.at("/spec/name").asText())
                .containsExactlyInAnyOrder("actions", "notifications", "keycloak");
        assertThat(of(prod, "Cluster").get(0).at("/spec/bootstrap/initdb/database").asText()).isEqualTo("feedback");
    }

    @Test
    void devRunsOneOfEverything() {
        List<ObjectNode> dev = Manifests.render("overlays/dev").objects;
        assertThat(minReplicas(dev).values()).containsOnly(1);
        assertThat(of(dev, "HorizontalPodAutoscaler")).allSatisfy(h -> assertThat(h.at("/spec/maxReplicas").asInt()).isEqualTo(1));
        assertThat(of(dev, "RabbitmqCluster").get(0).at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(of(dev, "Cluster").get(0).at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(of(dev, "Keycloak").get(0).at("/spec/instances").asInt()).isEqualTo(1);
    }

    @Test
    void theSentenceModelAndTheOpenActionIndexHaveTheMemoryMeasuredForThem() {
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            List<ObjectNode> deployments = of(Manifests.render(overlay).objects, "Deployment");
            assertThat(memoryLimitMiB(deployments, "feedback-service")).as(overlay + " feedback-service").isGreaterThanOrEqualTo(640);
        }
        List<ObjectNode> prod = of(Manifests.render("overlays/prod").objects, "Deployment");
        assertThat(memoryLimitMiB(prod, "action-service")).as("prod action-service").isGreaterThanOrEqualTo(768);
    }

    @Test
    void manifestsDeployTheImagesTheMavenBuildNames() {
        String group = System.getProperty("image.group");
        String tag = System.getProperty("image.tag");
        assertThat(group).as("image.group from the POM (quarkus.container-image.group)").isNotBlank();
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            assertThat(of(Manifests.render(overlay).objects, "Deployment")).allSatisfy(d -> {
                String name = d.at("/metadata/name").asText();
                assertThat(d.at("/spec/template/spec/containers/0/image").asText()).isEqualTo(group + "/" + name + ":" + tag);
            });
        }
    }

    private static int memoryLimitMiB(List<ObjectNode> deployments, String name) {
        String limit = deployments.stream().filter(d -> d.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0/resources/limits/memory").asText();
        assertThat(limit).as(name + " memory limit").matches("\\d+(Mi|Gi)");
        int amount = Integer.parseInt(limit.substring(0, limit.length() - 2));
        return limit.endsWith("Gi") ? amount * 1024 : amount;
    }

    private static Map<String, Integer> minReplicas(List<ObjectNode> objects) {
        return of(objects, "HorizontalPodAutoscaler").stream().collect(java.util.stream.Collectors.toMap(
                h -> h.at("/spec/scaleTargetRef/name").asText(), h -> h.at("/spec/minReplicas").asInt()));
    }

    private static List<ObjectNode> of(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

}
