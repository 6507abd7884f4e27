package org.feedbackloop.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.Mailbox;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Surveys: invitations by e-mail, one answer per signed link within its time, the answer announced. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SurveyTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource database;

    private Events events;

    @BeforeEach
    void connect() throws Exception {
        events = new Events();
    }

    @AfterEach
    void disconnect() throws Exception {
        events.close();
    }

    private static String survey(String scale, String topic) {
        var body = topic == null
                ? "{\"name\": \"Your delivery\", \"scale\": \"" + scale + "\"}"
                : "{\"name\": \"Your delivery\", \"scale\": \"" + scale + "\", \"topic\": \"" + topic + "\"}";
        return given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON).body(body)
                .post("/api/surveys").then().statusCode(201).extract().path("id");
    }

    private static void invite(String surveyId, String token, String recipients, int invited, int already) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"recipients\": " + recipients + "}")
                .post("/api/surveys/" + surveyId + "/invitations")
                .then().statusCode(200).body("invited", is(invited)).body("alreadyInvited", is(already));
    }

    /** The token of the link in the invitation e-mail that reached {@code address}. */
    private static String tokenFrom(String address) {
        await().atMost(SOON).until(() -> Mailbox.of(address).stream().anyMatch(m -> m.subject().startsWith("A quick question")));
        var mail = Mailbox.of(address).stream().filter(m -> m.subject().startsWith("A quick question")).findFirst().orElseThrow();
        var link = Pattern.compile("(http\\S+/survey\\?token=(\\S+))").matcher(mail.readable());
        assertThat(link.find()).as("a survey link in " + mail.readable()).isTrue();
        return URLDecoder.decode(link.group(2), StandardCharsets.UTF_8);
    }

    private static String address() {
        return "s" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void anInvitationIsAnsweredOnceAndTheAnswerIsAnnounced() {
        var id = survey("CSAT", "delivery");
        var ann = address();
        var ben = address();
        invite(id, Tokens.of("maria"), "[{\"email\": \"" + ann + "\", \"customerId\": \"" + Tokens.subjectOf("alice")
                + "\"}, {\"email\": \"" + ben + "\"}]", 2, 0);
        // asked once: the same address again (in another case) changes nothing
        invite(id, Tokens.integrator(), "[{\"email\": \"" + ann.toUpperCase() + "\"}]", 0, 1);

        var token = tokenFrom(ann);
        given().get("/api/public/surveys/{token}", token).then().statusCode(200)
                .body("surveyName", is("Your delivery"))
                .body("question", is("How satisfied are you with your delivery?"))
                .body("reasonQuestion", is("What is the main reason for your score?"))
                .body("lowest", is(1)).body("highest", is(5));
        given().contentType(ContentType.JSON).body("{\"score\": 6}").post("/api/public/surveys/{token}", token)
                .then().statusCode(400).body("detail", containsString("from 1 to 5"));
        given().contentType(ContentType.JSON).body("{\"score\": 2, \"reason\": \"The parcel came three days late.\"}")
                .post("/api/public/surveys/{token}", token).then().statusCode(204);

        await().atMost(SOON).until(() -> !events.published("notification.survey-answered").isEmpty());
        var answered = events.published("notification.survey-answered").stream()
                .filter(e -> e.path("data").path("contactEmail").asText().equals(ann)).findFirst().orElseThrow().path("data");
        assertThat(answered.path("surveyId").asText()).isEqualTo(id);
        assertThat(answered.path("scale").asText()).isEqualTo("CSAT");
        assertThat(answered.path("score").asInt()).isEqualTo(2);
        assertThat(answered.path("reason").asText()).isEqualTo("The parcel came three days late.");
        assertThat(answered.path("topic").asText()).isEqualTo("delivery");
        assertThat(answered.path("contributorId").asText()).isEqualTo(Tokens.subjectOf("alice"));

        // a link is good for one answer
        given().contentType(ContentType.JSON).body("{\"score\": 5}").post("/api/public/surveys/{token}", token)
                .then().statusCode(409).contentType(containsString("problem+json"));
        given().get("/api/public/surveys/{token}", token).then().statusCode(409);

        given().auth().oauth2(Tokens.of("maria")).get("/api/surveys/" + id).then().statusCode(200)
                .body("invited", is(2)).body("answered", is(1)).body("responseRate", is(0.5f));
        given().auth().oauth2(Tokens.of("maria")).get("/api/surveys").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.answered", is(1));
        // the customer named also finds the invitation in their inbox
        given().auth().oauth2(Tokens.of("alice")).get("/api/me/notifications?limit=100").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItem("SURVEY_INVITATION"));
    }

    @Test
    void aLinkThatRanOutOrWasChangedIsRefusedPlainly() {
        var id = survey("NPS", null);
        var cam = address();
        invite(id, Tokens.of("maria"), "[{\"email\": \"" + cam + "\"}]", 1, 0);
        var token = tokenFrom(cam);

        var altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        given().get("/api/public/surveys/{token}", altered).then().statusCode(404)
                .body("detail", containsString("not a survey link of ours"));
        given().contentType(ContentType.JSON).body("{\"score\": 9}").post("/api/public/surveys/{token}", altered)
                .then().statusCode(404);

        new Rows(database).execute("update survey_invitation set expires_at = now() - interval '1 minute' where email = ?", cam);
        given().get("/api/public/surveys/{token}", token).then().statusCode(410).body("detail", containsString("closed"));
        given().contentType(ContentType.JSON).body("{\"score\": 9}").post("/api/public/surveys/{token}", token)
                .then().statusCode(410);
        assertThat(new Rows(database).count("select count(*) from survey_invitation where email = ? and answered_at is not null", cam))
                .isZero();
    }

    @Test
    void aSurveyTriggeredByTheRoutingKeyAsksAnActionsContributorsOnceItIsDone() throws Exception {
        String id = given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                .body("{\"name\": \"How we handled your issue\", \"scale\": \"CSAT\", \"trigger\": \"action.status-changed\"}")
                .post("/api/surveys").then().statusCode(201).body("trigger", is("action.status-changed")).extract().path("id");
        try {
            askedWhenAnActionIsDone(id);
        } finally {
            // other tests' actions close too: their contributors would get this survey in a digest with the news
            new Rows(database).execute("update survey set trigger = null where id = ?", UUID.fromString(id));
        }
    }

    private void askedWhenAnActionIsDone(String id) throws Exception {
        var action = UUID.randomUUID();
        var dee = address();
        var feedback = UUID.randomUUID();
        events.publish(Events.feedbackReceived(feedback, null, dee, "Exports fail every time."));
        events.publish(Events.feedbackLinked(action, feedback, "Exports", null));
        await().atMost(SOON).until(() -> Mailbox.of(dee).stream().anyMatch(m -> m.subject().startsWith("Your feedback is now tracked")));
        assertThat(Mailbox.of(dee)).noneMatch(m -> m.subject().startsWith("A quick question"));

        var done = Events.statusChanged(action, "Exports", "IN_PROGRESS", "DONE", "Exports work again.");
        events.publish(done);
        events.publish(done); // redelivered
        var token = tokenFrom(dee);
        events.awaitActionEventsHandled();
        assertThat(Mailbox.of(dee)).filteredOn(m -> m.subject().startsWith("A quick question")).hasSize(1);
        given().get("/api/public/surveys/{token}", token).then().statusCode(200)
                .body("surveyName", is("How we handled your issue"));
        given().auth().oauth2(Tokens.of("maria")).get("/api/surveys/" + id).then().body("invited", is(1));
    }

    @Test
    void onlyStaffDefineSurveysAndABadBodyIsAProblem() {
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"scale\": \"NPS\"}").post("/api/surveys").then().statusCode(403);
        given().auth().oauth2(Tokens.integrator()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"scale\": \"NPS\"}").post("/api/surveys").then().statusCode(403);
        given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"scale\": \"STARS\", \"validForDays\": 0, \"trigger\": \"order.shipped\"}")
                .post("/api/surveys").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "scale", "validForDays", "trigger"));
        var id = survey("NPS", null);
        given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                .body("{\"recipients\": [{\"email\": \"not an address\"}]}").post("/api/surveys/" + id + "/invitations")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.of("maria")).contentType(ContentType.JSON)
                .body("{\"recipients\": []}").post("/api/surveys/" + id + "/invitations").then().statusCode(400);
        given().auth().oauth2(Tokens.of("maria")).get("/api/surveys/" + UUID.randomUUID()).then().statusCode(404);
    }
}
