package org.feedbackloop.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A kustomization rendered the way it is deployed ({@code kubectl kustomize}), and the three checks run on
 * it: schemas (node, {@code schema-check.mjs}), unknown fields ({@link StrictFields}) and {@link Policies}.
 */
public final class Manifests {

    /** k8s/ (the tests run in k8s/validation). */
    public static final Path K8S = Path.of("..").toAbsolutePath().normalize();
    private static final Path VALIDATION = K8S.resolve("validation");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    private static boolean npmReady;

    public final String name;
    public final String yaml;
    public final List<ObjectNode> objects;

    private Manifests(String name, String yaml) {
        this.name = name;
        this.yaml = yaml;
        this.objects = parse(yaml);
    }

    /** Renders a kustomization directory, relative to k8s/. */
    public static Manifests render(String dir) {
        return new Manifests(dir, run(K8S, kustomizeCommand(K8S.resolve(dir))));
    }

    /** Schema validation of every object; also lists what was checked against which schema. */
    public SchemaResult schemaCheck() {
        ensureNodeModules();
        try {
            Path file = Files.createTempFile("rendered-", ".yaml");
            try {
                Files.writeString(file, yaml);
                JsonNode result = JSON.readTree(run(VALIDATION, List.of("node", "schema-check.mjs", file.toString())));
                List<Finding> findings = new ArrayList<>();
                result.get("errors").forEach(e -> findings.add(new Finding("schema", e.get("object").asText(),
                        e.get("path").asText(), e.get("message").asText())));
                List<String> checked = new ArrayList<>();
                result.get("checked").forEach(c -> checked.add(c.get("object").asText() + " (" + c.get("apiVersion").asText()
                        + ", " + c.get("schema").asText() + ")"));
                return new SchemaResult(checked, findings);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Finding> strictCheck() {
        return StrictFields.check(objects);
    }

    public List<Finding> policyCheck() {
        return Policies.check(objects);
    }

    /** Every finding of the three checks. */
    public List<Finding> validate() {
        List<Finding> all = new ArrayList<>(schemaCheck().findings());
        all.addAll(strictCheck());
        all.addAll(policyCheck());
        return all;
    }

    public record SchemaResult(List<String> checked, List<Finding> findings) {
    }

    public static List<ObjectNode> parse(String yaml) {
        try {
            List<ObjectNode> objects = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(yaml)) {
                for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                    JsonNode node = it.next();
                    if (node instanceof ObjectNode object) {
                        objects.add(object);
                    }
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    private static List<String> kustomizeCommand(Path dir) {
        if (onPath("kubectl")) {
            return List.of("kubectl", "kustomize", dir.toString());
        }
        if (onPath("kustomize")) {
            return List.of("kustomize", "build", dir.toString());
        }
        throw new IllegalStateException("Rendering k8s/ needs kubectl (1.27 or newer, with its built-in kustomize) or a"
                + " standalone kustomize 5 on the PATH; neither was found. Install kubectl, then run ./mvnw verify again.");
    }

    /** npm ci, once per run and only when package-lock.json changed since the last install. */
    private static synchronized void ensureNodeModules() {
        if (npmReady) {
            return;
        }
        if (!onPath("node") || !onPath("npm")) {
            throw new IllegalStateException("The schema check runs on Node.js 18 or newer (node and npm on the PATH);"
                    + " Debian: apt-get install nodejs npm.");
        }
        Path installed = VALIDATION.resolve("node_modules/.package-lock.json");
        try {
            if (!Files.exists(installed) || Files.getLastModifiedTime(installed)
                    .compareTo(Files.getLastModifiedTime(VALIDATION.resolve("package-lock.json"))) < 0) {
                run(VALIDATION, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        npmReady = true;
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, List<String> command) {
        try {
            Path err = Files.createTempFile("stderr-", ".txt");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectError(err.toFile()).start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                            + "):\n" + Files.readString(err));
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
