package org.feedbackloop.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.feedback.taxonomy.Topic;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** The taxonomy lives in the database and editing it changes how new feedback is classified. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TopicsTest {

    @Inject
    AgroalDataSource database;

    @Test
    void listsTheSeededTopics() {
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/topics").then().statusCode(200)
                .body("name", hasItems("billing", "delivery", "product", "support", "account", "general"))
                .body("find { it.name == 'general' }.examples.size()", is(30))
                .body("find { it.name == 'billing' }.examples.size()", is(30));
    }

    @Test
    void aManagerAddsATopicAndNewFeedbackIsClassifiedWithIt() {
        var word = "quokka" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        var topic = "t-" + word;
        given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                .body("{\"keywords\": [\"%s\"], \"position\": 0}".formatted(word))
                .put("/api/feedback/topics/" + topic)
                .then().statusCode(200).body("name", is(topic)).body("keywords[0]", is(word));

        given().auth().oauth2(Tokens.of("bob")).contentType(ContentType.JSON)
                .body("{\"text\": \"The %s exhibit was closed\", \"channel\": \"WEB\"}".formatted(word))
                .post("/api/feedback").then().statusCode(201).body("topic", is(topic));
        // the taxonomy is capped: a run's topics must not pile up in the tests' database
        given().auth().oauth2(Tokens.of("maria")).delete("/api/feedback/topics/" + topic).then().statusCode(204);
        reanalysesFinished();
    }

    /** Waits for the re-readings asked for so far: one still queued takes in the next test's request, and its reason. */
    private static void reanalysesFinished() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("maria"))
                .get("/api/feedback/topics/reanalysis").then().statusCode(200).body("state", everyItem(is("FINISHED"))));
    }

    @Test
    void aFullTaxonomyTakesNoNewTopicButItsTopicsCanStillBeChanged() throws SQLException {
        var prefix = "full-" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x") + "-";
        try {
            try (var connection = database.getConnection(); var statement = connection.createStatement();
                 var insert = connection.prepareStatement(
                         "insert into topic (name, keywords, position) values (?, '{}', 999)")) {
                var rows = statement.executeQuery("select count(*) from topic");
                rows.next();
                for (long i = 0, room = Topic.MAX_TOPICS - rows.getLong(1); i < room; i++) {
                    insert.setString(1, prefix + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            var manager = Tokens.of("maria");
            given().auth().oauth2(manager).get("/api/feedback/topics").then().statusCode(200)
                    .body("size()", is(Topic.MAX_TOPICS));
            given().auth().oauth2(manager).contentType(ContentType.JSON)
                    .body("{\"keywords\": [\"overflow\"], \"position\": 1}")
                    .put("/api/feedback/topics/" + prefix + "one-more")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", containsString("taxonomy-full"));
            given().auth().oauth2(manager).contentType(ContentType.JSON)
                    .body("{\"keywords\": [\"replaced\"], \"position\": 999}")
                    .put("/api/feedback/topics/" + prefix + "0")
                    .then().statusCode(200).body("keywords[0]", is("replaced"));
        } finally {
            try (var connection = database.getConnection();
                 var delete = connection.prepareStatement("delete from topic where name like ? and name <> ?")) {
                delete.setString(1, prefix + "%");
                delete.setString(2, prefix + "0");
                delete.executeUpdate();
            }
            // the last one through the API, so that the classifiers forget them all at once
            given().auth().oauth2(Tokens.of("maria")).delete("/api/feedback/topics/" + prefix + "0");
            reanalysesFinished();
        }
    }

    @Test
    void aTopicDefinedByExamplesTakesFeedbackThatMeansTheSameAndStoredFeedbackIsReadAgain() {
        var topic = "gifting-" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        var manager = Tokens.of("maria");
        reanalysesFinished();
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("""
                        {"description": "Gift wrapping, gift messages and presents sent to someone else.",
                         "examples": ["Please gift wrap my order.", "Can you add a card with a personal message?",
                                      "The present arrived without the gift wrap I paid for."],
                         "position": 0}""")
                .put("/api/feedback/topics/" + topic)
                .then().statusCode(200)
                .body("description", is("Gift wrapping, gift messages and presents sent to someone else."))
                .body("examples.size()", is(3))
                .body("keywords.size()", is(0));
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/topics").then()
                .body("find { it.name == '" + topic + "' }.examples[0]", is("Please gift wrap my order."));

        String id = given().auth().oauth2(Tokens.of("bob")).contentType(ContentType.JSON)
                .body("{\"text\": \"It was a birthday surprise for my mum but you forgot the ribbon and the little note.\", \"channel\": \"WEB\"}")
                .post("/api/feedback").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(Tokens.of("bob"))
                .get("/api/feedback/" + id).then()
                .body("analysis.complete", is(true))
                .body("topic", is(topic))
                .body("analysis.topicSource", is("MEANING")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(manager)
                .get("/api/feedback/topics/reanalysis").then().statusCode(200)
                .body("find { it.reason == 'topic " + topic + " changed' }.state", is("FINISHED")));
        var job = given().auth().oauth2(manager).get("/api/feedback/topics/reanalysis").then()
                .extract().jsonPath().getMap("find { it.reason == 'topic " + topic + " changed' }");
        assertThat(((Number) job.get("done")).longValue()).isGreaterThanOrEqualTo(((Number) job.get("total")).longValue());

        given().auth().oauth2(manager).delete("/api/feedback/topics/" + topic).then().statusCode(204);
        given().auth().oauth2(manager).delete("/api/feedback/topics/" + topic).then().statusCode(404)
                .contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("bob"))
                .get("/api/feedback/" + id).then().body("topic", not(topic)));
    }

    @Test
    void onlyManagersChangeTheTaxonomyAndOnlyStaffSeeItsReanalysis() {
        given().auth().oauth2(Tokens.of("olivia")).contentType(ContentType.JSON)
                .body("{\"examples\": [\"Something typical\"], \"position\": 1}")
                .put("/api/feedback/topics/owners-topic").then().statusCode(403);
        given().auth().oauth2(Tokens.of("alice")).delete("/api/feedback/topics/billing").then().statusCode(403);
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/topics/reanalysis").then().statusCode(403);
        given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON).body("{\"position\": 1}")
                .put("/api/feedback/topics/empty-topic").then().statusCode(400)
                .body("errors[0].field", is("examples"));
        given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                .body("{\"examples\": [\"ok\"], \"position\": 1}")
                .put("/api/feedback/topics/short-example").then().statusCode(400)
                .body("errors[0].field", is("examples[0]"));
    }

    @Test
    void refusesInvalidKeywordsAndTheFallbackTopic() {
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body("{\"keywords\": [\"UPPER case\"], \"position\": 1}")
                .put("/api/feedback/topics/weather")
                .then().statusCode(400).body("errors[0].field", is("keywords[0]"));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body("{\"keywords\": [\"misc\"], \"position\": 1}")
                .put("/api/feedback/topics/general")
                .then().statusCode(400).body("errors[0].field", is("keywords"));
        given().auth().oauth2(Tokens.of("admin")).delete("/api/feedback/topics/general")
                .then().statusCode(400).body("errors[0].field", is("name"));
    }
}
