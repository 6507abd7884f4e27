package org.feedbackloop.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's OpenAPI 3.1 document as a checker of real answers: the operation a request reached, whether the status it
 * got is one the operation documents, and whether a JSON body matches the documented schema (JSON Schema 2020-12, with
 * the document's own {@code $ref}s resolved within it).
 */
final class OpenApiContract {

    private static final String DOCUMENT_IRI = "urn:feedbackloop:openapi";
    /** Where each response schema is copied to, so that the validator finds it by a plain JSON pointer. */
    private static final String RESPONSE_SCHEMAS = "x-response-schemas";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final List<DocumentedOperation> operations = new ArrayList<>();
    private final Map<String, JsonNode> responses = new HashMap<>();
    private final Map<String, Schema> bodySchemas = new HashMap<>();

    OpenApiContract(JsonNode document) {
        var root = (ObjectNode) document.deepCopy();
        var copied = root.putObject(RESPONSE_SCHEMAS);
        var locations = new HashMap<String, String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            var operation = new DocumentedOperation(method.getKey().toUpperCase(Locale.ROOT), path.getKey());
            operations.add(operation);
            method.getValue().path("responses").properties().forEach(response -> {
                var answer = resolve(document, response.getValue());
                responses.put(operation + " " + response.getKey(), answer);
                answer.path("content").properties().forEach(media -> {
                    if (isJson(media.getKey()) && media.getValue().has("schema")) {
                        var key = operation + " " + response.getKey() + " " + media.getKey();
                        var index = String.valueOf(locations.size());
                        copied.set(index, media.getValue().path("schema"));
                        locations.put(key, "#/" + RESPONSE_SCHEMAS + "/" + index);
                    }
                });
            });
        }));
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, root.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
        locations.forEach((key, location) -> bodySchemas.put(key, registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + location))));
        // a literal segment wins over a template: /api/feedback/imports before /api/feedback/{id}
        operations.sort(Comparator.comparingLong(operation -> operation.path().chars().filter(c -> c == '{').count()));
    }

    List<DocumentedOperation> operations() {
        return List.copyOf(operations);
    }

    Optional<DocumentedOperation> find(String method, String path) {
        return operations.stream().filter(operation -> operation.matches(method, path)).findFirst();
    }

    /**
     * What in one answer the document does not say; empty when it conforms.
     *
     * @param mediaType the answer's media type, without parameters; null when it has no body
     * @param body      the body of a JSON answer; null for other media types, which are not read
     */
    List<String> check(DocumentedOperation operation, int status, String mediaType, String body) {
        var code = String.valueOf(status);
        var key = Stream.of(code, code.charAt(0) + "XX", "default")
                .filter(candidate -> responses.containsKey(operation + " " + candidate)).findFirst();
        if (key.isEmpty()) {
            return List.of("status " + status + " is not documented");
        }
        var content = responses.get(operation + " " + key.get()).path("content");
        if (mediaType == null) {
            return List.of();
        }
        if (!content.has(mediaType)) {
            var documented = new ArrayList<String>();
            content.fieldNames().forEachRemaining(documented::add);
            return List.of(documented.isEmpty()
                    ? "status " + status + " is documented without a body, but one came (" + mediaType + ")"
                    : "media type " + mediaType + " is not documented for status " + status + " (documented: "
                    + String.join(", ", documented) + ")");
        }
        var schema = bodySchemas.get(operation + " " + key.get() + " " + mediaType);
        if (schema == null || body == null || body.isEmpty()) {
            return List.of();
        }
        var violations = new ArrayList<String>();
        for (var error : schema.validate(body, InputFormat.JSON)) {
            violations.add("body" + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return violations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        return node.has("$ref") ? resolve(document, document.at(node.path("$ref").asText().substring(1))) : node;
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** One operation of the document: its method and path template. */
    record DocumentedOperation(String method, String path) {

        boolean matches(String method, String path) {
            return this.method.equals(method) && template().matcher(path).matches();
        }

        private Pattern template() {
            var regex = new StringBuilder();
            for (var part : this.path.split("(?=\\{)|(?<=\\})")) {
                regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            return Pattern.compile(regex.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
