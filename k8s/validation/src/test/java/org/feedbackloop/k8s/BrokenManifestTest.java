package org.feedbackloop.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** fixtures/broken breaks one rule per patch; each must be reported, by the check that owns the rule. */
class BrokenManifestTest {

    static List<Finding> findings;

    @BeforeAll
    static void validateBrokenFixture() {
        findings = Manifests.render("validation/fixtures/broken").validate();
        System.out.println("k8s/validation/fixtures/broken: " + findings.size() + " findings (expected: it must fail)");
        findings.forEach(f -> System.out.println("  " + f));
    }

    @Test
    void kubernetesSchemaRejectsAPortGivenAsString() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::path, Finding::message)
                .contains(tuple("schema", "Service/gateway", "/spec/ports/0/port", "must be integer"));
    }

    @Test
    void operatorSchemaRejectsAnUnknownRabbitmqClusterField() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::message)
                .contains(tuple("schema", "RabbitmqCluster/feedbackloop-rabbitmq", "unknown field \"replica\""));
    }

    @Test
    void unknownFieldCheckCatchesATypoTheApiServerWouldPrune() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::path, Finding::message)
                .contains(tuple("unknown-field", "Deployment/action-service", "/spec/template/spec/containers/0",
                        "unknown field \"resource\""));
    }

    @Test
    void policyRequiresProbes() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::message).contains(
                tuple("policy:probes", "Deployment/feedback-service", "container feedback-service has no livenessProbe"),
                tuple("policy:probes", "Deployment/feedback-service", "container feedback-service has no readinessProbe"));
    }

    @Test
    void policyRequiresRequestsAndLimits() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::message).contains(
                tuple("policy:resources", "Deployment/action-service", "container action-service has no resources.limits.memory"),
                tuple("policy:resources", "Deployment/action-service", "container action-service has no resources.limits.cpu"));
    }

    @Test
    void policyRequiresNonRoot() {
        assertThat(findings).extracting(Finding::check, Finding::object).contains(
                tuple("policy:non-root", "Deployment/notification-service"));
    }

    @Test
    void policyRequiresAPodDisruptionBudget() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::message).contains(
                tuple("policy:pdb", "Deployment/gateway", "no PodDisruptionBudget selects its pods"));
    }

    @Test
    void operatorSchemaRejectsAScheduledBackupWithoutClusterOrWithACrontabSchedule() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::path, Finding::message).contains(
                tuple("schema", "ScheduledBackup/feedbackloop-db-daily", "/spec", "must have required property 'cluster'"),
                tuple("schema", "ScheduledBackup/feedbackloop-db-daily", "/spec/schedule",
                        "must match pattern \"^(@[a-z]+( \\S+)?|\\S+( +\\S+){5})$\""));
    }

    @Test
    void operatorSchemaRejectsARetentionPolicyThatIsNoRecoveryWindow() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::path, Finding::message).contains(
                tuple("schema", "Cluster/feedbackloop-db", "/spec/backup/retentionPolicy", "must match pattern \"^[1-9][0-9]*[dwm]$\""));
    }

    @Test
    void policyHoldsCronJobPodsToTheSameHardening() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::path, Finding::message).contains(
                tuple("policy:hardening", "CronJob/rabbitmq-definitions-export", "/spec/jobTemplate/spec/template/spec/containers/export",
                        "container export has a writable root filesystem"));
    }

    @Test
    void policyRequiresAnEgressPolicyForCronJobs() {
        assertThat(findings).extracting(Finding::check, Finding::object, Finding::message).contains(
                tuple("policy:network-policy", "CronJob/keycloak-realm-export", "no NetworkPolicy restricts its pods' egress"));
    }

    @Test
    void nothingElseIsReported() {
        // Each patch breaks exactly what the tests above expect; anything more is a false alarm.
        assertThat(findings).extracting(Finding::check).containsOnly("schema", "unknown-field", "policy:probes",
                "policy:resources", "policy:non-root", "policy:pdb", "policy:hardening", "policy:network-policy");
        assertThat(findings).hasSize(16);
    }
}
