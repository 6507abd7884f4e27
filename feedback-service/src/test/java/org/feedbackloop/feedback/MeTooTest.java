package org.feedbackloop.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedbackloop.feedback.support.EventTap;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.feedback.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

    private Connection connection;
    private Channel channel;
    private EventTap tap;

    @BeforeEach
    void connect() throws Exception {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(TestInfrastructure.RABBITMQ_PORT);
        factory.setVirtualHost("feedbackloop-test");
        connection = factory.newConnection("feedback-service me-too test");
        channel = connection.createChannel();
        channel.confirmSelect();
        channel.exchangeDeclare("action.events", "topic", true, false, Map.of("alternate-exchange", "action.events.unrouted"));
        tap = new EventTap("feedback.received");
    }

    @AfterEach
    void disconnect() throws Exception {
        tap.close();
        connection.close();
    }

    private void meTooAdded(UUID eventId, UUID actionId, String title, String contributorId) throws Exception {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId.toString())
                .put("source", "/action-service").put("type", "action.me-too-added").put("subject", actionId.toString())
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("actionId", actionId.toString()).put("title", title).put("topic", "billing")
                .put("contributorId", contributorId).put("contactEmail", "alice@example.com")
                .put("consentToContact", true).put("at", Instant.now().toString());
        channel.basicPublish("action.events", "action.me-too-added", true,
                new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2).build(),
                JSON.writeValueAsBytes(event));
        channel.waitForConfirmsOrDie(5_000);
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

        var announced = tap.awaitAbout(id[0], Duration.ofSeconds(10));
        assertThat(announced).hasSize(1);
        var data = announced.getFirst().event().path("data");
        assertThat(data.path("joinsAction").asText()).isEqualTo(actionId.toString());
        assertThat(data.path("contributorId").asText()).isEqualTo(alice);
        assertThat(data.path("contactEmail").asText()).isEqualTo("alice@example.com");
        assertThat(data.path("consentToContact").asBoolean()).isTrue();
        assertThat(data.path("text").asText()).isEqualTo("Me too: " + title);

        meTooAdded(eventId, actionId, title, alice); // redelivered
        meTooAdded(UUID.randomUUID(), actionId, title, alice); // a copy under another id
        Thread.sleep(1_500);
        given().auth().oauth2(Tokens.of("alice")).queryParam("limit", 100).get("/api/feedback").then()
                .body("items.findAll { it.joinsAction == '" + actionId + "' }.size()", is(1));
        assertThat(tap.matching(r -> actionId.toString().equals(r.event().path("data").path("joinsAction").asText())))
                .hasSize(1);

        // then action-service links it: the customer's timeline shows the action and its status
        var link = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/action-service").put("type", "action.feedback-linked").put("subject", actionId.toString())
                .put("time", Instant.now().toString());
        link.putObject("data").put("actionId", actionId.toString()).put("feedbackId", id[0])
                .put("consentToContact", true).put("actionTitle", title).put("actionStatus", "PLANNED")
                .put("team", "billing").put("linkedAt", Instant.now().toString());
        channel.basicPublish("action.events", "action.feedback-linked", true,
                new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").build(), JSON.writeValueAsBytes(link));
        channel.waitForConfirmsOrDie(5_000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .get("/api/feedback/" + id[0]).then()
                .body("status", is("TRACKED"))
                .body("actionId", is(actionId.toString()))
                .body("actionTitle", is(title))
                .body("actionStatus", is("PLANNED")));
    }
}
