package org.feedbackloop.action;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.domain.HistoryRepository;
import org.feedbackloop.action.routing.RoutingRuleRepository;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Every list an answer holds is bounded: history, an action's feedback, the routing rules. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BoundedListsTest {

    private static TestBroker broker;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() throws Exception {
        broker = new TestBroker("action-service tests");
    }

    @AfterAll
    static void disconnect() throws Exception {
        broker.close();
    }

    @Test
    void theDetailViewShowsTheNewestHistoryOldestFirst() {
        var action = Actions.open(broker, "billing");
        var rows = new Rows(database);
        var start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int extra = HistoryRepository.NEWEST + 20;
        for (int i = 0; i < extra; i++) {
            rows.execute("insert into action_history (action_id, at, actor_id, actor_name, kind, note) "
                            + "values (cast(? as uuid), ?, 'system', 'system', 'DEADLINE_APPROACHING', ?)",
                    action, java.sql.Timestamp.from(start.plusSeconds(i)), "entry " + i);
        }
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action).then().statusCode(200)
                .body("history", hasSize(HistoryRepository.NEWEST))
                .body("history[0].note", is("entry " + (extra - HistoryRepository.NEWEST)))
                .body("history[" + (HistoryRepository.NEWEST - 1) + "].note", is("entry " + (extra - 1)));
    }

    @Test
    void anActionsFeedbackComesPageByPageInTheOrderItWasLinked() {
        var action = Actions.open(broker, "billing");
        var more = List.of(Actions.feedback(broker, "billing"), Actions.feedback(broker, "billing"));
        given().auth().oauth2(Tokens.of("olivia")).header("If-Match", Actions.etag(action))
                .contentType("application/json").body(Map.of("feedbackIds", more))
                .post("/api/actions/" + action + "/links").then().statusCode(200).body("feedbackCount", is(3));

        var first = given().auth().oauth2(Tokens.of("maria")).queryParam("limit", 2)
                .get("/api/actions/" + action + "/feedback").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract();
        var second = given().auth().oauth2(Tokens.of("maria")).queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor"))
                .get("/api/actions/" + action + "/feedback").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue()).extract();
        var all = new ArrayList<String>(first.path("items.feedbackId"));
        all.addAll(second.path("items.feedbackId"));
        assertThat(all).doesNotHaveDuplicates().hasSize(3);
        // the feedback that opened the action first, then the two linked later
        assertThat(all.subList(1, 3)).containsExactlyInAnyOrderElementsOf(more.stream().map(UUID::toString).toList());
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action + "/feedback").then().statusCode(200)
                .body("items.feedbackId", is(all)).body("nextCursor", nullValue());

        var queueCursor = given().auth().oauth2(Tokens.of("maria")).queryParam("limit", 1).get("/api/actions")
                .then().statusCode(200).extract().<String>path("nextCursor");
        given().auth().oauth2(Tokens.of("maria")).queryParam("cursor", queueCursor)
                .get("/api/actions/" + action + "/feedback").then().statusCode(400);
        given().auth().oauth2(Tokens.of("maria")).queryParam("limit", 0)
                .get("/api/actions/" + action + "/feedback").then().statusCode(400);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + UUID.randomUUID() + "/feedback").then()
                .statusCode(404);
    }

    @Test
    void routingRulesStopAtTheirLimitButCanStillBeReplaced() {
        var created = new ArrayList<String>();
        try {
            int existing = given().auth().oauth2(Tokens.of("maria")).get("/api/routing-rules").then().statusCode(200)
                    .extract().path("size()");
            for (int i = existing; i < RoutingRuleRepository.MAX_RULES; i++) {
                var topic = "cap-" + UUID.randomUUID().toString().substring(0, 8);
                saveRule(topic).statusCode(200);
                created.add(topic);
            }
            given().auth().oauth2(Tokens.of("maria")).get("/api/routing-rules").then().statusCode(200)
                    .body("size()", is(RoutingRuleRepository.MAX_RULES));
            saveRule("cap-" + UUID.randomUUID().toString().substring(0, 8)).statusCode(409)
                    .body("type", is("urn:feedbackloop:problem:too-many-rules"));
            if (!created.isEmpty()) {
                saveRule(created.getFirst()).statusCode(200);
            }
        } finally {
            created.forEach(topic -> given().auth().oauth2(Tokens.of("admin")).delete("/api/routing-rules/" + topic)
                    .then().statusCode(204));
        }
    }

    private static io.restassured.response.ValidatableResponse saveRule(String topic) {
        return given().auth().oauth2(Tokens.of("maria")).contentType("application/json")
                .body(Map.of("team", "billing")).put("/api/routing-rules/" + topic).then();
    }
}
