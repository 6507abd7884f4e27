package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published event contract ({@code docs/asyncapi.yaml}) against what the services really publish. It drives
 * the loop so that every documented type is emitted at least once, even when it runs alone, then checks every
 * message the suite's event tap captured during the run (this class's and the earlier classes'): exchange and
 * routing key of a documented channel, AMQP properties, headers, the CloudEvents envelope and {@code data}
 * against its schema. A documented type never seen fails as much as an undocumented one seen.
 */
@Order(Integer.MAX_VALUE - 1)
class EventContractTest {

    @RegisterExtension
    static Suite suite = new Suite();

    /** Overdue and escalation run on the scheduler's clock (seconds in the suite); the rest follows within seconds. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEmittedEventIsDocumentedAndMatchesItsSchema() {
        var contract = AsyncApiContract.load();
        var documented = contract.events().stream().map(AsyncApiContract.DocumentedEvent::type)
                .collect(Collectors.toCollection(TreeSet::new));
        var started = Instant.now();

        driveTheLoopThroughEveryEventType();
        var events = awaitEveryType(documented);

        var problems = new ArrayList<String>();
        events.stream().flatMap(event -> contract.check(event).stream()).map(Object::toString).forEach(problems::add);
        var seen = events.stream().map(EventTap.TappedEvent::routingKey).collect(Collectors.toSet());
        documented.stream().filter(type -> !seen.contains(type))
                .map(type -> type + ": documented, but never emitted during the run").forEach(problems::add);

        keep(events);
        var perType = events.stream().collect(Collectors.groupingBy(EventTap.TappedEvent::routingKey, TreeMap::new,
                Collectors.counting()));
        System.out.printf("EventContractTest: %d events of %d types checked against docs/asyncapi.yaml in %d s: %s%n",
                events.size(), perType.size(), Duration.between(started, Instant.now()).toSeconds(), perType);
        assertThat(problems).as("events departing from docs/asyncapi.yaml (type, event id, JSON pointer, what)")
                .isEmpty();
    }

    /** The captured messages, one JSON line each, in {@code target/captured-events.jsonl}: what a failure is about. */
    private static void keep(List<EventTap.TappedEvent> events) {
        var lines = events.stream().map(event -> {
            var line = JSON.createObjectNode().put("exchange", event.exchange()).put("routingKey", event.routingKey())
                    .put("contentType", event.contentType()).put("messageId", event.messageId())
                    .put("type", event.type()).put("appId", event.appId());
            line.putPOJO("deliveryMode", event.deliveryMode());
            line.putPOJO("headers", event.headers());
            line.put("body", event.body());
            return line.toString();
        }).toList();
        try {
            Files.write(Suite.target().resolve("captured-events.jsonl"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One customer's words through the whole loop, plus what feeds the other types: an integrator's import, a "me
     * too" on the public board, a duplicate merged, a "no" to "did this solve it?", praise (passed to its team as
     * kudos), an idea, which the suite makes due at once ({@code SLA_P4}) so that it is overdue and escalated within
     * seconds, and a survey answered.
     */
    private static void driveTheLoopThroughEveryEventType() {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var alice = Api.token("alice");
        var bob = Api.token("bob");
        var olivia = Api.token("olivia");

        Api.giveFeedback(bob, "Thank you " + unique + ", the courier was wonderful, friendly and early!", "delivery");
        Api.giveFeedback(bob, "Idea " + unique + ": the tracking page could show the courier's name.", "delivery");
        importAsIntegrator("Survey " + unique + ": the invoice layout is clear and easy to read.");

        var feedbackId = feedback(alice, Map.of("text", "Invoice " + unique + " charged me twice and nobody answers, awful.",
                "channel", "WEB", "topic", "billing", "rating", Map.of("scale", "NPS", "score", 3)));
        var action = UUID.fromString(Api.actionOf(olivia, feedbackId).path("id").asText());
        Api.change(olivia, action, "PUT", "/assignment", Map.of("ownerId", Api.subject(olivia)));
        // a due date within the reminder window (24 h): the scheduler reminds the owner at its next scan
        Api.change(olivia, action, "PUT", "/due", Map.of("dueAt", Instant.now().plus(Duration.ofHours(2)).toString(),
                "reason", "The refund run " + unique + " is today."));
        Api.change(olivia, action, "POST", "/updates", Map.of("publicNote", "We found the double charge " + unique + "."));
        meToo(bob, action);
        mergeADuplicate(olivia, bob, action, unique);
        Api.advance(olivia, action, "DONE", "Every double charge " + unique + " is refunded.");
        answerTheFollowUp(alice, action, "no");
        answerASurvey(unique);
        eraseACustomer(unique);
        letAChannelGoQuiet(unique);
    }

    /** A customer of the test's own gives feedback, then erases their data (feedback.erased). */
    private static void eraseACustomer(String unique) {
        var erin = Api.newCustomer("erin-" + unique, "erin." + unique + "@loop.example.com");
        feedback(erin, Map.of("text", "Please forget " + unique + " once I ask.", "channel", "WEB"));
        var erased = Gateway.as(erin).delete("/api/me/data");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
    }

    /**
     * Eight weeks of history of a channel nobody uses in the tests, 20 items a week, imported (silent), and nothing
     * in the last 7 days: the silence detector flags it within seconds (insight.silence-detected).
     */
    private static void letAChannelGoQuiet(String unique) {
        var windowStart = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(7));
        var rows = new StringBuilder();
        for (int i = 0; i < 160; i++) {
            var at = windowStart.minus(Duration.ofHours(1 + i * 8L));
            rows.append(Api.write(Map.of("text", "Old post " + unique + " number " + i, "channel", "SOCIAL",
                    "externalRef", "quiet-" + unique + "-" + i, "createdAt", at.toString()))).append('\n');
        }
        var started = Gateway.as(Api.integratorToken()).postFile("/api/feedback/imports", "application/x-ndjson",
                rows.toString());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
    }

    /** A manager's survey, one invitation, its answer through the link (notification.survey-answered). */
    private static void answerASurvey(String unique) {
        var address = "survey." + unique + "@loop.example.com";
        var maria = Api.token("maria");
        var created = Api.call("POST", Suite.notificationService() + "/api/surveys", maria,
                Map.of("name", "Our product " + unique, "scale", "NPS"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var invited = Api.call("POST", Suite.notificationService() + "/api/surveys/" + Api.json(created).path("id").asText()
                + "/invitations", maria, Map.of("recipients", List.of(Map.of("email", address))));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        var token = Await.until("the survey invitation", PATIENCE, () -> MailSink.surveyToken(address), found -> found != null);
        var answered = Gateway.anonymous().post("/api/public/surveys/"
                + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8), Map.of("score", 9));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(204);
    }

    private static UUID feedback(String token, Map<String, Object> body) {
        var response = Api.call("POST", Suite.feedbackService() + "/api/feedback", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(Api.json(response).path("id").asText());
    }

    /** Without a contributor, with a contact address, a rating and the integrator's own reference. */
    private static void importAsIntegrator(String text) {
        feedback(Api.integratorToken(), Map.of("text", text, "channel", "SURVEY",
                "rating", Map.of("scale", "CSAT", "score", 4),
                "contact", Map.of("email", "carol@example.com"), "consentToContact", true,
                "externalRef", "survey-" + UUID.randomUUID()));
    }

    private static void meToo(String customer, UUID action) {
        var response = Api.call("POST", Suite.actionService() + "/api/public/updates/" + action + "/me-too", customer, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The customer's other feedback opened as an action of its own by the owner, then merged into {@code into}. */
    private static void mergeADuplicate(String owner, String customer, UUID into, String unique) {
        var feedbackId = Api.giveFeedback(customer, "Refund " + unique + " of a second charge never reached my card.", "billing");
        Api.actionOf(owner, feedbackId);
        var created = Api.call("POST", Suite.actionService() + "/api/actions", owner,
                Map.of("feedbackIds", List.of(feedbackId), "title", "Refunds not reaching cards " + unique));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var duplicate = UUID.fromString(Api.json(created).path("id").asText());
        Api.change(owner, duplicate, "POST", "/merge", Map.of("into", into));
    }

    /** The one-click link of the contributor's "you said, we did" about the DONE action, from their inbox. */
    private static void answerTheFollowUp(String contributor, UUID action, String answer) {
        var link = awaitInboxLink(contributor, action, answer.equals("yes") ? "followUpYes" : "followUpNo");
        var response = Api.send(HttpRequest.newBuilder(URI.create(link)).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String awaitInboxLink(String contributor, UUID action, String link) {
        var deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var inbox = Api.json(Api.call("GET", Suite.notificationService() + "/api/me/notifications?limit=50",
                    contributor, null));
            for (JsonNode item : inbox.path("items")) {
                if (item.path("actionId").asText().equals(action.toString()) && item.path("data").has(link)) {
                    return item.path("data").path(link).asText();
                }
            }
            Suite.sleep(300);
        }
        throw new IllegalStateException("no " + link + " for action " + action + " in the contributor's inbox after 30 s");
    }

    /** The events captured so far, once every documented type is among them or patience ran out. */
    private static List<EventTap.TappedEvent> awaitEveryType(Set<String> documented) {
        var deadline = Instant.now().plus(PATIENCE);
        while (true) {
            var events = Suite.events();
            var seen = events.stream().map(EventTap.TappedEvent::routingKey).collect(Collectors.toSet());
            if (seen.containsAll(documented) || Instant.now().isAfter(deadline)) {
                // what is still on its way from the flows just driven (deliveries, closed loops) arrives before the
                // marker's own delivery: each relay publishes in order
                var marker = Settle.awaitEverythingBefore();
                Await.until("the settling marker's notification.delivered on the tap", Duration.ofSeconds(30),
                        Suite::events, tapped -> tapped.stream().anyMatch(e -> e.routingKey().equals("notification.delivered")
                                && e.body().contains(marker)));
                return Suite.events();
            }
            Suite.sleep(500);
        }
    }
}
