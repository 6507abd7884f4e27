package org.feedbackloop.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.feedbackloop.gateway.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Per-caller token buckets (test limits: reads 30 then 10/s, writes 10 then 5/s; the client feedbackloop-bench writes
 * 40 then 5/s). A burst is sent all at once, so that refills during it do not matter; each test bursts as a caller no
 * other test uses.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

    @BeforeEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    @Test
    void aBurstOfReadsBeyondTheBucketAnswers429WithRetryAfter() {
        var answers = burst(50, "GET", "/api/actions", Tokens.of("maria"));
        assertThat(count(answers, 200)).as("the burst and what grew back meanwhile").isBetween(30L, 45L);
        var refused = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("urn:feedbackloop:problem:too-many-requests");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("30");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("RateLimit-Reset")).isPresent();
        // another caller is not affected
        given().auth().oauth2(Tokens.of("oscar")).get("/api/actions").then().statusCode(200);
    }

    @Test
    void writesHaveASmallerBucketOfTheirOwn() {
        var token = Tokens.of("admin");
        var answers = burst(20, "PUT", "/api/routing-rules/billing", token);
        assertThat(count(answers, 200)).isBetween(10L, 17L);
        assertThat(count(answers, 429)).isPositive();
        given().auth().oauth2(token).get("/api/routing-rules").then().statusCode(200).header("RateLimit-Limit", "30");
    }

    @Test
    void aRouteWithLimitsOfItsOwnHasItsOwnBuckets() {
        var token = Tokens.of("bob"); // a caller no other test writes to /api/webhooks as (the gateway checks no roles)
        var answers = burst(4, "POST", "/api/webhooks", token);
        assertThat(count(answers, 429)).as("test limit for webhooks: 2 writes, then one per 10 s").isEqualTo(2);
        assertThat(answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow()
                .headers().firstValue("RateLimit-Limit")).hasValue("2");
        // the same caller's other writes still have the general bucket
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/feedback")
                .then().statusCode(org.hamcrest.Matchers.not(429)).header("RateLimit-Limit", "10");
    }

    @Test
    void aClientWithAQuotaOfItsOwnWritesBeyondTheGeneralBucket() {
        var bench = burst(25, "POST", "/api/feedback", Tokens.bench());
        assertThat(count(bench, 429)).as("test quota of feedbackloop-bench: 40 writes, then 5/s").isZero();
        assertThat(bench.getFirst().headers().firstValue("RateLimit-Limit")).hasValue("40");

        var integrator = burst(25, "POST", "/api/feedback", Tokens.integrator());
        assertThat(count(integrator, 429)).as("another client's token has the general 10 writes").isPositive();
        assertThat(integrator.getFirst().headers().firstValue("RateLimit-Limit")).hasValue("10");
    }

    @Test
    void anonymousCallersAreLimitedByAddress() throws InterruptedException {
        var answers = burst(50, "GET", "/api/public/updates", null);
        assertThat(count(answers, 429)).isPositive();
        given().auth().oauth2(Tokens.of("oscar")).get("/api/public/updates").then().statusCode(200);
        // leave this address' bucket full again for the other tests
        Thread.sleep(3_100);
    }

    @Test
    void everyApiAnswerTellsTheCallerWhereTheyStand() {
        given().auth().oauth2(Tokens.of("oscar")).get("/api/feedback")
                .then().statusCode(200)
                .header("RateLimit-Limit", "30")
                .header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue());
    }

    private static List<HttpResponse<String>> burst(int count, String method, String path, String token) {
        try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var requests = IntStream.range(0, count).mapToObj(i -> {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json");
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
            }).toList();
            return requests.stream().map(CompletableFuture::join).toList();
        }
    }

    private static long count(List<HttpResponse<String>> answers, int status) {
        return answers.stream().filter(a -> a.statusCode() == status).count();
    }
}
