package org.feedbackloop.action;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Working the queue: filters, the most urgent first, and pages that follow each other exactly. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class QueueTest {

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

    /** The routing rules this test added: the service keeps a limited number, and the database outlives the run. */
    private static final List<String> ROUTED = new ArrayList<>();

    /** A topic routed to a team of its own, so that the team's queue holds only this test's actions. */
    private static String privateTeamTopic(String team) {
        var topic = "t-" + team;
        given().auth().oauth2(Tokens.of("admin")).contentType("application/json").body(Map.of("team", team))
                .put("/api/routing-rules/" + topic).then().statusCode(200);
        ROUTED.add(topic);
        return topic;
    }

    @AfterEach
    void removeRoutingRules() {
        ROUTED.forEach(topic -> given().auth().oauth2(Tokens.of("admin")).delete("/api/routing-rules/" + topic)
                .then().statusCode(204));
        ROUTED.clear();
    }

    private static String newTeam() {
        return "q-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void reschedule(String action, Instant due) {
        given().auth().oauth2(Tokens.of("maria")).header("If-Match", Actions.etag(action)).contentType("application/json")
                .body(Map.of("dueAt", due.toString())).put("/api/actions/" + action + "/due").then().statusCode(200);
    }

    @Test
    void theQueueListsTheMostUrgentFirstAcrossPagesWithoutGapsOrRepeats() {
        var team = newTeam();
        var topic = privateTeamTopic(team);
        var start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        var byUrgency = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            byUrgency.add(Actions.open(broker, topic));
        }
        // due dates in the reverse order of creation
        for (int i = 0; i < 5; i++) {
            reschedule(byUrgency.get(i), start.plus(Duration.ofHours(10 - i)));
        }
        var expected = byUrgency.reversed();

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(Tokens.of("maria")).queryParam("team", team).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/actions").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);

        List<String> newestFirst = given().auth().oauth2(Tokens.of("maria")).queryParam("team", team)
                .queryParam("sort", "-createdAt").get("/api/actions").then().statusCode(200).extract().path("items.id");
        assertThat(newestFirst).containsExactlyElementsOf(byUrgency.reversed());
    }

    @Test
    void filtersByOwnerStatusOverdueAndFeedback() {
        var team = newTeam();
        var topic = privateTeamTopic(team);
        var mine = Actions.open(broker, topic);
        var planned = Actions.open(broker, topic);
        var late = Actions.open(broker, topic);
        var maria = Tokens.subjectOf("maria");
        given().auth().oauth2(Tokens.of("maria")).header("If-Match", Actions.etag(mine)).contentType("application/json")
                .body(Map.of("ownerId", maria)).put("/api/actions/" + mine + "/assignment").then().statusCode(200);
        Actions.transition("maria", planned, "PLANNED", null).statusCode(200);
        // time passes: the deadline of one action is missed
        new Rows(database).count("with moved as (update action set due_at = now() - interval '1 hour' where id = ?::uuid returning 1)"
                + " select count(*) from moved", late);

        given().auth().oauth2(Tokens.of("maria")).queryParams("team", team, "owner", "me").get("/api/actions").then()
                .body("items.id", is(List.of(mine)));
        given().auth().oauth2(Tokens.of("maria")).queryParams("team", team, "status", "PLANNED").get("/api/actions").then()
                .body("items.id", is(List.of(planned)));
        given().auth().oauth2(Tokens.of("maria")).queryParams("team", team, "status", "OPEN,PLANNED").get("/api/actions").then()
                .body("items.size()", is(3));
        given().auth().oauth2(Tokens.of("maria")).queryParams("team", team, "overdue", "true").get("/api/actions").then()
                .body("items.id", is(List.of(late)))
                .body("items[0].overdue", is(true));
        given().auth().oauth2(Tokens.of("maria")).queryParams("team", team, "overdue", "false").get("/api/actions").then()
                .body("items.id", not(hasItem(late)))
                .body("items.overdue", everyItem(is(false)));
        var feedbackOfPlanned = given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + planned + "/feedback")
                .then().extract().<String>path("items[0].feedbackId");
        given().auth().oauth2(Tokens.integrator()).queryParam("feedbackId", feedbackOfPlanned).get("/api/actions").then()
                .statusCode(200).body("items.id", is(List.of(planned)));
    }
}
