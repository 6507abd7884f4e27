package org.feedbackloop.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every deployable rendering passes the schema, unknown-field and policy checks with no finding. */
class RenderedManifestsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "infra", "validation/fixtures/prod-with-keda",
            "validation/fixtures/prod-restore", "validation/fixtures/prod-recover-in-place"})
    void rendersAndValidatesClean(String kustomization) {
        Manifests manifests = Manifests.render(kustomization);
        Manifests.SchemaResult schema = manifests.schemaCheck();
        var strict = manifests.strictCheck();
        var policies = manifests.policyCheck();

        Map<String, Long> bySchema = new TreeMap<>(schema.checked().stream()
                .collect(Collectors.groupingBy(c -> c.substring(c.indexOf('(')), Collectors.counting())));
        System.out.printf("k8s/%s: %d objects; schema-checked %s; %d schema, %d unknown-field, %d policy findings%n",
                kustomization, manifests.objects.size(), bySchema, schema.findings().size(), strict.size(), policies.size());
        schema.findings().forEach(f -> System.out.println("  " + f));
        strict.forEach(f -> System.out.println("  " + f));
        policies.forEach(f -> System.out.println("  " + f));

        assertThat(schema.checked()).as("every rendered object was schema-checked").hasSize(manifests.objects.size());
        assertThat(schema.findings()).as("schema findings").isEmpty();
        assertThat(strict).as("unknown-field findings").isEmpty();
        assertThat(policies).as("policy findings").isEmpty();
    }
}
