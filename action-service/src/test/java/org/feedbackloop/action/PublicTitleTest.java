package org.feedbackloop.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Problems;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.feedbackloop.testkit.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.feedbackloop.action.support.FeedbackEvents.awaitAction;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.received;
import static org.feedbackloop.action.support.FeedbackEvents.uniqueWords;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * The public title: the feedback staff start it from (the one nearest what the action is about), and the rule
 * that what customers read is in staff's own words, never a contributor's copied.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PublicTitleTest {

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

    // --- the representative feedback ----------------------------------------------------------------

    @Test
    void theRepresentativeIsTheFeedbackNearestTheActionsMean() {
        // three orthonormal directions of this run only: no other action is near any of these vectors
        var random = new Random();
        var u = Vectors.randomUnit(random);
        var v = orthogonal(Vectors.randomUnit(random), u);
        var w = orthogonal(orthogonal(Vectors.randomUnit(random), u), v);
        // in (u, v, w): a = (1, 0, 0), b = (0.6, 0.8, 0), c = (0, 0.28, 0.96); a and b close (0.6), c far from a
        // sum s = (1.6, 1.08, 0.96), |s| = √4.648 = 2.15592; with the mean s/|s|:
        // a·s = 1.6 → 0.742, b·s = 0.96 + 0.864 = 1.824 → 0.846, c·s = 0.3024 + 0.9216 = 1.224 → 0.568
        var a = combine(u, v, w, 1, 0, 0);
        var b = combine(u, v, w, 0.6, 0.8, 0);
        var c = combine(u, v, w, 0, 0.28, 0.96);
        // silent feedback exactly along the mean (similarity 1): the mean keeps its direction, and it is passed over
        var silent = combine(u, v, w, 1.6 / 2.15592, 1.08 / 2.15592, 0.96 / 2.15592);
        var words = uniqueWords();
        var aText = "The invoice came twice this month " + words;
        var bText = "I was charged twice for one order " + words;
        var cText = "Support never answered my e-mail " + words;

        var first = UUID.randomUUID();
        publish(first, aText, a, false, null, null);
        var action = awaitAction(first);
        var second = UUID.randomUUID();
        var third = UUID.randomUUID();
        var fourth = UUID.randomUUID();
        publish(second, bText, b, false, action, null);
        publish(third, cText, c, false, action, null);
        publish(fourth, "Imported: charged twice " + words, silent, true, action, null);
        for (var feedback : List.of(second, third, fourth)) {
            assertThat(awaitAction(feedback)).isEqualTo(action);
        }

        var representative = given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + action + "/representative")
                .then().statusCode(200)
                .body("feedbackId", is(second.toString()))
                .body("text", is(bText))
                .extract().jsonPath();
        assertThat(representative.getDouble("similarity")).isCloseTo(0.846, within(0.002));
    }

    @Test
    void withoutVectorsTheRepresentativeIsTheOldestFeedback() {
        var words = uniqueWords();
        var newer = UUID.randomUUID();
        publish(newer, "Parcel left in the rain " + words, null, false, null, null);
        var action = awaitAction(newer);
        var older = UUID.randomUUID();
        var olderText = "My parcel was soaked " + words;
        publish(older, olderText, null, false, action, Instant.now().minus(2, ChronoUnit.DAYS));
        assertThat(awaitAction(older)).isEqualTo(action);

        given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action + "/representative").then()
                .statusCode(200)
                .body("feedbackId", is(older.toString()))
                .body("text", is(olderText))
                .body("similarity", nullValue());
    }

    @Test
    void anUnknownOrMergedActionHasNone() {
        Problems.assertProblem(given().auth().oauth2(Tokens.of("maria"))
                .get("/api/actions/" + UUID.randomUUID() + "/representative"), 404, null);
        Problems.assertProblem(given().auth().oauth2(Tokens.of("maria"))
                .get("/api/actions/not-a-uuid/representative"), 400, null);

        var merged = Actions.open(broker, "billing");
        var into = Actions.open(broker, "billing");
        given().auth().oauth2(Tokens.of("maria")).header("If-Match", Actions.etag(merged)).contentType("application/json")
                .body(Map.of("into", into)).post("/api/actions/" + merged + "/merge").then().statusCode(200);
        Problems.assertProblem(given().auth().oauth2(Tokens.of("maria"))
                .get("/api/actions/" + merged + "/representative"), 404, null)
                .body("detail", containsString(into));
    }

    @Test
    void onlyStaffWhoDecideReadIt() {
        var action = Actions.open(broker, "billing");
        for (var staff : List.of("olivia", "oscar", "maria", "admin")) {
            given().auth().oauth2(Tokens.of(staff)).get("/api/actions/" + action + "/representative").then().statusCode(200);
        }
        Problems.assertProblem(given().auth().oauth2(Tokens.of("alice")).get("/api/actions/" + action + "/representative"), 403, null);
        Problems.assertProblem(given().auth().oauth2(Tokens.integrator()).get("/api/actions/" + action + "/representative"), 403, null);
        given().get("/api/actions/" + action + "/representative").then().statusCode(401);
    }

    // --- in staff's own words -----------------------------------------------------------------------

    @Test
    void aContributorsWordsAreNotPublishedAsTheTitle() {
        var words = uniqueWords();
        var feedback = UUID.randomUUID();
        var text = "The  invoice PDF shows the wrong VAT rate, " + words + ".";
        publish(feedback, text, null, false, null, null);
        var action = awaitAction(feedback);
        Actions.transition("maria", action, "PLANNED", null).statusCode(200);
        Actions.transition("maria", action, "IN_PROGRESS", null).statusCode(200);
        var before = Actions.etag(action);
        var events = outboxEvents(action);

        var sameWords = "  “the invoice pdf shows   THE wrong vat rate, " + words.toUpperCase() + "”! ";
        var withPrefix = "Fixed: the invoice PDF shows the wrong VAT rate, " + words;
        for (var copied : List.of(sameWords, withPrefix)) {
            Problems.assertProblem(done(action, before, copied), 422, "publicTitle")
                    .body("errors.message", hasItem(containsString("own words")));
            given().auth().oauth2(Tokens.of("maria")).get("/api/actions/" + action).then().statusCode(200)
                    .header("ETag", is(before))
                    .body("status", is("IN_PROGRESS"))
                    .body("titleForCustomers", is("Billing feedback"));
            assertThat(outboxEvents(action)).as("no event for a refused change").isEqualTo(events);
        }

        var edited = "Wrong VAT rate on invoice PDFs " + words.substring(0, 8);
        done(action, before, edited).then().statusCode(200).body("status", is("DONE"))
                .body("titleForCustomers", is(edited));
        given().get("/api/public/updates/" + action).then().statusCode(200).body("title", is(edited));
    }

    @Test
    void aProgressUpdateIsHeldToTheSameRuleAndShortWordsAreFree() {
        var words = uniqueWords();
        var feedback = UUID.randomUUID();
        var text = "Checkout is too slow on my phone " + words;
        publish(feedback, text, null, false, null, null);
        var action = awaitAction(feedback);
        var shortFeedback = UUID.randomUUID();
        publish(shortFeedback, "Too slow!", null, false, action, null);
        assertThat(awaitAction(shortFeedback)).isEqualTo(action);
        var before = Actions.etag(action);
        var events = outboxEvents(action);

        Problems.assertProblem(update(action, before, text.toLowerCase()), 422, "publicTitle");
        Problems.assertProblem(update(action, before, "'too slow'"), 422, "publicTitle");
        assertThat(Actions.etag(action)).isEqualTo(before);
        assertThat(outboxEvents(action)).isEqualTo(events);

        // a text shorter than 20 characters inside a longer title is a common phrase, not a quote
        update(action, before, "Checkout too slow on phones").then().statusCode(200)
                .body("titleForCustomers", is("Checkout too slow on phones"));
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static io.restassured.response.Response done(String action, String etag, String publicTitle) {
        return given().auth().oauth2(Tokens.of("maria")).header("If-Match", etag).contentType("application/json")
                .body(Map.of("to", "DONE", "publicNote", "Invoices show the right rate again.", "publicTitle", publicTitle))
                .post("/api/actions/" + action + "/transitions");
    }

    private static io.restassured.response.Response update(String action, String etag, String publicTitle) {
        return given().auth().oauth2(Tokens.of("maria")).header("If-Match", etag).contentType("application/json")
                .body(Map.of("publicNote", "We found the cause.", "publicTitle", publicTitle))
                .post("/api/actions/" + action + "/updates");
    }

    /** feedback.received with this vector (none when null), silent or not, joining {@code action} when given. */
    private static void publish(UUID feedbackId, String text, float[] vector, boolean silent, String action,
                                Instant receivedAt) {
        var event = received(UUID.randomUUID(), feedbackId, "billing", text, null, null, -0.4, "contributor-" + feedbackId, null);
        var data = (ObjectNode) event.get("data");
        if (vector == null) {
            data.remove("problem");
        } else {
            var array = ((ObjectNode) data.get("problem")).putArray("vector");
            for (float x : vector) {
                array.add(x);
            }
        }
        if (silent) {
            data.put("silent", true);
        }
        if (action != null) {
            data.put("joinsAction", action);
        }
        if (receivedAt != null) {
            data.put("receivedAt", receivedAt.truncatedTo(ChronoUnit.MICROS).toString());
        }
        try {
            broker.publish("feedback.events", "feedback.received", bytes(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long outboxEvents(String action) {
        return new Rows(database).count("select count(*) from outbox_event where aggregate_id = ?", action);
    }

    /** {@code vector} without its part along the unit vector {@code unit}, made unit. */
    private static float[] orthogonal(float[] vector, float[] unit) {
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * unit[i];
        }
        var result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = (float) (vector[i] - dot * unit[i]);
        }
        return Vectors.unit(result);
    }

    private static float[] combine(float[] u, float[] v, float[] w, double x, double y, double z) {
        var result = new float[u.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = (float) (x * u[i] + y * v[i] + z * w[i]);
        }
        return Vectors.unit(result);
    }
}
