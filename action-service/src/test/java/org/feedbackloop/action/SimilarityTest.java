package org.feedbackloop.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.FeedbackEvents;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.feedbackloop.action.support.FeedbackEvents.awaitAction;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.received;
import static org.feedbackloop.action.support.FeedbackEvents.uniqueWords;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Triage by meaning over the problem vectors feedback-service sends, and what staff and customers see of it. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SimilarityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private UUID submit(String topic, String text) throws Exception {
        var feedbackId = UUID.randomUUID();
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), feedbackId, topic, text,
                null, null, -0.4, "contributor-" + feedbackId, null)));
        return feedbackId;
    }

    @Test
    void anActionKeepsTheMeanOfItsFeedbacksProblemVectors() throws Exception {
        var words = uniqueWords();
        var first = submit("billing", "Charged twice " + words);
        var action = awaitAction(first);
        var second = submit("billing", "Two payments taken " + words);
        assertThat(awaitAction(second)).isEqualTo(action);

        var expected = new double[384];
        for (var text : List.of("Charged twice " + words, "Two payments taken " + words)) {
            var vector = FeedbackEvents.problemOf(text);
            for (int i = 0; i < expected.length; i++) {
                expected[i] += vector[i];
            }
        }
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement("select problem_sum, problem_count from action where id = ?")) {
            statement.setObject(1, UUID.fromString(action));
            try (var rows = statement.executeQuery()) {
                rows.next();
                var sum = (Float[]) rows.getArray(1).getArray();
                assertThat(rows.getInt(2)).isEqualTo(2);
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) sum[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
    }

    @Test
    void feedbackNeverJoinsAnotherTeamsAction() throws Exception {
        var words = uniqueWords();
        var billing = awaitAction(submit("billing", "Refund missing " + words));
        var delivery = awaitAction(submit("delivery", "Refund missing again " + words));
        assertThat(delivery).isNotEqualTo(billing);
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + delivery).then().body("team", is("delivery"));
    }

    @Test
    void aClosedActionTakesNoNewFeedbackAndTheIndexHearsOfItFromTheDatabase() throws Exception {
        var words = uniqueWords();
        var action = awaitAction(submit("delivery", "Courier left it in the rain " + words));
        Actions.transition("maria", action, "DECLINED", "We cannot change the weather.").statusCode(200);

        var later = awaitAction(submit("delivery", "Parcel soaked on the doorstep " + words));
        assertThat(later).isNotEqualTo(action);
    }

    @Test
    void mergingMovesWhatTheActionIsAboutAndNewFeedbackFollows() throws Exception {
        var words = uniqueWords();
        var duplicate = awaitAction(submit("product", "App crashes on login " + words));
        var target = Actions.open(broker, "product");
        given().auth().oauth2(Tokens.of("maria")).header("If-Match", Actions.etag(duplicate)).contentType(ContentType.JSON)
                .body(Map.of("into", target)).post("/api/actions/" + duplicate + "/merge").then().statusCode(200);

        var next = awaitAction(submit("product", "Crash when signing in " + words));
        assertThat(next).isEqualTo(target);
    }

    @Test
    void feedbackReadAgainMovesItsActionsVector() throws Exception {
        var before = uniqueWords();
        var after = uniqueWords();
        var feedbackId = submit("billing", "Invoice wrong " + before);
        var action = awaitAction(feedbackId);

        var update = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/feedback-service").put("type", "feedback.updated").put("subject", feedbackId.toString())
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        var data = update.putObject("data").put("feedbackId", feedbackId.toString()).put("status", "TRACKED")
                .put("actionId", action).put("updatedAt", Instant.now().toString()).put("topic", "billing");
        var problem = data.putObject("problem").put("space", "all-minilm-l6-v2-q/problem-v1");
        var vector = problem.putArray("vector");
        for (float v : FeedbackEvents.problemOf("Invoice wrong " + after)) {
            vector.add(v);
        }
        broker.publish("feedback.events", "feedback.updated", JSON.writeValueAsBytes(update));
        var expected = FeedbackEvents.problemOf("Invoice wrong " + after)[0];
        await().atMost(Duration.ofSeconds(10)).until(() -> Math.abs(firstCoordinateOfSum(action) - expected) < 1e-5);

        assertThat(awaitAction(submit("billing", "Invoice shows the wrong total " + after))).isEqualTo(action);
        assertThat(awaitAction(submit("billing", "Invoice wrong once more " + before))).isNotEqualTo(action);
    }

    private double firstCoordinateOfSum(String action) throws Exception {
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement("select problem_sum[1] from action where id = ?")) {
            statement.setObject(1, UUID.fromString(action));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    @Test
    void staffSeeSimilarActionsToMergeAndSimilarFeedbackToLink() throws Exception {
        var words = uniqueWords();
        var first = awaitAction(submit("billing", "Charged in dollars " + words));
        // the same problem in another team: triage keeps them apart, people may merge them
        var feedbackOfOther = submit("delivery", "Shipping charged in dollars " + words);
        var other = awaitAction(feedbackOfOther);

        given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + first + "/similar").then().statusCode(200)
                .body("actions.id", hasItem(other))
                .body("actions.id", not(hasItem(first)))
                .body("feedback.feedbackId", hasItem(feedbackOfOther.toString()))
                .body("actions.find { it.id == '" + other + "' }.team", is("delivery"));
        given().auth().oauth2(Tokens.of("olivia")).get("/api/feedback/" + feedbackOfOther + "/similar").then().statusCode(200)
                .body("actions.id", hasItem(first))
                .body("feedback.feedbackId", not(hasItem(feedbackOfOther.toString())));

        var unrelated = awaitAction(submit("billing", "Something else entirely " + uniqueWords()));
        given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + unrelated + "/similar").then().statusCode(200)
                .body("actions.id", not(hasItem(first)));
    }

    @Test
    void similarityIsForStaff() {
        given().auth().oauth2(Tokens.of("alice")).get("/api/actions/" + UUID.randomUUID() + "/similar").then().statusCode(403);
        given().get("/api/feedback/" + UUID.randomUUID() + "/similar").then().statusCode(401);
        given().auth().oauth2(Tokens.of("maria")).get("/api/feedback/" + UUID.randomUUID() + "/similar").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/not-an-id/similar").then().statusCode(400);
        given().auth().oauth2(Tokens.of("maria")).queryParam("limit", 21).get("/api/actions/" + UUID.randomUUID() + "/similar")
                .then().statusCode(400);
    }

    @Test
    void customersFindAnnouncedOpenActionsAboutWhatTheyAreAboutToSay() throws Exception {
        var words = uniqueWords();
        var feedbackId = submit("billing", "Voucher not applied " + words);
        var action = awaitAction(feedbackId);
        var body = draft("Voucher code was ignored at checkout " + words);

        given().contentType(ContentType.JSON).body(body).post("/api/public/updates/similar").then().statusCode(200)
                .body("actionId", not(hasItem(action))); // not on the board until it told the public something

        Actions.transition("maria", action, "PLANNED", "We are fixing vouchers at checkout.").statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().contentType(ContentType.JSON).body(body)
                .post("/api/public/updates/similar").then().statusCode(200)
                .body("[0].actionId", is(action))
                .body("[0].publicNote", is("We are fixing vouchers at checkout.")));

        given().contentType(ContentType.JSON).body(draft("Nothing like it " + uniqueWords()))
                .post("/api/public/updates/similar").then().statusCode(200).body("actionId", not(hasItem(action)));
    }

    @Test
    void aVectorOfAnotherSpaceOrShapeIsRefused() {
        var body = JSON.createObjectNode();
        body.putObject("problem").put("space", "some-other-model").putArray("vector").add(1.0);
        given().contentType(ContentType.JSON).body(body.toString()).post("/api/public/updates/similar").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("problem"));
        given().contentType(ContentType.JSON).body("{}").post("/api/public/updates/similar").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"problem\": {\"space\": \"all-minilm-l6-v2-q/problem-v1\", \"vector\": []}}")
                .post("/api/public/updates/similar").then().statusCode(400).body("errors", not(empty()));
    }

    private static String draft(String text) {
        ObjectNode body = JSON.createObjectNode();
        var problem = body.putObject("problem").put("space", "all-minilm-l6-v2-q/problem-v1");
        var vector = problem.putArray("vector");
        for (float v : FeedbackEvents.problemOf(text)) {
            vector.add(v);
        }
        return body.toString();
    }
}
