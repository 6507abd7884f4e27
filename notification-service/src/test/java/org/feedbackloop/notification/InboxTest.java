package org.feedbackloop.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The in-app side: inbox, read marks, the live stream, and what owners and managers are told. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InboxTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/me/notifications/stream")
    URL stream;

    private Events events;

    @BeforeEach
    void connect() throws Exception {
        events = new Events();
    }

    @AfterEach
    void disconnect() throws Exception {
        events.close();
    }

    private static List<String> kindsFor(String user, UUID action) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("limit", 100).get("/api/me/notifications")
                .then().statusCode(200).extract().path("items.findAll { it.actionId == '" + action + "' }.kind");
    }

    @Test
    void theLiveStreamDeliversANotificationAsItHappens() throws Exception {
        var lines = new CopyOnWriteArrayList<String>();
        var request = HttpRequest.newBuilder(stream.toURI())
                .header("Authorization", "Bearer " + Tokens.of("alice")).header("Accept", "text/event-stream").build();
        try (var http = HttpClient.newHttpClient()) {
            var connection = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(lines::add));
            awaitSubscribed(lines);
            var feedback = UUID.randomUUID();
            events.publish(Events.feedbackReceived(feedback, Tokens.subjectOf("alice"), null, "Live words"));

            await().atMost(SOON).until(() -> lines.stream().anyMatch(line -> line.contains(feedback.toString())));
            var data = lines.stream().filter(line -> line.startsWith("data:") && line.contains(feedback.toString()))
                    .findFirst().orElseThrow().substring("data:".length());
            var item = JSON.readTree(data);
            assertThat(item.path("kind").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(item.path("title").asText()).isEqualTo("Thank you, we heard you");
            connection.cancel(true);
        }
    }

    /**
     * The stream sends nothing of its own when it opens, and the server writes its headers before it subscribes to
     * the notifications: the subscription is known to be in place once a probe acknowledgement for alice shows on
     * it. A probe published before the subscription never shows, hence a new one at every poll until one does.
     */
    private void awaitSubscribed(List<String> lines) {
        var probes = new CopyOnWriteArrayList<String>();
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (lines.stream().anyMatch(line -> probes.stream().anyMatch(line::contains))) {
                return true;
            }
            var probe = UUID.randomUUID();
            probes.add(probe.toString());
            events.publish(Events.feedbackReceived(probe, Tokens.subjectOf("alice"), null, "Probe " + probe));
            return false;
        });
    }

    @Test
    void theInboxListsNewestFirstAndMarksRead() throws Exception {
        var action = UUID.randomUUID();
        var feedback = UUID.randomUUID();
        events.publish(Events.feedbackReceived(feedback, Tokens.subjectOf("alice"), null, "Inbox words"));
        events.publish(Events.feedbackLinked(action, feedback, "Inbox action", null));
        await().atMost(SOON).until(() -> kindsFor("alice", action).contains("TRACKED"));

        String id = given().auth().oauth2(Tokens.of("alice")).queryParam("limit", 100).get("/api/me/notifications")
                .then().extract().path("items.find { it.actionId == '" + action + "' }.id");
        given().auth().oauth2(Tokens.of("alice")).queryParam("unread", "true").queryParam("limit", 100)
                .get("/api/me/notifications").then().body("items.id", hasItem(id)).body("unread", notNullValue());
        var readAt = given().auth().oauth2(Tokens.of("alice")).put("/api/me/notifications/" + id + "/read")
                .then().statusCode(200).body("readAt", notNullValue()).extract().<String>path("readAt");
        given().auth().oauth2(Tokens.of("alice")).put("/api/me/notifications/" + id + "/read")
                .then().statusCode(200).body("readAt", is(readAt));
        given().auth().oauth2(Tokens.of("alice")).queryParam("unread", "true").queryParam("limit", 100)
                .get("/api/me/notifications").then().body("items.id", not(hasItem(id)));
        // another person's notification is not there for them
        given().auth().oauth2(Tokens.of("bob")).put("/api/me/notifications/" + id + "/read").then().statusCode(404);
    }

    @Test
    void pagesFollowEachOther() throws Exception {
        var marker = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            events.publish(Events.feedbackReceived(UUID.randomUUID(), Tokens.subjectOf("bob"), null, "Page " + marker + " " + i));
        }
        await().atMost(SOON).until(() -> given().auth().oauth2(Tokens.of("bob")).queryParam("limit", 100)
                .get("/api/me/notifications").then().extract().<List<String>>path("items.data.quote").stream()
                .filter(quote -> quote != null && quote.contains(marker.toString())).count() == 3);
        var first = given().auth().oauth2(Tokens.of("bob")).queryParam("limit", 2).get("/api/me/notifications").then().extract();
        List<String> firstIds = first.path("items.id");
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotNull();
        List<String> secondIds = given().auth().oauth2(Tokens.of("bob")).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/me/notifications").then().statusCode(200).extract().path("items.id");
        assertThat(secondIds).doesNotContainAnyElementsOf(firstIds);
        List<String> createdAt = given().auth().oauth2(Tokens.of("bob")).queryParam("limit", 4).get("/api/me/notifications")
                .then().extract().path("items.createdAt");
        assertThat(createdAt).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void ownersAreToldOfAssignmentsAndDeadlinesAndManagersOfEscalations() throws Exception {
        var action = UUID.randomUUID();
        var olivia = Tokens.subjectOf("olivia");
        var assigned = Events.event("action.assigned", "/action-service", action);
        ((com.fasterxml.jackson.databind.node.ObjectNode) assigned.get("data")).put("actionId", action.toString())
                .put("title", "Refund delays").put("team", "billing").put("ownerId", olivia).put("ownerName", "olivia")
                .put("actorId", "maria-id").put("assignedAt", Instant.now().toString());
        events.publish(assigned);
        var overdue = Events.event("action.overdue", "/action-service", action);
        ((com.fasterxml.jackson.databind.node.ObjectNode) overdue.get("data")).put("actionId", action.toString())
                .put("title", "Refund delays").put("clock", "FIX").put("deadline", Instant.now().toString())
                .put("team", "billing").put("ownerId", olivia).put("priority", "P1").put("detectedAt", Instant.now().toString());
        events.publish(overdue);
        var unowned = Events.event("action.deadline-approaching", "/action-service", action);
        ((com.fasterxml.jackson.databind.node.ObjectNode) unowned.get("data")).put("actionId", action.toString())
                .put("title", "Refund delays").put("clock", "INFORM").put("deadline", Instant.now().toString())
                .put("team", "billing").put("priority", "P1").put("detectedAt", Instant.now().toString());
        events.publish(unowned);
        var escalated = Events.event("action.escalated", "/action-service", action);
        ((com.fasterxml.jackson.databind.node.ObjectNode) escalated.get("data")).put("actionId", action.toString())
                .put("title", "Refund delays").put("reason", "REPEATS").put("team", "billing").put("priority", "P1")
                .put("feedbackCount", 5).put("escalatedAt", Instant.now().toString());
        events.publish(escalated);

        await().atMost(SOON).untilAsserted(() -> {
            assertThat(kindsFor("olivia", action)).contains("ASSIGNED", "OVERDUE", "DEADLINE_APPROACHING"); // own + team
            assertThat(kindsFor("maria", action)).containsExactly("ESCALATED");
        });
        assertThat(kindsFor("oscar", action)).isEmpty(); // another team
        assertThat(kindsFor("alice", action)).isEmpty();
    }

    @Test
    void feedbackMovedByAMergeIsAnnouncedOncePerPerson() throws Exception {
        var duplicate = UUID.randomUUID();
        var target = UUID.randomUUID();
        var bob = Tokens.subjectOf("bob");
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        for (var feedback : List.of(first, second)) {
            events.publish(Events.feedbackReceived(feedback, bob, null, "Bob twice " + feedback));
            events.publish(Events.feedbackLinked(duplicate, feedback, "The duplicate", null));
        }
        for (var feedback : List.of(first, second)) {
            events.publish(Events.feedbackLinked(target, feedback, "The real one", duplicate));
        }
        await().atMost(SOON).until(() -> kindsFor("bob", target).size() == 1);
        events.awaitActionEventsHandled(); // the second move was handled too
        assertThat(kindsFor("bob", target)).containsExactly("TRACKED");
    }

    @Test
    void aLinkThatArrivesBeforeTheFeedbackWaitsForIt() throws Exception {
        var action = UUID.randomUUID();
        var feedback = UUID.randomUUID();
        events.awaitActionEventsHandled(); // the consumer is idle: it takes the link as soon as it is delivered
        events.publish(Events.feedbackLinked(action, feedback, "Early link", null));
        // The link is confirmed in the queue; once no message is ready there the consumer holds it, unacknowledged
        // (without the feedback it cannot be handled: it is retried, not acknowledged), and nothing was told yet.
        await().atMost(SOON).until(() -> events.ready("notification-service.action-service") == 0);
        assertThat(kindsFor("alice", action)).isEmpty();
        events.publish(Events.feedbackReceived(feedback, Tokens.subjectOf("alice"), null, "Late words"));
        await().atMost(SOON).until(() -> kindsFor("alice", action).contains("TRACKED"));
    }
}
