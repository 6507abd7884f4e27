package org.feedbackloop.action;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** What owners and managers do besides the workflow: tell, assign, reschedule, create, link, merge. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ActionChangesTest {

    private static TestBroker broker;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() throws Exception {
        broker = new TestBroker("action-service tests");
        broker.tap("action.events", "action.#");
    }

    @AfterAll
    static void disconnect() throws Exception {
        broker.close();
    }

    private static io.restassured.response.ValidatableResponse send(String user, String method, String path, Object body, String etag) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType("application/json").body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.request(method, path).then();
    }

    @Test
    void aProgressUpdateTellsEveryContributorAndStopsTheInformClock() {
        var action = Actions.open(broker, "billing");
        given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + action).then().body("informBy", notNullValue());

        send("olivia", "POST", "/api/actions/" + action + "/updates",
                Map.of("publicNote", "We found the cause; the fix ships Monday."), Actions.etag(action))
                .statusCode(200)
                .body("informBy", nullValue())
                .body("status", is("OPEN"))
                .body("publicNote", is("We found the cause; the fix ships Monday."))
                .body("lastPublicUpdateAt", notNullValue());
        var posted = broker.awaitEvents("action.progress-posted", action, 1, Duration.ofSeconds(10)).getFirst().event();
        assertThat(posted.path("data").path("publicNote").asText()).isEqualTo("We found the cause; the fix ships Monday.");
    }

    @Test
    void ownersClaimActionsOfTheirTeamAndManagersAssignAnyone() {
        var action = Actions.open(broker, "billing");
        var olivia = Tokens.subjectOf("olivia");
        send("olivia", "PUT", "/api/actions/" + action + "/assignment", Map.of("ownerId", olivia), Actions.etag(action))
                .statusCode(200).body("owner.id", is(olivia)).body("owner.name", is("olivia"));
        given().auth().oauth2(Tokens.of("olivia")).queryParam("owner", "me").queryParam("limit", 100)
                .get("/api/actions").then().body("items.id", hasItem(action));

        send("olivia", "PUT", "/api/actions/" + action + "/assignment", Map.of("ownerId", "someone-else"), Actions.etag(action))
                .statusCode(403);
        send("maria", "PUT", "/api/actions/" + action + "/assignment",
                Map.of("ownerId", "someone-else", "ownerName", "Sam"), Actions.etag(action))
                .statusCode(200).body("owner.name", is("Sam"));
        var assigned = broker.awaitEvents("action.assigned", action, 2, Duration.ofSeconds(10)).getLast().event().path("data");
        assertThat(assigned.path("ownerId").asText()).isEqualTo("someone-else");
        assertThat(assigned.path("previousOwnerId").asText()).isEqualTo(olivia);
    }

    @Test
    void changingTheDueDateIsAnnouncedWithItsReason() {
        var action = Actions.open(broker, "billing");
        var due = Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.SECONDS);
        send("olivia", "PUT", "/api/actions/" + action + "/due", Map.of("dueAt", due.toString(), "reason", "Waiting for the bank"),
                Actions.etag(action)).statusCode(200).body("dueAt", is(due.toString()));
        var changed = broker.awaitEvents("action.due-changed", action, 1, Duration.ofSeconds(10)).getFirst().event().path("data");
        assertThat(changed.path("reason").asText()).isEqualTo("Waiting for the bank");
        send("olivia", "PUT", "/api/actions/" + action + "/due", Map.of("dueAt", "2020-01-01T00:00:00Z"), Actions.etag(action))
                .statusCode(400).body("errors.field", hasItem("dueAt"));
    }

    @Test
    void staffOpenAnActionForFeedbackAndTheFeedbackMovesThere() {
        var feedback = Actions.feedback(broker, "billing");
        var original = given().auth().oauth2(Tokens.of("maria")).queryParam("feedbackId", feedback.toString())
                .get("/api/actions").then().extract().<String>path("items[0].id");

        var created = send("olivia", "POST", "/api/actions",
                Map.of("feedbackIds", List.of(feedback), "title", "Refund delays for card payments"), null)
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("title", is("Refund delays for card payments"))
                .body("team", is("billing"))
                .body("owner.name", is("olivia"))
                .body("feedbackCount", is(1))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).isEqualTo("/api/actions/" + id);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + original).then()
                .body("feedbackCount", is(0))
                .body("history.kind", hasItem("FEEDBACK_MOVED_OUT"));
        var linked = broker.awaitEvents("action.feedback-linked", id, 1, Duration.ofSeconds(10)).getFirst().event().path("data");
        assertThat(linked.path("previousActionId").asText()).isEqualTo(original);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + id + "/feedback").then().statusCode(200)
                .body("items.feedbackId", hasItem(feedback.toString()));
    }

    /**
     * The action the feedback leaves changes meanwhile (the deadline scheduler announcing something, another
     * owner's request): the new action waits for that change instead of failing on a version it never saw.
     */
    @Test
    void openingAnActionWaitsForAChangeInFlightOnTheActionItsFeedbackLeaves() throws Exception {
        var feedback = Actions.feedback(broker, "billing");
        var original = given().auth().oauth2(Tokens.of("maria")).queryParam("feedbackId", feedback.toString())
                .get("/api/actions").then().extract().<String>path("items[0].id");
        try (var other = database.getConnection()) {
            other.setAutoCommit(false);
            try (var change = other.prepareStatement(
                    "update action set version = version + 1, updated_at = now() where id = ?::uuid")) {
                change.setString(1, original);
                assertThat(change.executeUpdate()).isEqualTo(1);
            }
            var created = CompletableFuture.supplyAsync(() -> send("olivia", "POST", "/api/actions",
                    Map.of("feedbackIds", List.of(feedback)), null).extract().response());
            awaitARequestWaitingForALock();
            other.commit();
            var response = created.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        }
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + original).then().body("feedbackCount", is(0));
    }

    private void awaitARequestWaitingForALock() throws Exception {
        try (var watcher = database.getConnection(); var waiting = watcher.prepareStatement(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
            await().alias("the request never reached the action being changed").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        try (var rows = waiting.executeQuery()) {
                            rows.next();
                            return rows.getLong(1) > 0;
                        }
                    });
        }
    }

    @Test
    void feedbackOfAClosedActionStaysWhereItIs() {
        var feedback = Actions.feedback(broker, "billing");
        var action = given().auth().oauth2(Tokens.of("maria")).queryParam("feedbackId", feedback.toString())
                .get("/api/actions").then().extract().<String>path("items[0].id");
        Actions.transition("olivia", action, "DECLINED", "Not a defect").statusCode(200);
        send("maria", "POST", "/api/actions", Map.of("feedbackIds", List.of(feedback)), null)
                .statusCode(409).body("type", is("urn:feedbackloop:problem:conflict"));
    }

    @Test
    void linkingMoreFeedbackCountsContributors() {
        var action = Actions.open(broker, "billing");
        var more = Actions.feedback(broker, "billing");
        send("olivia", "POST", "/api/actions/" + action + "/links", Map.of("feedbackIds", List.of(more)), Actions.etag(action))
                .statusCode(200).body("feedbackCount", is(2)).body("contributorCount", is(2));
        send("olivia", "POST", "/api/actions/" + action + "/links", Map.of("feedbackIds", List.of(more)), Actions.etag(action))
                .statusCode(400).body("errors.field", hasItem("feedbackIds"));
        send("olivia", "POST", "/api/actions/" + action + "/links", Map.of("feedbackIds", List.of(UUID.randomUUID())),
                Actions.etag(action)).statusCode(400);
    }

    @Test
    void mergingMovesFeedbackAndHistoryAndTellsEachMovedContributorOnce() {
        var target = Actions.open(broker, "billing");
        var duplicate = Actions.open(broker, "billing");
        var duplicateFeedback = given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + duplicate + "/feedback")
                .then().extract().<String>path("items[0].feedbackId");
        Actions.transition("olivia", duplicate, "PLANNED", null).statusCode(200);

        send("olivia", "POST", "/api/actions/" + duplicate + "/merge", Map.of("into", target), Actions.etag(duplicate))
                .statusCode(200).body("status", is("MERGED")).body("mergedInto", is(target)).body("feedbackCount", is(0));

        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + target).then()
                .body("feedbackCount", is(2))
                .body("contributorCount", is(2))
                .body("history.kind", hasItem("MERGED_FROM"))
                .body("history.findAll { it.kind == 'TRANSITION' }.size()", is(1)); // the duplicate's, moved over
        var linked = broker.awaitEvents("action.feedback-linked", target, 2, Duration.ofSeconds(10));
        assertThat(linked).filteredOn(m -> duplicate.equals(m.event().path("data").path("previousActionId").asText()))
                .singleElement()
                .satisfies(m -> assertThat(m.event().path("data").path("feedbackId").asText()).isEqualTo(duplicateFeedback));
        given().auth().oauth2(Tokens.of("maria")).queryParam("status", "MERGED").queryParam("limit", 100)
                .get("/api/actions").then().body("items.id", hasItem(duplicate));
        send("olivia", "POST", "/api/actions/" + target + "/merge", Map.of("into", target), Actions.etag(target))
                .statusCode(400);
    }

    @Test
    void managersEditRoutingRulesAndTriageFollowsThem() throws Exception {
        var topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        var oscar = Tokens.subjectOf("oscar");
        send("maria", "PUT", "/api/routing-rules/" + topic,
                Map.of("team", "delivery", "defaultOwnerId", oscar, "defaultOwnerName", "oscar"), null)
                .statusCode(200).body("team", is("delivery"));
        var action = Actions.open(broker, topic);
        given().auth().oauth2(Tokens.of("oscar")).queryParam("owner", "me").queryParam("limit", 100)
                .get("/api/actions").then().body("items.id", hasItem(action));
        given().auth().oauth2(Tokens.of("olivia")).get("/api/routing-rules").then().statusCode(200)
                .body("topic", hasItem(topic));
        given().auth().oauth2(Tokens.of("admin")).delete("/api/routing-rules/" + topic).then().statusCode(204);
        given().auth().oauth2(Tokens.of("admin")).delete("/api/routing-rules/" + topic).then().statusCode(404);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + Actions.open(broker, topic)).then()
                .body("team", is("triage"));
    }

    /** Each change of an action refuses as its document says: no such action, a stale or missing If-Match, a closed action. */
    @Test
    void changesRefuseAMissingActionAStaleVersionAndAClosedAction() {
        var closed = Actions.done(broker, "billing", "We fixed it.");
        var other = Actions.open(broker, "billing");
        var future = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS).toString();
        var changes = List.of(
                new Object[]{"PUT", "/assignment", Map.of("ownerId", Tokens.subjectOf("maria"))},
                new Object[]{"PUT", "/due", Map.of("dueAt", future)},
                new Object[]{"POST", "/links", Map.of("feedbackIds", List.of(Actions.feedback(broker, "billing")))},
                new Object[]{"POST", "/merge", Map.of("into", other)},
                new Object[]{"POST", "/updates", Map.of("publicNote", "Still on it.")});
        for (var change : changes) {
            var method = (String) change[0];
            var path = (String) change[1];
            send("maria", method, "/api/actions/" + UUID.randomUUID() + path, change[2], "\"1\"").statusCode(404);
            send("maria", method, "/api/actions/" + closed + path, change[2], null).statusCode(428);
            send("maria", method, "/api/actions/" + closed + path, change[2], "\"999\"").statusCode(409)
                    .body("type", is("urn:feedbackloop:problem:stale-version"));
            if (!path.equals("/assignment")) {
                send("maria", method, "/api/actions/" + closed + path, change[2], Actions.etag(closed)).statusCode(422);
            }
        }
    }
}
