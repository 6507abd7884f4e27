package org.feedbackloop.feedback;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.feedback.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** The taxonomy lives in the database and editing it changes how new feedback is classified. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TopicsTest {

    @Test
    void listsTheSeededTopics() {
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/topics").then().statusCode(200)
                .body("name", hasItems("billing", "delivery", "product", "support", "account"));
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
                .then().statusCode(400).body("errors[0].field", is("name"));
    }
}
