package org.feedbackloop.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedbackloop.feedback.support.Rows;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SubmitFeedbackTest {

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void customerSubmitsFeedbackAndReadsItBack() {
        var id = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("""
                        {"text": "I was charged twice for my invoice and I am still waiting for the refund. Terrible!",
                         "channel": "WEB", "rating": {"scale": "NPS", "score": 2}}""")
                .post("/api/feedback")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", is("RECEIVED"))
                .body("topic", is("billing"))
                .body("sentiment", lessThan(0f))
                .body("channel", is("WEB"))
                .body("rating.scale", is("NPS"))
                .body("rating.score", is(2))
                .body("contact.email", is("alice@example.com"))
                .body("consentToContact", is(true))
                .body("createdAt", notNullValue())
                .extract().path("id");

        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + id)
                .then().statusCode(200)
                .body("id", is(id))
                .body("text", is("I was charged twice for my invoice and I am still waiting for the refund. Terrible!"));
    }

    @Test
    void keepsAnyLanguageAndEmojiExactlyAsWritten() {
        var words = "Lieferung zu spät 😡 — 配送が遅い — «très déçu»";
        var id = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"text\": \"%s\", \"channel\": \"SOCIAL\"}".formatted(words))
                .post("/api/feedback").then().statusCode(201).extract().<String>path("id");
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + id)
                .then().statusCode(200).body("text", is(words));
    }

    @Test
    void answersWithTheLocationOfTheNewItem() {
        var response = given().auth().oauth2(Tokens.of("bob")).contentType(ContentType.JSON)
                .body("{\"text\": \"The courier left my parcel in the rain.\", \"channel\": \"EMAIL\"}")
                .post("/api/feedback")
                .then().statusCode(201).extract();
        assertThat(response.header("Location")).isEqualTo("/api/feedback/" + response.path("id"));
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void derivesTopicAndSentimentFromTheText() {
        given().auth().oauth2(Tokens.of("bob")).contentType(ContentType.JSON)
                .body("{\"text\": \"Delivery was really fast and the parcel arrived in perfect condition, thank you!\", \"channel\": \"IN_APP\"}")
                .post("/api/feedback")
                .then().statusCode(201)
                .body("topic", is("delivery"))
                .body("sentiment", greaterThan(0.3f));
        given().auth().oauth2(Tokens.of("bob")).contentType(ContentType.JSON)
                .body("{\"text\": \"Hello there\", \"channel\": \"SOCIAL\"}")
                .post("/api/feedback")
                .then().statusCode(201)
                .body("topic", is("general"))
                .body("sentiment", is(0f));
    }

    @Test
    void keepsATopicTheSubmitterGives() {
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"text\": \"The app crashes when I pay my invoice\", \"channel\": \"IN_APP\", \"topic\": \"product\"}")
                .post("/api/feedback")
                .then().statusCode(201).body("topic", is("product"));
    }

    @Test
    void integratorImportsFeedbackOnACustomersBehalf() {
        var id = given().auth().oauth2(Tokens.integrator()).contentType(ContentType.JSON)
                .body("""
                        {"text": "Survey: the support agent was patient and helpful.", "channel": "SURVEY",
                         "rating": {"scale": "CSAT", "score": 5}, "contact": {"email": "carol@example.com"},
                         "externalRef": "survey-42/7"}""")
                .post("/api/feedback")
                .then().statusCode(201)
                .body("contact.email", is("carol@example.com"))
                .body("externalRef", is("survey-42/7"))
                .body("topic", is("support"))
                .extract().<String>path("id");
        // staff read it; it belongs to no customer account
        given().auth().oauth2(Tokens.of("maria")).get("/api/feedback/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + id).then().statusCode(404);
    }

    @Test
    void withoutConsentTheContributorIsStillStoredButNotContactable() {
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"text\": \"Just saying the prices went up.\", \"channel\": \"WEB\", \"consentToContact\": false}")
                .post("/api/feedback")
                .then().statusCode(201).body("consentToContact", is(false));
    }

    @Test
    void replayingAnIdempotencyKeyReturnsTheFirstResultWithoutASecondRow() {
        var key = "retry-" + UUID.randomUUID();
        var body = "{\"text\": \"My refund never arrived.\", \"channel\": \"WEB\"}";
        var first = given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/feedback")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().<String>path("id");
        var rows = new Rows(database);
        var before = rows.stored();

        given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/feedback")
                .then().statusCode(201)
                .header("Idempotent-Replayed", is("true"))
                .header("Location", is("/api/feedback/" + first))
                .body("id", equalTo(first));
        assertThat(rows.stored()).isEqualTo(before);
    }

    @Test
    void reusingAnIdempotencyKeyWithAnotherBodyIsRefused() {
        var key = "reuse-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("bob")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"text\": \"First words\", \"channel\": \"WEB\"}").post("/api/feedback")
                .then().statusCode(201);
        var rows = new Rows(database);
        var before = rows.stored();

        given().auth().oauth2(Tokens.of("bob")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"text\": \"Other words\", \"channel\": \"WEB\"}").post("/api/feedback")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("urn:feedbackloop:problem:idempotency-key-reused"))
                .body("status", is(422));
        assertThat(rows.stored()).isEqualTo(before);
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() {
        var key = "shared-" + UUID.randomUUID();
        var body = "{\"text\": \"Same key, different people\", \"channel\": \"WEB\"}";
        var alices = given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/feedback").then().statusCode(201)
                .extract().<String>path("id");
        var bobs = given().auth().oauth2(Tokens.of("bob")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/feedback").then().statusCode(201)
                .extract().<String>path("id");
        assertThat(bobs).isNotEqualTo(alices);
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneItem() throws Exception {
        var key = "race-" + UUID.randomUUID();
        var token = Tokens.of("alice");
        var body = "{\"text\": \"Racing retries of one request\", \"channel\": \"API\"}";
        Callable<String> submit = () -> given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/feedback")
                .then().statusCode(201).extract().path("id");
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = IntStream.range(0, 8).mapToObj(i -> pool.submit(submit)).toList();
            var ids = futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).distinct().toList();
            assertThat(ids).hasSize(1);
        }
        assertThat(new Rows(database).count("select count(*) from feedback where idempotency_key = ?", key)).isEqualTo(1);
    }
}
