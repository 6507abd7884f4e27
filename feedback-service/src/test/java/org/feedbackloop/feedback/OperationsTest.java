package org.feedbackloop.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.feedback.support.Rows;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.kit.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** What operators and integrators rely on besides the API itself: health, metrics, OpenAPI. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsTest {

    @Inject
    AgroalDataSource database;

    @Inject
    OutboxRelay relay;

    @Test
    void readinessReflectsPostgresqlRabbitmqAndTheModel() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("RabbitMQ", "Reactive PostgreSQL connections health check", "Analysis"))
                .body("checks.find { it.name == 'Analysis' }.data.state", is("loaded")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItems("Outbox relay"));
    }

    /** The ids of handled events are kept for the inbox's window (30 days), published events for the outbox's. */
    @Test
    void theRelayPurgesHandledEventIdsAndPublishedEventsPastTheirRetention() throws Exception {
        var old = UUID.randomUUID();
        var recent = UUID.randomUUID();
        try (var connection = database.getConnection(); var insert = connection.prepareStatement(
                "insert into processed_event (consumer, event_id, processed_at) values ('retention-test', ?, now() - ?::interval)")) {
            insert.setObject(1, old);
            insert.setString(2, "31 days");
            insert.executeUpdate();
            insert.setObject(1, recent);
            insert.setString(2, "29 days");
            insert.executeUpdate();
        }

        relay.purgeExpired();

        var rows = new Rows(database);
        assertThat(rows.count("select count(*) from processed_event where event_id = ?", old)).isZero();
        assertThat(rows.count("select count(*) from processed_event where event_id = ?", recent)).isEqualTo(1);
    }

    @Test
    void exposesPrometheusMetricsIncludingOutboxLag() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_lag_seconds"))
                .body(containsString("outbox_events_pending"))
                .body(containsString("outbox_events_published_total"))
                .body(containsString("feedback_analysis_pending"))
                .body(containsString("feedback_analysis_lag_seconds"));
    }

    @Test
    void describesTheApiInOpenApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/feedback'.post.summary", is("Submit feedback"))
                .body("paths.'/api/feedback/{id}'.get", notNullValue())
                .body("paths.'/api/feedback/analysis'.post", notNullValue())
                .body("paths.'/api/feedback/topics/reanalysis'.get", notNullValue())
                .body("components.schemas.SubmitFeedback.properties.text.maxLength", is(5000))
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void echoesAGivenRequestIdAndMakesOneOtherwise() {
        given().header("X-Request-Id", "abc-123").get("/q/health/live").then().header("X-Request-Id", is("abc-123"));
        given().get("/q/health/live").then().header("X-Request-Id", notNullValue());
    }
}
