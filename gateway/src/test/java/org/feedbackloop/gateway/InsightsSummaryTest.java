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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.gateway.support.UpstreamStub.json;
import static org.feedbackloop.gateway.support.UpstreamStub.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /api/insights/summary}: each service's insights over one period, on one page. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InsightsSummaryTest {

    private static final String NPS = """
            {"scale":"NPS","weeks":[],"total":{"responses":9,"positive":5,"neutral":2,"negative":2,"score":33.3,
             "low":-20.0,"high":86.7,"smallSample":true}}""";
    private static final String CSAT = """
            {"scale":"CSAT","weeks":[],"total":{"responses":4,"positive":2,"neutral":1,"negative":1,"score":50.0,
             "low":15.0,"high":85.0,"smallSample":true}}""";
    private static final String VOLUME = """
            {"total":{"count":15},"byTopic":[{"key":"billing","count":13}],"byChannel":[{"key":"WEB","count":15}]}""";
    private static final String LOOP = """
            {"total":{"contributors":10,"acknowledged":10,"told":6,"closed":4,"rate":0.6},
             "timeToAcknowledge":{"count":10,"medianSeconds":2,"p90Seconds":5},
             "timeToFirstUpdate":{"count":6,"medianSeconds":86400,"p90Seconds":172800},
             "timeToClosure":{"count":4,"medianSeconds":259200,"p90Seconds":604800},"byTeam":[],"neverTold":[]}""";
    private static final String ACTIONS = """
            {"teams":[{"team":"billing","opened":3,"closed":2,"closedLate":1,"openNow":2,"overdueNow":1,
                       "overdueRate":0.5,"feedbackItems":9,"repeats":6,"kudosPassed":3,"timeToClose":{"count":2}}],
             "total":{"timeToClose":{"count":2,"medianSeconds":3600,"p90Seconds":7200}}}""";

    @BeforeEach
    @AfterEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    private static void everyServiceAnswers() {
        TestInfrastructure.feedback().on("/api/insights/ratings", (exchange, request) -> UpstreamStub.send(exchange, 200,
                "application/json", request.uri().contains("scale=CSAT") ? CSAT : NPS));
        TestInfrastructure.feedback().on("/api/insights/volume", json(200, VOLUME));
        TestInfrastructure.notifications().on("/api/insights/loop", json(200, LOOP));
        TestInfrastructure.actions().on("/api/insights/actions", json(200, ACTIONS));
        TestInfrastructure.feedback().on("/api/insights/silence", json(200, """
                [{"dimension":"CHANNEL","segment":"PHONE","observed":0,"expected":12.5,"pValue":0.0000037}]"""));
    }

    @Test
    void theServicesFiguresOverTheSamePeriod() {
        everyServiceAnswers();
        var token = Tokens.of("maria");
        given().auth().oauth2(token).get("/api/insights/summary?from=2026-01-01&to=2026-02-01")
                .then().statusCode(200)
                .body("from", is("2026-01-01")).body("to", is("2026-02-01"))
                .body("partial", is(false))
                .body("nps.score", is(33.3f)).body("csat.score", is(50.0f))
                .body("feedback.count", is(15))
                .body("volumeByTopic.key", contains("billing"))
                .body("closeTheLoop.rate", is(0.6f))
                .body("timeToFirstUpdate.medianSeconds", is(86400))
                .body("actionTimeToClose.p90Seconds", is(7200))
                .body("byTeam[0].team", is("billing")).body("byTeam[0].overdueRate", is(0.5f))
                .body("byTeam[0].repeats", is(6))
                .body("byTeam[0].kudosPassed", is(3))
                .body("silence[0].segment", is("PHONE"));
        for (var call : new String[]{"/api/insights/volume", "/api/insights/ratings"}) {
            var received = TestInfrastructure.feedback().last(call);
            assertThat(received.uri()).endsWith("from=2026-01-01&to=2026-02-01");
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        }
        assertThat(TestInfrastructure.feedback().received("/api/insights/ratings")).hasSize(2);
        assertThat(TestInfrastructure.actions().last("/api/insights/actions").uri())
                .isEqualTo("/api/insights/actions?from=2026-01-01&to=2026-02-01");
    }

    @Test
    void withoutAPeriodItIsTheLast30Days() {
        everyServiceAnswers();
        given().auth().oauth2(Tokens.of("admin")).get("/api/insights/summary?to=2026-03-31T00:00:00Z")
                .then().statusCode(200).body("from", is("2026-03-01T00:00:00Z"));
        assertThat(TestInfrastructure.notifications().last("/api/insights/loop").uri())
                .isEqualTo("/api/insights/loop?from=2026-03-01T00%3A00%3A00Z&to=2026-03-31T00%3A00%3A00Z");
    }

    @Test
    void aServiceThatDoesNotAnswerLeavesItsPartOut() {
        everyServiceAnswers();
        TestInfrastructure.notifications().stop();
        given().auth().oauth2(Tokens.of("maria")).get("/api/insights/summary")
                .then().statusCode(200)
                .body("partial", is(true)).body("missing", contains("loop"))
                .body("closeTheLoop", nullValue()).body("nps.score", is(33.3f));
    }

    @Test
    void aRefusedPeriodIsTheClientsToRead() {
        everyServiceAnswers();
        TestInfrastructure.feedback().on("/api/insights/volume", problem(400, "from: must come before to"));
        given().auth().oauth2(Tokens.of("maria")).get("/api/insights/summary?from=2026-02-01&to=2026-01-01")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", is("from: must come before to"));
    }

    @Test
    void onlyManagersAndAdminsReadIt() {
        given().auth().oauth2(Tokens.of("olivia")).get("/api/insights/summary")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.of("alice")).get("/api/insights/summary").then().statusCode(403);
        given().get("/api/insights/summary").then().statusCode(401);
        assertThat(TestInfrastructure.feedback().received("/api/insights")).isEmpty();
    }
}
