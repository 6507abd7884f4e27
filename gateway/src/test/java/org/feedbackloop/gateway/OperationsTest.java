package org.feedbackloop.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.feedbackloop.gateway.support.TestInfrastructure;
import org.feedbackloop.gateway.support.UpstreamStub;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.gateway.support.UpstreamStub.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** What operators and integrators rely on: health, metrics, and one OpenAPI document for the whole API. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsTest {

    @BeforeEach
    @AfterEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    @Test
    void readinessReportsEachUpstream() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'Upstreams' }.data.feedback-service", is("UP"))
                .body("checks.find { it.name == 'Upstreams' }.data.'action-service circuit'", is("CLOSED"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void readinessStaysUpWhileOneUpstreamIsLeft() {
        TestInfrastructure.feedback().stop();
        TestInfrastructure.actions().on("/q/health/ready", json(503, "{\"status\":\"DOWN\"}"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Upstreams' }.data.feedback-service", is("DOWN"))
                .body("checks.find { it.name == 'Upstreams' }.data.action-service", is("DOWN"))
                .body("checks.find { it.name == 'Upstreams' }.data.notification-service", is("UP"));

        TestInfrastructure.notifications().stop();
        given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void oneLateAnswerIsSlowTheNextIsDown() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Upstreams' }.data.feedback-service", is("UP"));
        TestInfrastructure.feedback().on("/q/health/ready", (exchange, request) -> {
            Thread.sleep(1500); // beyond the probe's timeout of 1 s in tests
            UpstreamStub.send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
        });
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Upstreams' }.data.feedback-service", is("SLOW"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Upstreams' }.data.feedback-service", is("DOWN"));

        TestInfrastructure.feedback().on("/q/health/ready", json(200, "{\"status\":\"UP\"}"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Upstreams' }.data.feedback-service", is("UP"));
    }

    @Test
    void metricsCountRequestsByRouteUpstreamAndStatus() {
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback").then().statusCode(200);
        given().get("/api/feedback").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_requests_seconds_count{method=\"GET\",route=\"feedback\",status=\"200\",upstream=\"feedback-service\"}"))
                .body(containsString("gateway_requests_seconds_count{method=\"GET\",route=\"gateway\",status=\"401\",upstream=\"none\"}"));
    }

    @Test
    void oneOpenApiDocumentDescribesTheWholeApi() {
        given().get("/openapi").then().statusCode(200)
                .contentType("application/json")
                .body("info.title", is("Feedback Loop API"))
                .body("info.x-missing", empty())
                .body("paths", hasKey("/api/me/timeline"))
                .body("paths", hasKey("/api/feedback"))
                .body("paths", hasKey("/api/feedback/{id}"))
                .body("paths", hasKey("/api/actions"))
                .body("paths", hasKey("/api/routing-rules/{topic}"))
                .body("paths", hasKey("/api/public/updates"))
                .body("paths", hasKey("/api/me/notifications/stream"))
                .body("paths", hasKey("/api/webhooks"))
                .body("paths", not(hasKey("/internal/feedback")))
                .body("components.schemas", hasKey("Timeline"))
                .body("components.schemas", hasKey("FeedbackView"))
                .body("components.schemas", hasKey("InboxView"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("FeedbackInternal")))
                .body("paths.'/api/feedback'.get.responses.'429'.headers", hasKey("Retry-After"))
                .body("components.securitySchemes.bearer", notNullValue())
                .body("tags.name", hasItems("Timeline", "Feedback", "Actions", "Inbox"));
    }

    @Test
    void servicesDocumentsAreReusedForAWhile() {
        given().get("/openapi").then().statusCode(200);
        given().get("/openapi").then().statusCode(200);
        assertThat(TestInfrastructure.feedback().received("/q/openapi")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aServiceThatIsDownIsNamedAsMissing() throws InterruptedException {
        TestInfrastructure.actions().stop();
        Thread.sleep(1_100); // past the cache's lifetime in tests
        given().get("/openapi").then().statusCode(200)
                .body("info.x-missing", is(List.of("action-service")))
                .body("paths", hasKey("/api/feedback"))
                .body("paths", not(hasKey("/api/actions")));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/openapi"));
    }

    @Test
    void theUsualQuarkusPathServesTheWholeApiToo() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/me/timeline'.get.summary", is("My feedback, each with its updates"))
                .body("paths", hasKey("/api/feedback"))
                .body("tags.name", hasItem("Timeline"));
        given().get("/q/openapi/own?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/me/timeline"))
                .body("paths", not(hasKey("/api/feedback")));
    }
}
