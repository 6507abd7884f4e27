package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import org.feedbackloop.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/asyncapi.yaml} on its own, without the suite: it parses, every channel is a routing key on one of
 * the contract's exchanges with a send operation and a schema, it names the types of {@code EventTypes}, and its
 * schemas do reject what breaks them.
 */
class AsyncApiDocumentTest {

    /** In the type list of the code but emitted by no service yet: none any more. */
    private static final Set<String> RESERVED = Set.of();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AsyncApiContract contract = AsyncApiContract.load();

    @Test
    void everyChannelIsARoutingKeyOnAContractExchangeWithASchema() {
        assertThat(contract.document().path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(contract.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(EventTap.EXCHANGES).as(event.type()).contains(event.exchange());
            // each producer's exchange carries its own family; insight.* comes from feedback-service, which counts the
            // feedback, until an insight service owns insight.events
            var family = event.type().startsWith("insight.") ? "feedback." : event.type().substring(0, event.type().indexOf('.') + 1);
            assertThat(event.exchange()).as(event.type()).isEqualTo(family + "events");
            assertThat(event.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(event.messageType()).isEqualTo(event.type());
            assertThat(event.deliveryMode()).isEqualTo(2);
            assertThat(event.payload()).isNotNull();
            assertThat(event.headers()).isNotNull();
            // every $ref resolves: an unresolvable one throws instead of reporting
            assertThat(event.payload().validate("{}", InputFormat.JSON)).isNotEmpty();
        });
    }

    @Test
    void documentsEveryTypeTheCodeNamesAndNoOther() {
        var named = Arrays.stream(EventTypes.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && !field.getName().endsWith("_EXCHANGE"))
                .map(field -> {
                    try {
                        return (String) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(type -> !RESERVED.contains(type))
                .collect(Collectors.toCollection(TreeSet::new));
        var documented = contract.events().stream().map(AsyncApiContract.DocumentedEvent::type)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(named);
        assertThat(EventTap.EXCHANGES).containsExactlyInAnyOrder(EventTypes.FEEDBACK_EXCHANGE,
                EventTypes.ACTION_EXCHANGE, EventTypes.NOTIFICATION_EXCHANGE);
    }

    @Test
    void aConformingMessagePasses() {
        assertThat(contract.check(message(event -> { }))).isEmpty();
    }

    @Test
    void theSchemasRejectWhatBreaksTheContract() {
        assertThat(pointers(event -> data(event).remove("actorId"))).containsExactly("/data");
        assertThat(pointers(event -> data(event).put("to", "MERGED"))).containsExactly("/data/to");
        assertThat(pointers(event -> data(event).remove("publicNote"))).containsExactly("/data");
        assertThat(pointers(event -> data(event).put("dueAt", "tomorrow"))).containsOnly("/data/dueAt");
        assertThat(pointers(event -> event.put("time", "2026-02-27T09:30:00.000123456Z"))).containsExactly("/time");
        assertThat(pointers(event -> event.put("time", "2026-02-27T10:30:00+01:00"))).containsExactly("/time");
        assertThat(pointers(event -> data(event).put("feedbackCount", "3"))).containsExactly("/data/feedbackCount");
        assertThat(pointers(event -> data(event).putNull("publicNote"))).containsExactly("/data/publicNote");
        assertThat(pointers(event -> data(event).put("unknown", true))).containsExactly("/data");
        assertThat(pointers(event -> event.put("id", "not-a-uuid"))).contains("/id");
        assertThat(pointers(event -> event.put("type", "action.created"))).contains("/type");
        assertThat(pointers(event -> event.remove("subject"))).containsExactly("");
        assertThat(pointers(event -> event.put("traceid", "x"))).containsExactly("");
    }

    @Test
    void theAmqpSideIsCheckedToo() {
        var conforming = message(event -> { });
        assertThat(contract.check(copy(conforming, "feedback.events", conforming.routingKey(), conforming.contentType(),
                conforming.headers()))).extracting(AsyncApiContract.Violation::message)
                .containsExactly("no channel documents routing key action.status-changed on exchange feedback.events");
        assertThat(contract.check(copy(conforming, conforming.exchange(), conforming.routingKey(), "application/json",
                conforming.headers()))).hasSize(1);
        assertThat(contract.check(copy(conforming, conforming.exchange(), conforming.routingKey(),
                conforming.contentType(), Map.of("traceparent", "not-a-trace")))).extracting(AsyncApiContract.Violation::pointer)
                .containsExactly("(headers)/traceparent");
    }

    private List<String> pointers(Consumer<ObjectNode> breakIt) {
        return contract.check(message(breakIt)).stream().map(AsyncApiContract.Violation::pointer).toList();
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.path("data");
    }

    /** An {@code action.status-changed} to DONE as action-service publishes it, changed by {@code breakIt}. */
    private static EventTap.TappedEvent message(Consumer<ObjectNode> breakIt) {
        var id = UUID.randomUUID().toString();
        var actionId = UUID.randomUUID().toString();
        var event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", id).put("source", "/action-service")
                .put("type", "action.status-changed").put("time", "2026-02-27T09:30:00.000123Z").put("subject", actionId)
                .put("datacontenttype", "application/json");
        event.putObject("data").put("actionId", actionId).put("title", "Billing feedback").put("from", "IN_PROGRESS")
                .put("to", "DONE").put("publicNote", "Every double charge is refunded.")
                .put("dueAt", "2026-03-01T10:00:00.123456Z").put("feedbackCount", 2)
                .put("actorId", UUID.randomUUID().toString()).put("changedAt", "2026-02-27T09:30:00Z");
        breakIt.accept(event);
        return new EventTap.TappedEvent("action.events", "action.status-changed", "application/cloudevents+json", id,
                "action.status-changed", "action-service", 2,
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), event.toString(),
                Instant.now());
    }

    private static EventTap.TappedEvent copy(EventTap.TappedEvent message, String exchange, String routingKey,
                                             String contentType, Map<String, String> headers) {
        return new EventTap.TappedEvent(exchange, routingKey, contentType, message.messageId(), message.type(),
                message.appId(), message.deliveryMode(), headers, message.body(), message.receivedAt());
    }
}
