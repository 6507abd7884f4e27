package org.feedbackloop.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.action.support.FeedbackEvents.awaitAction;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.received;
import static org.feedbackloop.action.support.FeedbackEvents.uniqueWords;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * "Me too" on the public board: who may say it, on which actions, once; the event it emits; and the feedback that
 * comes back from feedback-service joining the action.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MeTooTest {

    private static final String ME_TOO_ADDED = "action.me-too-added";

    @Inject
    AgroalDataSource database;

    private TestBroker broker;

    @BeforeEach
    void connect() throws Exception {
        broker = new TestBroker("action-service tests");
        broker.tap("action.events", "action.#");
    }

    @AfterEach
    void disconnect() throws Exception {
        broker.close();
    }

    private static ValidatableResponse meToo(String user, String action) {
        return given().auth().oauth2(Tokens.of(user)).post("/api/public/updates/" + action + "/me-too").then();
    }

    private static void problem(ValidatableResponse response, int status, String type) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(status))
                .body("type", is("urn:feedbackloop:problem:" + type))
                .body("detail", notNullValue());
    }

    @Test
    void onlyCustomersWithATokenSayMeToo() {
        var action = Actions.announced(broker, "billing");
        var rows = new Rows(database);

        var anonymous = given().post("/api/public/updates/" + action + "/me-too").then()
                .header("WWW-Authenticate", startsWith("Bearer"));
        problem(anonymous, 401, "unauthenticated");
        problem(given().auth().oauth2("garbage").post("/api/public/updates/" + action + "/me-too").then(), 401, "unauthenticated");
        for (var staff : List.of("olivia", "maria", "admin")) {
            problem(meToo(staff, action), 403, "forbidden");
        }
        problem(given().auth().oauth2(Tokens.integrator()).post("/api/public/updates/" + action + "/me-too").then(), 403, "forbidden");

        assertThat(rows.count("select count(*) from me_too where action_id = ?::uuid", action)).isZero();
    }

    @Test
    void onlyOpenActionsOfTheBoardTakeAMeToo() {
        var silent = Actions.open(broker, "billing");
        var done = Actions.done(broker, "billing", "Fixed.");
        var declined = Actions.open(broker, "billing");
        Actions.transition("maria", declined, "DECLINED", "Not something we will change, because of the law.").statusCode(200);
        var merged = Actions.announced(broker, "billing");
        given().auth().oauth2(Tokens.of("maria")).header("If-Match", Actions.etag(merged)).contentType("application/json")
                .body(Map.of("into", Actions.announced(broker, "billing"))).post("/api/actions/" + merged + "/merge")
                .then().statusCode(200);
        var rows = new Rows(database);
        var before = rows.count("select count(*) from me_too") + "/" + rows.count("select count(*) from outbox_event");

        problem(meToo("alice", UUID.randomUUID().toString()), 404, "not-found");
        problem(meToo("alice", silent), 404, "not-found");
        problem(meToo("alice", "not-a-uuid"), 400, "validation");
        for (var closed : List.of(done, declined, merged)) {
            problem(meToo("alice", closed), 409, "action-closed");
        }

        assertThat(rows.count("select count(*) from me_too") + "/" + rows.count("select count(*) from outbox_event"))
                .as("nothing written").isEqualTo(before);
    }

    @Test
    void theFirstMeTooCountsAndEmitsOnceAndRepeatingItChangesNothing() throws Exception {
        var action = Actions.announced(broker, "billing");
        String title = given().get("/api/public/updates/" + action).then().statusCode(200)
                .body("meTooCount", is(0)).body("contributorCount", is(1)).extract().path("title");

        meToo("alice", action).statusCode(201)
                .body("actionId", is(action)).body("meTooCount", is(1)).body("contributorCount", is(2));
        meToo("alice", action).statusCode(200)
                .body("actionId", is(action)).body("meTooCount", is(1)).body("contributorCount", is(2));
        meToo("bob", action).statusCode(201).body("meTooCount", is(2)).body("contributorCount", is(3));
        given().get("/api/public/updates/" + action).then().body("meTooCount", is(2)).body("contributorCount", is(3));

        var events = broker.awaitEvents(ME_TOO_ADDED, action, 2, Duration.ofSeconds(10));
        Actions.awaitMarker(broker); // whatever the repeated click wrote would have been published by now
        assertThat(broker.events(ME_TOO_ADDED, action)).hasSize(2);
        var alice = events.stream().map(TestBroker.Received::event)
                .filter(event -> event.path("data").path("contributorId").asText().equals(Tokens.subjectOf("alice")))
                .toList();
        assertThat(alice).hasSize(1);
        var event = alice.getFirst();
        assertThat(event.path("source").asText()).isEqualTo("/action-service");
        assertThat(event.path("type").asText()).isEqualTo(ME_TOO_ADDED);
        var data = event.path("data");
        assertThat(data.path("actionId").asText()).isEqualTo(action);
        assertThat(data.path("title").asText()).isEqualTo(title);
        assertThat(data.path("topic").asText()).isEqualTo("billing");
        assertThat(data.path("contactEmail").asText()).isEqualTo("alice@example.com");
        assertThat(data.path("consentToContact").asBoolean()).isTrue();
        assertThat(Instant.parse(data.path("at").asText())).isBefore(Instant.now());
        assertThat(new Rows(database).count("select count(*) from me_too where action_id = ?::uuid", action)).isEqualTo(2);
    }

    @Test
    void racingClicksCountOnce() throws Exception {
        var action = Actions.announced(broker, "billing");
        var token = Tokens.of("alice");
        var statuses = new ArrayList<CompletableFuture<Integer>>();
        try (var pool = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                statuses.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                        .post("/api/public/updates/" + action + "/me-too").then().extract().statusCode(), pool));
            }
        }
        assertThat(statuses.stream().map(CompletableFuture::join).toList()).containsOnly(200, 201).containsOnlyOnce(201);
        broker.awaitEvents(ME_TOO_ADDED, action, 1, Duration.ofSeconds(10));
        Actions.awaitMarker(broker); // whatever the other clicks wrote would have been published by now
        assertThat(broker.events(ME_TOO_ADDED, action)).hasSize(1);
    }

    @Test
    void theMeTooComesBackAsFeedbackThatJoinsTheAction() throws Exception {
        var action = Actions.announced(broker, "billing");
        meToo("alice", action).statusCode(201);
        var data = broker.awaitEvents(ME_TOO_ADDED, action, 1, Duration.ofSeconds(10)).getFirst().event().path("data");

        // what feedback-service publishes for it
        var feedbackId = UUID.randomUUID();
        var feedback = received(UUID.randomUUID(), feedbackId, data.path("topic").asText(),
                "Me too: " + data.path("title").asText(), null, null, 0.0, data.path("contributorId").asText(),
                data.path("contactEmail").asText());
        ((ObjectNode) feedback.get("data")).put("joinsAction", action);
        broker.publish("feedback.events", "feedback.received", bytes(feedback));

        assertThat(awaitAction(feedbackId)).isEqualTo(action);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action).then()
                .body("feedbackCount", is(2))
                .body("contributorCount", is(2));
        given().get("/api/public/updates/" + action).then()
                .body("meTooCount", is(1))
                .body("contributorCount", is(2)); // alice counts once: her vote and her feedback are one voice
        var linked = broker.awaitEvents("action.feedback-linked", action, 2, Duration.ofSeconds(10));
        assertThat(linked).anySatisfy(event ->
                assertThat(event.event().path("data").path("feedbackId").asText()).isEqualTo(feedbackId.toString()));
    }

    @Test
    void feedbackJoiningAnActionThatClosedMeanwhileIsTriagedByWhatItSays() throws Exception {
        var done = Actions.done(broker, "billing", "Fixed.");
        var feedbackId = UUID.randomUUID();
        var feedback = received(UUID.randomUUID(), feedbackId, "billing", "Me too: " + uniqueWords(), null, null, 0.0,
                Tokens.subjectOf("alice"), "alice@example.com");
        ((ObjectNode) feedback.get("data")).put("joinsAction", done);
        broker.publish("feedback.events", "feedback.received", bytes(feedback));

        assertThat(awaitAction(feedbackId)).isNotEqualTo(done);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + done).then().body("feedbackCount", is(1));
    }

    @Test
    void aMergeBringsTheVotesAlongAndCountsEachPersonOnce() {
        var duplicate = Actions.announced(broker, "billing");
        var target = Actions.announced(broker, "billing");
        meToo("alice", duplicate).statusCode(201);
        meToo("bob", duplicate).statusCode(201);
        meToo("alice", target).statusCode(201);

        given().auth().oauth2(Tokens.of("maria")).header("If-Match", Actions.etag(duplicate)).contentType("application/json")
                .body(Map.of("into", target)).post("/api/actions/" + duplicate + "/merge").then().statusCode(200);

        given().get("/api/public/updates/" + target).then().statusCode(200)
                .body("meTooCount", is(2))
                .body("contributorCount", is(4)); // two pieces of feedback, alice and bob
        given().get("/api/public/updates/" + duplicate).then().statusCode(404);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + target).then().body("contributorCount", is(4));
    }
}
