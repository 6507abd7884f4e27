package org.feedbackloop.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedbackloop.feedback.support.Markers;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * action.me-too-added, as action-service publishes it, becomes the customer's own feedback of that action,
 * announced as feedback.received with joinsAction; once per action and customer.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MeTooTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestBroker broker;

    @BeforeEach
    void connect() throws Exception {
        broker = new TestBroker("feedback-service me-too test").tap("feedback.events", "feedback.received");
    }

    @AfterEach
    void disconnect() throws Exception {
        broker.close();
    }

    private void meTooAdded(UUID eventId, UUID actionId, String title, String contributorId) throws Exception {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId.toString())
                .put("source", "/action-service").put("type", "action.me-too-added").put("subject", actionId.toString())
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("actionId", actionId.toString()).put("title", title).put("topic", "billing")
                .put("contributorId", contributorId).put("contactEmail", "alice@example.com")
                .put("consentToContact", true).put("at", Instant.now().toString());
        broker.publish("action.events", "action.me-too-added", JSON.writeValueAsBytes(event));
    }

    private static String itemJoining(UUID actionId) {
        return given().auth().oauth2(Tokens.of("alice")).queryParam("limit", 100).get("/api/feedback").then()
                .statusCode(200).extract().path("items.find { it.joinsAction == '" + actionId + "' }.id");
    }

    @Test
    void aMeTooBecomesTheCustomersFeedbackOfTheActionOnce() throws Exception {
        var actionId = UUID.randomUUID();
        var title = "Refunds take weeks";
        var alice = Tokens.subjectOf("alice");
        var eventId = UUID.randomUUID();
        meTooAdded(eventId, actionId, title, alice);

        var id = new String[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> (id[0] = itemJoining(actionId)) != null);
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + id[0]).then().statusCode(200)
                .body("text", is("Me too: " + title))
                .body("channel", is("WEB"))
                .body("topic", is("billing"))
                .body("status", is("RECEIVED"))
                .body("joinsAction", is(actionId.toString()))
                .body("contact.email", is("alice@example.com"))
                .body("consentToContact", is(true));
        given().auth().oauth2(Tokens.of("bob")).get("/api/feedback/" + id[0]).then().statusCode(404);

        var announced = broker.awaitAbout(id[0], Duration.ofSeconds(10));
        assertThat(announced).hasSize(1);
        var data = announced.getFirst().event().path("data");
        assertThat(data.path("joinsAction").asText()).isEqualTo(actionId.toString());
        assertThat(data.path("contributorId").asText()).isEqualTo(alice);
        assertThat(data.path("contactEmail").asText()).isEqualTo("alice@example.com");
        assertThat(data.path("consentToContact").asBoolean()).isTrue();
        assertThat(data.path("text").asText()).isEqualTo("Me too: " + title);

        meTooAdded(eventId, actionId, title, alice); // redelivered
        meTooAdded(UUID.randomUUID(), actionId, title, alice); // a copy under another id
        // both were handled, and an item either had made would have been announced before the marker's
        broker.awaitEvents("feedback.received", Markers.awaitActionEvents(broker), 1, Duration.ofSeconds(15));
        given().auth().oauth2(Tokens.of("alice")).queryParam("limit", 100).get("/api/feedback").then()
                .body("items.findAll { it.joinsAction == '" + actionId + "' }.size()", is(1));
        assertThat(broker.matching(r -> actionId.toString().equals(r.event().path("data").path("joinsAction").asText())))
                .hasSize(1);

        // then action-service links it: the customer's timeline shows the action and its status
        var link = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/action-service").put("type", "action.feedback-linked").put("subject", actionId.toString())
                .put("time", Instant.now().toString());
        link.putObject("data").put("actionId", actionId.toString()).put("feedbackId", id[0])
                .put("consentToContact", true).put("actionTitle", title).put("actionStatus", "PLANNED")
                .put("team", "billing").put("linkedAt", Instant.now().toString());
        broker.publish("action.events", "action.feedback-linked", JSON.writeValueAsBytes(link));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + id[0]).then()
                .body("status", is("TRACKED"))
                .body("actionId", is(actionId.toString()))
                .body("actionTitle", is(title))
                .body("actionStatus", is("PLANNED")));
    }
}
