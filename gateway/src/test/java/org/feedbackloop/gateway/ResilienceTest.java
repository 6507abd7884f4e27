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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.feedbackloop.gateway.support.UpstreamStub.json;
import static org.feedbackloop.gateway.support.UpstreamStub.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Upstreams that are down, slow or failing: the client always gets a quick, clear answer. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResilienceTest {

    @BeforeEach
    @AfterEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    @Test
    void aStoppedUpstreamAnswers503WithRetryAfterAtOnce() {
        TestInfrastructure.notifications().stop();
        var started = System.nanoTime();
        given().auth().oauth2(Tokens.of("alice")).get("/api/me/preferences")
                .then().statusCode(503)
                .header("Retry-After", "2")
                .contentType(startsWith("application/problem+json"))
                .body("type", is("urn:feedbackloop:problem:unavailable"))
                .body("detail", containsString("notification-service"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        // the other services are not affected
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback").then().statusCode(200);
    }

    @Test
    void aSlowUpstreamAnswers504AfterTheRouteTimeout() {
        var released = new CountDownLatch(1);
        TestInfrastructure.actions().on("/api/actions", (exchange, request) -> {
            released.await(10, TimeUnit.SECONDS);
            UpstreamStub.send(exchange, 200, "application/json", "{}");
        });
        try {
            var started = System.nanoTime();
            given().auth().oauth2(Tokens.of("olivia")).get("/api/actions")
                    .then().statusCode(504)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", is("urn:feedbackloop:problem:gateway-timeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(Duration.ofMillis(1900), Duration.ofMillis(4000));
            assertThat(TestInfrastructure.actions().received("/api/actions")).as("timeouts are not retried").hasSize(1);
        } finally {
            released.countDown();
        }
    }

    @Test
    void getsAreRetriedAfterA503ButPostsAreNot() {
        var calls = new AtomicInteger();
        TestInfrastructure.feedback().on("/api/feedback", (exchange, request) -> {
            if (calls.incrementAndGet() == 1) {
                problem(503, "warming up").respond(exchange, request);
            } else {
                json(200, "{\"items\":[]}").respond(exchange, request);
            }
        });
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback").then().statusCode(200);
        assertThat(TestInfrastructure.feedback().received("/api/feedback")).hasSize(2);

        calls.set(0);
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").body("{}").post("/api/feedback")
                .then().statusCode(503).body("detail", is("warming up"));
        assertThat(TestInfrastructure.feedback().received("/api/feedback")).hasSize(3);
    }

    @Test
    void aSubmissionWithAnIdempotencyKeyIsRetriedWithItsBodyAndOtherWritesAreNot() {
        var calls = new AtomicInteger();
        TestInfrastructure.feedback().on("/api/feedback", (exchange, request) -> {
            if (calls.incrementAndGet() == 1) {
                problem(503, "shutting down").respond(exchange, request);
            } else {
                json(201, "{\"id\":\"f-1\"}").respond(exchange, request);
            }
        });
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").header("Idempotency-Key", "k-1")
                .body("{\"text\":\"late parcel\"}").post("/api/feedback")
                .then().statusCode(201).body("id", is("f-1"));
        var received = TestInfrastructure.feedback().received("/api/feedback");
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo("{\"text\":\"late parcel\"}");
        assertThat(received.get(1).header("Idempotency-Key")).isEqualTo("k-1");

        // the service honours keys only on the submission itself: a write below it is sent once
        calls.set(0);
        TestInfrastructure.feedback().on("/api/feedback/f-1/status", problem(503, "shutting down"));
        given().auth().oauth2(Tokens.of("olivia")).contentType("application/json").header("Idempotency-Key", "k-2")
                .body("{}").post("/api/feedback/f-1/status").then().statusCode(503);
        assertThat(TestInfrastructure.feedback().received("/api/feedback/f-1/status")).hasSize(1);
    }

    @Test
    void getsAreRetriedAtMostTwice() {
        TestInfrastructure.feedback().on("/api/feedback", problem(503, "still down"));
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback").then().statusCode(503);
        // the first call and two retries; fewer when failures counted by the breaker before this test open it
        // during the retries (the breaker's window spans the test class)
        assertThat(TestInfrastructure.feedback().received("/api/feedback")).hasSizeBetween(2, 3);
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndClosesAgain() {
        var stub = TestInfrastructure.actions();
        stub.on("/api/actions", problem(503, "broken"));
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(Tokens.of("olivia")).contentType("application/json").body("{}").post("/api/actions")
                    .then().statusCode(503).body("detail", is("broken"));
        }
        // open: refused at the gateway, the service is left alone
        given().auth().oauth2(Tokens.of("olivia")).get("/api/routing-rules")
                .then().statusCode(503)
                .header("Retry-After", "2")
                .body("detail", containsString("action-service is failing"));
        assertThat(stub.received("/api")).hasSize(4);

        stub.on("/api/actions", json(200, "{\"items\":[]}"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("olivia")).get("/api/actions").then().statusCode(200));
        given().auth().oauth2(Tokens.of("olivia")).get("/api/routing-rules").then().statusCode(200);
    }

    @Test
    void theLiveStreamFlowsThroughAsItHappensWithoutATimeout() throws Exception {
        var firstSeen = new CountDownLatch(1);
        TestInfrastructure.notifications().on("/api/me/notifications/stream", (exchange, request) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            var body = exchange.getResponseBody();
            body.write("data: {\"id\":\"n-1\"}\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            firstSeen.await(10, TimeUnit.SECONDS);
            Thread.sleep(2500); // longer than the route timeout of ordinary requests
            body.write("data: {\"id\":\"n-2\"}\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
        });
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/me/notifications/stream"))
                .header("Authorization", "Bearer " + Tokens.of("alice")).header("Accept", "text/event-stream").build();
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("data: {\"id\":\"n-1\"}");
                firstSeen.countDown(); // the stub sends more only now: the first event came through before the end
                assertThat(lines.readLine()).isEmpty();
                assertThat(lines.readLine()).isEqualTo("data: {\"id\":\"n-2\"}");
            }
        } finally {
            firstSeen.countDown();
        }
    }
}
