package org.feedbackloop.feedback;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Reading a draft with the sentence model: nothing stored, the same reading as a submission would get. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AnalysisTest {

    @Test
    void aDraftIsReadLikeFeedbackWithoutBeingStored() {
        var response = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"text\": \"Love the new app, hate that my parcel came a week late.\"}")
                .post("/api/feedback/analysis").then().statusCode(200)
                .body("topicByMeaning", is(true))
                .body("sentimentLabel", is("MIXED"))
                .body("parts.size()", is(2))
                .body("problem.space", is("all-minilm-l6-v2-q/problem-v1"))
                .body("problem.vector.size()", is(384))
                .body("nearestTopics.topic", hasItem("delivery"))
                .extract();
        List<Float> parts = response.path("parts.sentiment");
        assertThat(parts.getFirst()).as("love the new app").isGreaterThan(0.5f);
        assertThat(parts.getLast()).as("hate that my parcel came late").isLessThan(-0.5f);
    }

    @Test
    void paraphrasesOfOneProblemAreNearAndAnotherProblemIsNot() {
        var twice = problem("I was billed twice for the same order.");
        var duplicate = problem("You took the money two times for one purchase.");
        var parcel = problem("The courier left my parcel in the rain.");
        assertThat(dot(twice, duplicate)).as("paraphrases").isGreaterThan(0.3);
        assertThat(dot(twice, parcel)).as("different problems").isLessThan(0.15);
    }

    @Test
    void badInputIsRefusedAndOnlyKnownPeopleAsk() {
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON).body("{\"text\": \"\"}")
                .post("/api/feedback/analysis").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("text"));
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"text\": \"" + "a".repeat(5001) + "\"}")
                .post("/api/feedback/analysis").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"text\": \"hello\"}")
                .post("/api/feedback/analysis").then().statusCode(401);
    }

    private static List<Float> problem(String text) {
        return given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                .body("{\"text\": \"" + text + "\"}").post("/api/feedback/analysis").then().statusCode(200)
                .extract().path("problem.vector");
    }

    private static double dot(List<Float> a, List<Float> b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += a.get(i) * b.get(i);
        }
        return sum;
    }
}
