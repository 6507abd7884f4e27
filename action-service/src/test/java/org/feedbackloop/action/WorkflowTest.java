package org.feedbackloop.action;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Every transition of the workflow, allowed or not, and the races between changes. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WorkflowTest {

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

    /** The path from OPEN to each status a person can reach. */
    private static final Map<ActionStatus, List<ActionStatus>> PATH = Map.of(
            ActionStatus.OPEN, List.of(),
            ActionStatus.PLANNED, List.of(ActionStatus.PLANNED),
            ActionStatus.IN_PROGRESS, List.of(ActionStatus.PLANNED, ActionStatus.IN_PROGRESS),
            ActionStatus.DONE, List.of(ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE),
            ActionStatus.DECLINED, List.of(ActionStatus.DECLINED));

    /** The contract (ARCHITECTURE.md), written out independently of the code under test. */
    private static final java.util.Set<String> ALLOWED = java.util.Set.of(
            "OPEN > PLANNED", "OPEN > DECLINED",
            "PLANNED > IN_PROGRESS", "PLANNED > DECLINED",
            "IN_PROGRESS > DONE", "IN_PROGRESS > DECLINED");

    static Stream<Arguments> everyTransition() {
        var pairs = new ArrayList<Arguments>();
        for (var from : PATH.keySet()) {
            for (var to : ActionStatus.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.contains(from + " > " + to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1}: allowed {2}")
    @MethodSource("everyTransition")
    void theWorkflowAllowsExactlyItsTransitions(ActionStatus from, ActionStatus to, boolean allowed) {
        var action = Actions.open(broker, "billing");
        for (var step : PATH.get(from)) {
            Actions.transition("olivia", action, step.name(), "Moving on").statusCode(200);
        }
        var version = Actions.etag(action);
        var response = Actions.transition("olivia", action, to.name(), "The public note");
        if (allowed) {
            response.statusCode(200).body("status", is(to.name()));
            assertThat(broker.awaitEvents("action.status-changed", action, PATH.get(from).size() + 1, Duration.ofSeconds(10))
                    .getLast().event().path("data").path("to").asText()).isEqualTo(to.name());
        } else {
            response.statusCode(422).contentType("application/problem+json")
                    .body("type", is("urn:feedbackloop:problem:transition-forbidden"));
            assertThat(Actions.etag(action)).as("nothing changed").isEqualTo(version);
        }
    }

    @Test
    void doneAndDeclinedNeedAPublicNote() {
        var action = Actions.open(broker, "billing");
        Actions.transition("olivia", action, "DECLINED", null).statusCode(400).body("errors.field", hasItem("publicNote"));
        Actions.transition("olivia", action, "DECLINED", "   ").statusCode(400);
        Actions.transition("olivia", action, "DECLINED", "Not something we will change: the fee is a legal requirement.")
                .statusCode(200)
                .body("status", is("DECLINED"))
                .body("publicNote", is("Not something we will change: the fee is a legal requirement."))
                .body("informBy", nullValue())
                .body("closedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void historyRecordsActorNotesAndStates() {
        var action = Actions.open(broker, "billing");
        given().auth().oauth2(Tokens.of("olivia")).header("If-Match", Actions.etag(action)).contentType("application/json")
                .body(Map.of("to", "PLANNED", "note", "Needs finance", "publicNote", "We will fix it this week."))
                .post("/api/actions/" + action + "/transitions").then().statusCode(200);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + action).then().statusCode(200)
                .body("history.find { it.kind == 'TRANSITION' }.from", is("OPEN"))
                .body("history.find { it.kind == 'TRANSITION' }.to", is("PLANNED"))
                .body("history.find { it.kind == 'TRANSITION' }.note", is("Needs finance"))
                .body("history.find { it.kind == 'TRANSITION' }.publicNote", is("We will fix it this week."))
                .body("history.find { it.kind == 'TRANSITION' }.actor.name", is("olivia"))
                .body("history.find { it.kind == 'TRANSITION' }.actor.id", is(Tokens.subjectOf("olivia")));
    }

    @Test
    void aStaleVersionIsRefusedWith409() {
        var action = Actions.open(broker, "billing");
        var stale = Actions.etag(action);
        Actions.transition("olivia", action, "PLANNED", null).statusCode(200);
        given().auth().oauth2(Tokens.of("olivia")).header("If-Match", stale).contentType("application/json")
                .body(Map.of("to", "IN_PROGRESS")).post("/api/actions/" + action + "/transitions")
                .then().statusCode(409).body("type", is("urn:feedbackloop:problem:stale-version"));
    }

    @Test
    void ofConcurrentChangesWithTheSameVersionExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            var action = Actions.open(broker, "billing");
            var version = Actions.etag(action);
            var token = Tokens.of("olivia");
            Callable<Integer> plan = () -> given().auth().oauth2(token).header("If-Match", version)
                    .contentType("application/json").body(Map.of("to", "PLANNED"))
                    .post("/api/actions/" + action + "/transitions").then().extract().statusCode();
            Callable<Integer> decline = () -> given().auth().oauth2(token).header("If-Match", version)
                    .contentType("application/json").body(Map.of("to", "DECLINED", "publicNote", "Duplicate"))
                    .post("/api/actions/" + action + "/transitions").then().extract().statusCode();
            try (var pool = Executors.newFixedThreadPool(4)) {
                var results = pool.invokeAll(List.of(plan, decline, plan, decline)).stream().map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
                assertThat(results).filteredOn(status -> status == 200).hasSize(1);
                assertThat(results).filteredOn(status -> status == 409).hasSize(3);
            }
            given().auth().oauth2(token).get("/api/actions/" + action).then()
                    .body("history.findAll { it.kind == 'TRANSITION' }.size()", is(1));
        }
    }
}
