package org.feedbackloop.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthTest {

    @Test
    void readinessReflectsPostgresqlRabbitmqAndTheConsumers() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("RabbitMQ", "Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItems("Outbox relay"));
    }

    @Test
    void servesOpenApiAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/me/notifications'.get", notNullValue());
        given().get("/q/metrics").then().statusCode(200).body(containsString("notifications_email_sent_total"));
    }
}
