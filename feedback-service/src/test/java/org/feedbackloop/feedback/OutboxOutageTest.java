package org.feedbackloop.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedbackloop.feedback.support.Markers;
import org.feedbackloop.feedback.support.Rows;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/** RabbitMQ goes away: feedback is still accepted, and every event is published once it is back. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxOutageTest {

    @Inject
    AgroalDataSource database;

    @AfterEach
    void brokerIsBack() throws Exception {
        TestInfrastructure.brokerProxy().restore();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
    }

    /** The events the relay counted as not yet published, after its last attempt. */
    private static long relayPendingEvents() {
        return given().get("/q/health/ready").then().extract()
                .<Number>path("checks.find { it.name == 'RabbitMQ' }.data.pendingEvents").longValue();
    }

    @Test
    void acceptsFeedbackDuringABrokerOutageAndPublishesItAfterwards() throws Exception {
        try (var tap = new TestBroker("feedback-service test tap").tap("feedback.events", "feedback.received")) {
            TestInfrastructure.brokerProxy().cut();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.name == 'RabbitMQ' }.status", is("DOWN")));

            var ids = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                ids.add(given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                        .header("Idempotency-Key", "outage-" + UUID.randomUUID())
                        .body("{\"text\": \"Written while the broker is away, number %d\", \"channel\": \"WEB\"}".formatted(i))
                        .post("/api/feedback")
                        .then().statusCode(201).extract().<String>path("id"));
            }
            var rows = new Rows(database);
            await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id -> rows.count(
                    "select count(*) from outbox_event where aggregate_id = ? and type = 'feedback.received'", id) == 1));
            // Each commit wakes the relay, which cannot reach the broker and then counts the events still unpublished
            // (readiness shows its count). Nothing can be published during the outage, so that count only grows: once
            // the relay reports as many as the outbox holds now, it has run with these three in it and left them be.
            var unpublished = rows.count("select count(*) from outbox_event where published_at is null");
            await().atMost(Duration.ofSeconds(15)).until(() -> relayPendingEvents() >= unpublished);
            for (var id : ids) {
                assertThat(tap.about(id)).as("published during the outage").isEmpty();
                assertThat(rows.count("select count(*) from outbox_event where aggregate_id = ? and published_at is not null", id))
                        .isZero();
            }
            given().get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("outbox_events_pending"));

            TestInfrastructure.brokerProxy().restore();

            for (var id : ids) {
                assertThat(tap.awaitAbout(id, Duration.ofSeconds(30))).as("published once after the outage").hasSize(1);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (var id : ids) {
                    assertThat(rows.count("select count(*) from outbox_event where aggregate_id = ? and published_at is null", id))
                            .isZero();
                }
            });
            Markers.awaitRelay(tap); // a second copy would have been published before the marker's event
            for (var id : ids) {
                assertThat(tap.about(id)).as("no duplicate for " + id).hasSize(1);
            }
        }
    }
}
