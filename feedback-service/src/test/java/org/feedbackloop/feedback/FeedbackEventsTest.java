package org.feedbackloop.feedback;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.feedbackloop.feedback.support.Markers;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** What other services receive: a CloudEvent on feedback.events for every stored item. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FeedbackEventsTest {

    private TestBroker tap;

    @BeforeEach
    void bindATestConsumer() throws Exception {
        tap = new TestBroker("feedback-service test tap").tap("feedback.events", "feedback.#");
    }

    @AfterEach
    void unbind() throws Exception {
        tap.close();
    }

    @Test
    void publishesFeedbackReceivedAsAStructuredCloudEvent() {
        var created = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("""
                        {"text": "My parcel arrived broken and late.", "channel": "EMAIL",
                         "rating": {"scale": "CSAT", "score": 1}, "externalRef": "ticket-9"}""")
                .post("/api/feedback").then().statusCode(201).extract();
        String id = created.path("id");

        var messages = tap.awaitAbout(id, Duration.ofSeconds(10)).stream()
                .filter(m -> m.routingKey().equals("feedback.received")).toList();

        assertThat(messages).hasSize(1);
        var message = messages.getFirst();
        assertThat(message.routingKey()).isEqualTo("feedback.received");
        assertThat(message.properties().getContentType()).isEqualTo("application/cloudevents+json");
        assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
        assertThat(message.properties().getHeaders()).containsKey("traceparent");

        var event = message.event();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo("feedback.received");
        assertThat(event.path("source").asText()).isEqualTo("/feedback-service");
        assertThat(event.path("subject").asText()).isEqualTo(id);
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(UUID.fromString(event.path("id").asText())).isNotNull();
        assertThat(message.properties().getMessageId()).isEqualTo(event.path("id").asText());
        assertThat(Instant.parse(event.path("time").asText())).isBeforeOrEqualTo(Instant.now());

        var data = event.path("data");
        assertThat(data.path("feedbackId").asText()).isEqualTo(id);
        assertThat(data.path("contributorId").asText()).isEqualTo(Tokens.subjectOf("alice"));
        assertThat(data.path("contactEmail").asText()).isEqualTo("alice@example.com");
        assertThat(data.path("consentToContact").asBoolean()).isTrue();
        assertThat(data.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(data.path("text").asText()).isEqualTo("My parcel arrived broken and late.");
        assertThat(data.path("topic").asText()).isEqualTo("delivery");
        assertThat(data.path("sentiment").asDouble()).isNegative();
        assertThat(data.path("rating").path("scale").asText()).isEqualTo("CSAT");
        assertThat(data.path("rating").path("score").asInt()).isEqualTo(1);
        assertThat(data.path("externalRef").asText()).isEqualTo("ticket-9");
        assertThat(data.path("receivedAt").asText()).isEqualTo(created.path("createdAt"));
        assertThat(data.path("sentimentLabel").asText()).isIn("NEGATIVE", "NEUTRAL", "POSITIVE", "MIXED")
                .isEqualTo(given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + id).then()
                        .extract().path("analysis.sentimentLabel"));
        var problem = data.path("problem");
        assertThat(problem.path("space").asText()).isEqualTo("all-minilm-l6-v2-q/problem-v1");
        assertThat(problem.path("vector").size()).isEqualTo(384);
        double squares = 0;
        for (var coordinate : problem.path("vector")) {
            squares += coordinate.asDouble() * coordinate.asDouble();
        }
        assertThat(squares).as("a unit vector").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void theEventWaitsForTheModelAndCarriesWhatItRead() {
        String id = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"text\": \"I love the new app, but the courier threw my parcel over the fence and it broke.\", \"channel\": \"WEB\"}")
                .post("/api/feedback").then().statusCode(201)
                .body("analysis.complete", is(false))
                .body("analysis.analysedAt", nullValue())
                .extract().path("id");

        var received = tap.awaitAbout(id, Duration.ofSeconds(10)).stream()
                .filter(m -> m.routingKey().equals("feedback.received")).findFirst().orElseThrow().event().path("data");
        var item = given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + id).then().statusCode(200)
                .body("analysis.complete", is(true))
                .body("analysis.topicSource", is("MEANING"))
                .body("analysis.parts.size()", is(2))
                .extract();
        assertThat(received.path("topic").asText()).isEqualTo(item.path("topic")).isEqualTo("delivery");
        assertThat(received.path("sentiment").asDouble()).isEqualTo(item.<Float>path("sentiment").doubleValue(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(received.path("sentimentLabel").asText()).isEqualTo(item.path("analysis.sentimentLabel"));
        List<Float> scores = item.path("analysis.parts.sentiment");
        assertThat(scores.getFirst()).as("love the new app").isPositive();
        assertThat(scores.getLast()).as("the courier threw my parcel").isNegative();
    }

    @Test
    void withoutConsentTheEventCarriesNoContactAddress() {
        String id = given().auth().oauth2(Tokens.of("bob")).contentType(ContentType.JSON)
                .body("{\"text\": \"No need to reply.\", \"channel\": \"WEB\", \"consentToContact\": false}")
                .post("/api/feedback").then().statusCode(201).extract().path("id");

        var data = tap.awaitAbout(id, Duration.ofSeconds(10)).stream()
                .filter(m -> m.routingKey().equals("feedback.received")).findFirst().orElseThrow().event().path("data");
        assertThat(data.path("consentToContact").asBoolean()).isFalse();
        assertThat(data.has("contactEmail")).isFalse();
    }

    @Test
    void anIdempotentReplayPublishesNothingNew() throws Exception {
        var key = "event-" + UUID.randomUUID();
        var body = "{\"text\": \"Only once, please.\", \"channel\": \"API\"}";
        String id = given().auth().oauth2(Tokens.integrator()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/feedback").then().statusCode(201).extract().path("id");
        tap.awaitAbout(id, Duration.ofSeconds(10));
        given().auth().oauth2(Tokens.integrator()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/feedback").then().statusCode(201);

        Markers.awaitRelay(tap); // an event the replay had written would have been published before the marker's
        assertThat(tap.about(id)).filteredOn(m -> m.routingKey().equals("feedback.received")).hasSize(1);
    }
}
