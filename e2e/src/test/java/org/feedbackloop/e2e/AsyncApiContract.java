package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published event contract, {@code docs/asyncapi.yaml}, as a checker of real messages: each channel is a
 * routing key on an exchange, with its message's content type, AMQP properties, headers and payload schema.
 * The schemas (AsyncAPI's default schema format, a superset of JSON Schema draft 7) are applied by a JSON Schema
 * validator with format assertions on, so {@code uuid}, {@code date-time} and {@code email} are checked too.
 */
final class AsyncApiContract {

    /** Where the document is, for the validator's {@code $ref} resolution; never fetched from anywhere. */
    private static final String DOCUMENT_IRI = "urn:feedbackloop:asyncapi";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final Map<String, DocumentedEvent> byExchangeAndRoutingKey = new LinkedHashMap<>();

    private AsyncApiContract(JsonNode document) {
        this.document = document;
        var schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, registry -> registry
                .schemas(Map.of(DOCUMENT_IRI, document.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build()));
        document.path("channels").properties().forEach(channel -> {
            var event = describe(channel.getKey(), channel.getValue(), schemas);
            byExchangeAndRoutingKey.put(event.exchange() + " " + event.type(), event);
        });
    }

    /** The document at {@code e2e.asyncapi} (set by the build), else {@code docs/asyncapi.yaml} of this checkout. */
    static AsyncApiContract load() {
        var path = Path.of(System.getProperty("e2e.asyncapi", "../docs/asyncapi.yaml"));
        try {
            return new AsyncApiContract(new YAMLMapper().readTree(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event contract " + path.toAbsolutePath(), e);
        }
    }

    JsonNode document() {
        return document;
    }

    List<DocumentedEvent> events() {
        return List.copyOf(byExchangeAndRoutingKey.values());
    }

    Optional<DocumentedEvent> find(String exchange, String routingKey) {
        return Optional.ofNullable(byExchangeAndRoutingKey.get(exchange + " " + routingKey));
    }

    /** Everything about one message that does not match the document; empty when it conforms. */
    List<Violation> check(EventTap.TappedEvent message) {
        var violations = new ArrayList<Violation>();
        var documented = find(message.exchange(), message.routingKey());
        if (documented.isEmpty()) {
            violations.add(new Violation(message.routingKey(), message.messageId(), "",
                    "no channel documents routing key " + message.routingKey() + " on exchange " + message.exchange()));
            return violations;
        }
        documented.get().check(message, violations);
        return violations;
    }

    private DocumentedEvent describe(String channelName, JsonNode channel, SchemaRegistry schemas) {
        var type = channel.path("address").asText();
        var exchange = amqpBinding(channel).path("exchange").path("name").asText();
        var messages = channel.path("messages");
        if (messages.size() != 1) {
            throw new IllegalStateException("channel " + channelName + " must carry exactly one message");
        }
        var reference = messages.elements().next();
        var messagePointer = reference.has("$ref") ? localPointer(reference.path("$ref").asText())
                : "/channels/" + channelName + "/messages/" + messages.fieldNames().next();
        var message = document.at(messagePointer);
        var contentType = message.path("contentType").asText(document.path("defaultContentType").asText());
        var messageType = amqpBinding(message).path("messageType").asText(null);
        var payload = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + messagePointer + "/payload"));
        var headers = message.has("headers")
                ? schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + messagePointer + "/headers")) : null;
        return new DocumentedEvent(type, exchange, contentType, messageType, deliveryMode(channelName), payload, headers);
    }

    private Integer deliveryMode(String channelName) {
        for (var operation : document.path("operations")) {
            if (operation.path("action").asText().equals("send")
                    && operation.path("channel").path("$ref").asText().equals("#/channels/" + channelName)) {
                var binding = amqpBinding(operation);
                return binding.has("deliveryMode") ? binding.path("deliveryMode").asInt() : null;
            }
        }
        throw new IllegalStateException("no send operation for channel " + channelName);
    }

    /** The AMQP binding of a channel, operation or message; the bindings and the binding may each be a reference. */
    private JsonNode amqpBinding(JsonNode owner) {
        return resolve(resolve(owner.path("bindings")).path("amqp"));
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? resolve(document.at(localPointer(node.path("$ref").asText()))) : node;
    }

    private static String localPointer(String reference) {
        if (!reference.startsWith("#/")) {
            throw new IllegalStateException("only references within the document are expected: " + reference);
        }
        return reference.substring(1);
    }

    /** One documented event type: where it is published and what its messages look like. */
    record DocumentedEvent(String type, String exchange, String contentType, String messageType, Integer deliveryMode,
                           Schema payload, Schema headers) {

        void check(EventTap.TappedEvent message, List<Violation> violations) {
            var id = message.messageId();
            if (!contentType.equals(message.contentType())) {
                violations.add(new Violation(type, id, "", "AMQP content_type is " + message.contentType()
                        + ", documented " + contentType));
            }
            if (deliveryMode != null && !deliveryMode.equals(message.deliveryMode())) {
                violations.add(new Violation(type, id, "", "AMQP delivery_mode is " + message.deliveryMode()
                        + ", documented " + deliveryMode));
            }
            if (messageType != null && !messageType.equals(message.type())) {
                violations.add(new Violation(type, id, "", "AMQP type is " + message.type() + ", documented " + messageType));
            }
            if (headers != null) {
                schemaViolations(headers, write(message.headers()), "(headers)", id, violations);
            }
            JsonNode body;
            try {
                body = JSON.readTree(message.body());
            } catch (IOException e) {
                violations.add(new Violation(type, id, "", "the body is not JSON: " + e.getMessage()));
                return;
            }
            var eventId = body.path("id").asText(null);
            if (id == null || !id.equals(eventId)) {
                violations.add(new Violation(type, eventId, "/id", "AMQP message_id " + id + " is not the event id"));
            }
            var source = body.path("source").asText("");
            if (message.appId() == null || !source.equals("/" + message.appId())) {
                violations.add(new Violation(type, eventId, "/source", "AMQP app_id " + message.appId()
                        + " does not name the source " + source));
            }
            schemaViolations(payload, message.body(), "", eventId, violations);
        }

        private void schemaViolations(Schema schema, String json, String where, String id, List<Violation> violations) {
            for (var error : schema.validate(json, InputFormat.JSON)) {
                violations.add(new Violation(type, id, where + error.getInstanceLocation(), error.getMessage()));
            }
        }

        private static String write(Map<String, String> headers) {
            ObjectNode node = JSON.createObjectNode();
            headers.forEach(node::put);
            return node.toString();
        }
    }

    /** One way a message departs from the document. */
    record Violation(String type, String eventId, String pointer, String message) {
        @Override
        public String toString() {
            return type + " " + eventId + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }
}
