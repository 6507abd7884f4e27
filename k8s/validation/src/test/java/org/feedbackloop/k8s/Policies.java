package org.feedbackloop.k8s;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a schema cannot say: the rules every rendered Deployment and CronJob (and the objects around them) must
 * follow before they may be deployed. Each finding names the rule and the object that breaks it.
 */
final class Policies {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(^|_)(PASSWORD|PASSWD|SECRET|API_KEY|PRIVATE_KEY)$");
    private static final int SHUTDOWN_MARGIN_SECONDS = 5;

    private final List<ObjectNode> objects;
    private final List<Finding> findings = new ArrayList<>();

    private Policies(List<ObjectNode> objects) {
        this.objects = objects;
    }

    static List<Finding> check(List<ObjectNode> objects) {
        Policies policies = new Policies(objects);
        policies.run();
        return policies.findings;
    }

    private void run() {
        for (ObjectNode object : objects) {
            switch (object.path("kind").asText()) {
                case "Deployment" -> deployment(object);
                // Run-to-completion workloads: the pod rules (no probes, budget, scaler or shutdown timeout),
                // and egress only where a NetworkPolicy lets them.
                case "CronJob" -> batch(object, "/spec/jobTemplate/spec/template");
                case "Job" -> batch(object, "/spec/template");
                case "ConfigMap" -> configMap(object);
                case "Secret" -> add(object, "/", "secret-values", "a Secret is rendered: secret values never live in the repository");
                case "KeycloakRealmImport" -> realmImport(object);
                default -> {
                }
            }
        }
        defaultDeny();
    }

    /** A Deployment is a long-running service: the pod rules, plus probes, a budget, a scaler and a clean shutdown. */
    private void deployment(ObjectNode deployment) {
        JsonNode template = deployment.path("spec").path("template");
        JsonNode pod = template.path("spec");
        podTemplate(deployment, "/spec/template");
        for (JsonNode container : pod.path("containers")) {
            String c = "container " + container.path("name").asText();
            String at = "/spec/template/spec/containers/" + container.path("name").asText();
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                if (container.path(probe).isMissingNode()) {
                    add(deployment, at, "probes", c + " has no " + probe);
                }
            }
            gracefulShutdown(deployment, pod, container, c, at);
        }
        JsonNode labels = template.path("metadata").path("labels");
        boolean budget = objects.stream().anyMatch(o -> o.path("kind").asText().equals("PodDisruptionBudget")
                && sameNamespace(o, deployment) && selects(o.path("spec").path("selector"), labels));
        if (!budget) {
            add(deployment, "/", "pdb", "no PodDisruptionBudget selects its pods");
        }
        String name = deployment.path("metadata").path("name").asText();
        boolean scaled = objects.stream().anyMatch(o -> Set.of("HorizontalPodAutoscaler", "ScaledObject").contains(o.path("kind").asText())
                && sameNamespace(o, deployment) && o.path("spec").path("scaleTargetRef").path("name").asText().equals(name));
        if (!scaled) {
            add(deployment, "/", "autoscaling", "no HorizontalPodAutoscaler or ScaledObject scales it");
        }
    }

    /**
     * What every pod the suite runs must be, whichever workload makes it (Deployment, CronJob, Job): requests
     * and limits, non-root, read-only root filesystem, no capabilities or privilege escalation, seccomp, a
     * fixed image, secrets only from Secrets, no service account token.
     */
    private void podTemplate(ObjectNode workload, String templatePath) {
        JsonNode pod = workload.at(templatePath).path("spec");
        String podPath = templatePath + "/spec";
        JsonNode podSecurity = pod.path("securityContext");
        for (JsonNode container : pod.path("containers")) {
            String c = "container " + container.path("name").asText();
            String at = podPath + "/containers/" + container.path("name").asText();
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (container.path("resources").path(kind).path(resource).isMissingNode()) {
                        add(workload, at, "resources", c + " has no resources." + kind + "." + resource);
                    }
                }
            }
            JsonNode security = container.path("securityContext");
            boolean nonRoot = security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false));
            int user = security.path("runAsUser").asInt(podSecurity.path("runAsUser").asInt(-1));
            if (!nonRoot || user == 0) {
                add(workload, at, "non-root", c + " may run as root (runAsNonRoot must be true, runAsUser not 0)");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                add(workload, at, "hardening", c + " has a writable root filesystem");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                add(workload, at, "hardening", c + " allows privilege escalation");
            }
            boolean dropsAll = false;
            for (JsonNode capability : security.path("capabilities").path("drop")) {
                dropsAll |= capability.asText().equals("ALL");
            }
            if (!dropsAll) {
                add(workload, at, "hardening", c + " does not drop all capabilities");
            }
            String seccomp = security.path("seccompProfile").path("type")
                    .asText(podSecurity.path("seccompProfile").path("type").asText(""));
            if (!Set.of("RuntimeDefault", "Localhost").contains(seccomp)) {
                add(workload, at, "hardening", c + " has no RuntimeDefault seccomp profile");
            }
            image(workload, at, c, container.path("image").asText());
            secretsInEnv(workload, at, c, container);
        }
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            add(workload, podPath, "service-account", "the pod mounts a service account token");
        }
        String account = pod.path("serviceAccountName").asText("default");
        ObjectNode serviceAccount = find("ServiceAccount", account);
        if (serviceAccount == null || serviceAccount.path("automountServiceAccountToken").asBoolean(true)) {
            add(workload, podPath, "service-account",
                    "service account " + account + " is not rendered with automountServiceAccountToken: false");
        }
    }

    /** A batch pod sends only what a NetworkPolicy selecting it allows (the suite's services: base/network-policies.yaml). */
    private void batch(ObjectNode workload, String templatePath) {
        podTemplate(workload, templatePath);
        JsonNode podLabels = workload.at(templatePath).path("metadata").path("labels");
        boolean restricted = objects.stream().anyMatch(o -> o.path("kind").asText().equals("NetworkPolicy")
                && sameNamespace(o, workload) && o.path("spec").path("policyTypes").toString().contains("Egress")
                && selects(o.path("spec").path("podSelector"), podLabels));
        if (!restricted) {
            add(workload, "/", "network-policy", "no NetworkPolicy restricts its pods' egress");
        }
    }

    private void image(ObjectNode workload, String at, String c, String image) {
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        if (!image.contains("@sha256:") && (!lastPart.contains(":") || lastPart.endsWith(":latest"))) {
            add(workload, at, "image", c + " image " + image + " has no fixed tag or digest");
        }
    }

    private void secretsInEnv(ObjectNode workload, String at, String c, JsonNode container) {
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            if (SECRET_NAME.matcher(name).find() && env.path("valueFrom").path("secretKeyRef").isMissingNode()) {
                add(workload, at, "secret-values", c + " sets " + name + " without a secretKeyRef");
            }
        }
    }

    /** terminationGracePeriodSeconds must cover the preStop pause plus Quarkus' shutdown timeout. */
    private void gracefulShutdown(ObjectNode deployment, JsonNode pod, JsonNode container, String c, String at) {
        long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
        long preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
        String timeout = env(container, "QUARKUS_SHUTDOWN_TIMEOUT");
        if (timeout == null) {
            add(deployment, at, "graceful-shutdown", c + " sets no QUARKUS_SHUTDOWN_TIMEOUT: in-flight work is cut at SIGTERM");
            return;
        }
        long shutdown = Duration.parse("PT" + timeout.toUpperCase()).toSeconds();
        if (grace < preStop + shutdown + SHUTDOWN_MARGIN_SECONDS) {
            add(deployment, "/spec/template/spec", "graceful-shutdown", "terminationGracePeriodSeconds " + grace
                    + " < preStop " + preStop + " s + shutdown timeout " + shutdown + " s + " + SHUTDOWN_MARGIN_SECONDS + " s");
        }
    }

    /** The value a container sees for an environment variable, from env or from its ConfigMaps. */
    private String env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name) && env.has("value")) {
                return env.path("value").asText();
            }
        }
        String value = null;
        for (JsonNode from : container.path("envFrom")) {
            ObjectNode map = find("ConfigMap", from.path("configMapRef").path("name").asText());
            if (map != null && map.path("data").has(name)) {
                value = map.path("data").path(name).asText(); // later sources win, as in Kubernetes
            }
        }
        return value;
    }

    private void configMap(ObjectNode map) {
        map.path("data").fieldNames().forEachRemaining(key -> {
            if (SECRET_NAME.matcher(key).find()) {
                add(map, "/data/" + key, "secret-values", "a secret-like value sits in a ConfigMap");
            }
        });
    }

    private void realmImport(ObjectNode realmImport) {
        JsonNode realm = realmImport.path("spec").path("realm");
        for (JsonNode user : realm.path("users")) {
            String at = "/spec/realm/users/" + user.path("username").asText();
            if (!user.has("serviceAccountClientId")) {
                add(realmImport, at, "realm", "a production realm carries no users (only client service accounts)");
            }
            if (user.has("credentials")) {
                add(realmImport, at, "realm", "a production realm carries no passwords");
            }
        }
        for (JsonNode client : realm.path("clients")) {
            String at = "/spec/realm/clients/" + client.path("clientId").asText();
            if (client.has("secret") && !client.path("secret").asText().matches("\\$\\{[A-Z0-9_]+}")) {
                add(realmImport, at, "realm", "client secret must be a ${PLACEHOLDER} filled from a Secret");
            }
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                add(realmImport, at, "realm", "password grants are for the dev realm only");
            }
        }
    }

    /** Every namespace with a Deployment has a NetworkPolicy that selects all pods and allows no ingress. */
    private void defaultDeny() {
        Map<String, ObjectNode> namespaces = new HashMap<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
                .forEach(o -> namespaces.putIfAbsent(o.path("metadata").path("namespace").asText(""), o));
        namespaces.forEach((namespace, deployment) -> {
            boolean denies = objects.stream().anyMatch(o -> o.path("kind").asText().equals("NetworkPolicy") && sameNamespace(o, deployment)
                    && o.path("spec").path("podSelector").isEmpty() && o.path("spec").path("ingress").isMissingNode()
                    && o.path("spec").path("policyTypes").toString().contains("Ingress"));
            if (!denies) {
                add(deployment, "/", "network-policy", "namespace '" + namespace + "' has no default-deny ingress NetworkPolicy");
            }
        });
    }

    private ObjectNode find(String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                && o.path("metadata").path("name").asText().equals(name)).findFirst().orElse(null);
    }

    private static boolean sameNamespace(JsonNode a, JsonNode b) {
        return a.path("metadata").path("namespace").asText("").equals(b.path("metadata").path("namespace").asText(""));
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.path("matchLabels");
        if (match.isEmpty() || selector.has("matchExpressions")) {
            return false; // the suite's budgets select by labels; anything else is not recognised here
        }
        var fields = match.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().asText().equals(labels.path(field.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private void add(JsonNode object, String path, String rule, String message) {
        findings.add(new Finding("policy:" + rule, Manifests.id(object), path, message));
    }
}
