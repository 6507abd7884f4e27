package org.feedbackloop.action;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedbackloop.action.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthTest {

    @Test
    void readinessReflectsPostgresqlRabbitmqAndTheTriageConsumer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("RabbitMQ", "Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check", "Similarity index"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItems("Outbox relay"));
    }

    @Test
    void servesOpenApiAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/actions/{id}/transitions'.post", notNullValue())
                .body("paths.'/api/public/updates'.get.security", nullValue())
                .body("paths.'/api/public/updates/{actionId}'.get.security", nullValue())
                .body("paths.'/api/public/updates/{actionId}/me-too'.post.security", notNullValue())
                .body("paths.'/api/actions/{id}/similar'.get", notNullValue())
                .body("paths.'/api/feedback/{id}/similar'.get", notNullValue())
                .body("paths.'/api/public/updates/similar'.post.security", nullValue())
                .body("paths.'/api/insights/actions'.get.security", notNullValue());
        given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_lag_seconds"))
                .body(containsString("triage_index_actions"));
    }
}
