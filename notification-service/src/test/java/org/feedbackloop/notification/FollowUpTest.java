package org.feedbackloop.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.notification.email.FollowUpLinks;
import org.feedbackloop.notification.email.LinkTokens;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.Mailbox;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** "Did this solve it?": the one-click links of a done action's e-mail, answered without a login. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FollowUpTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource database;

    @Inject
    FollowUpLinks followUps;

    @Inject
    LinkTokens tokens;

    private Events events;

    @BeforeEach
    void connect() throws Exception {
        events = new Events();
    }

    @AfterEach
    void disconnect() throws Exception {
        events.close();
    }

    /** A contributor's feedback on an action that is then done with a public note; returns the e-mail's text. */
    private String doneMail(UUID action, UUID feedback, String email, String title) throws Exception {
        events.publish(Events.feedbackReceived(feedback, Tokens.subjectOf("alice"), email, "Exports time out after a minute."));
        events.publish(Events.feedbackLinked(action, feedback, title, null));
        events.publish(Events.statusChanged(action, title, "IN_PROGRESS", "DONE", "Exports now stream; no more time-outs."));
        await().atMost(SOON).until(() -> !mails(email, "You said, we did").isEmpty());
        return mails(email, "You said, we did").getFirst().readable();
    }

    private static List<Mailbox.Mail> mails(String address, String subjectStart) {
        return Mailbox.of(address).stream().filter(mail -> mail.subject().startsWith(subjectStart)).toList();
    }

    private static String link(String mail, String answer) {
        var found = Pattern.compile(answer + ":\\s+(http\\S+/api/public/follow-up\\S+)").matcher(mail);
        assertThat(found.find()).as("a '" + answer + "' link in the e-mail").isTrue();
        return found.group(1).substring(found.group(1).indexOf("/api/"));
    }

    private static String address() {
        return "f" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aNoGoesBackAsFeedbackOfTheActionAndReachesTheOwnerOnce() throws Exception {
        var action = UUID.randomUUID();
        var feedback = UUID.randomUUID();
        var mail = doneMail(action, feedback, address(), "Export time-outs");
        var no = link(mail, "No");
        assertThat(link(mail, "Yes")).contains("answer=yes");

        given().get(no).then().statusCode(200).contentType("text/html").body(containsString("Thank you"));
        given().get(no).then().statusCode(200); // a second click, or a mail scanner: nothing more happens
        given().get(no.replace("answer=no", "answer=yes")).then().statusCode(200); // the first answer counts

        await().atMost(SOON).untilAsserted(() -> assertThat(events.published("notification.follow-up-answered"))
                .filteredOn(e -> e.path("data").path("feedbackId").asText().equals(feedback.toString()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path("data").path("actionId").asText()).isEqualTo(action.toString());
                    assertThat(e.path("data").path("solved").asBoolean()).isFalse();
                    assertThat(e.path("subject").asText()).isEqualTo(action.toString());
                }));
        await().atMost(SOON).untilAsserted(() -> assertThat(given().auth().oauth2(Tokens.of("olivia"))
                .queryParam("limit", 100).get("/api/me/notifications").then().statusCode(200).extract()
                .<List<String>>path("items.findAll { it.actionId == '" + action + "' }.kind"))
                .containsExactly("FOLLOW_UP_NOT_SOLVED"));
        assertThat(new Rows(database).count("select count(*) from follow_up_answer where feedback_id = ? and not solved",
                feedback)).isEqualTo(1);
    }

    @Test
    void aYesIsRecordedWithoutBotheringTheOwner() throws Exception {
        var action = UUID.randomUUID();
        var feedback = UUID.randomUUID();
        var yes = link(doneMail(action, feedback, address(), "Slow search"), "Yes");

        given().get(yes).then().statusCode(200).body(containsString("glad"));

        await().atMost(SOON).untilAsserted(() -> assertThat(events.published("notification.follow-up-answered"))
                .filteredOn(e -> e.path("data").path("feedbackId").asText().equals(feedback.toString()))
                .singleElement()
                .satisfies(e -> assertThat(e.path("data").path("solved").asBoolean()).isTrue()));
        assertThat(new Rows(database).count("select count(*) from notification where action_id = ? and kind = 'FOLLOW_UP_NOT_SOLVED'",
                action)).isZero();
    }

    @Test
    void theAnswerFiledAsFeedbackIsNotThankedOrTrackedAgain() throws Exception {
        var action = UUID.randomUUID();
        var original = UUID.randomUUID();
        var email = address();
        doneMail(action, original, email, "Broken receipts");
        var answer = Events.feedbackReceived(UUID.randomUUID(), Tokens.subjectOf("alice"), email, "Did this solve it? No.");
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer.get("data")).put("followUpOfAction", action.toString());
        events.publish(answer);
        events.publish(Events.feedbackLinked(action, UUID.fromString(answer.path("data").path("feedbackId").asText()),
                "Broken receipts", null));

        await().atMost(SOON).until(() -> new Rows(database).count(
                "select count(*) from contribution where follow_up_of_action = ? and action_id is not null", action) == 1);
        assertThat(mails(email, "Thank you, we heard you")).hasSize(1); // for the original only
        assertThat(mails(email, "Your feedback is now tracked")).hasSize(1);
    }

    @Test
    void aLinkThatIsNotOursIsRefused() throws Exception {
        var no = link(doneMail(UUID.randomUUID(), UUID.randomUUID(), address(), "Typos in the app"), "No");
        var token = no.substring(no.indexOf("token=") + "token=".length());

        given().get("/api/public/follow-up?answer=no&token=forged.token").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/public/follow-up?answer=no&token=" + token.substring(0, token.length() - 4) + "AAAA")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/public/follow-up?answer=maybe&token=" + token).then().statusCode(400)
                .contentType("application/problem+json").body(containsString("answer"));
        given().get("/api/public/follow-up?answer=no").then().statusCode(400).contentType("application/problem+json");
    }

    private static String tokenOf(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }

    private static String answering(String answer, String token) {
        return "/api/public/follow-up?answer=" + answer + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Test
    void aLinkWorksForItsDaysThenAnswersGoneAndRecordsNothing() throws Exception {
        var action = UUID.randomUUID();
        var feedback = UUID.randomUUID();
        var before = Instant.now();
        var no = link(doneMail(action, feedback, address(), "Late receipts"), "No");

        // the e-mail's link carries its end: FOLLOW_UP_VALID_DAYS (30 by default) after the message was written
        var question = followUps.read(tokenOf(no)).orElseThrow();
        assertThat(question.expiresAt()).isBetween(before.plus(Duration.ofDays(30)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(30)));

        var expired = followUps.token(feedback, action, "Late receipts", Instant.now().minusSeconds(1));
        given().get(answering("no", expired)).then().statusCode(410).contentType("text/html")
                .body(containsString("expired"), containsString("nothing was recorded"));
        given().get(answering("yes", expired)).then().statusCode(410);
        assertThat(new Rows(database).count("select count(*) from follow_up_answer where feedback_id = ?", feedback)).isZero();

        given().get(no).then().statusCode(200); // the e-mail's own link still works
        assertThat(new Rows(database).count("select count(*) from follow_up_answer where feedback_id = ? and not solved",
                feedback)).isEqualTo(1);
        given().get(answering("yes", expired)).then().statusCode(410); // and expired stays expired, answered or not
    }

    @Test
    void aLinkMadeBeforeLinksExpiredWorksForAsLongFromItsEmail() throws Exception {
        var action = UUID.randomUUID();
        var feedback = UUID.randomUUID();
        doneMail(action, feedback, address(), "Old links");
        // the token of an e-mail sent before tokens carried an end: feedback, action, title
        var old = tokens.sign("follow-up", feedback.toString(), action.toString(), "Old links");
        assertThat(followUps.read(old).orElseThrow().expiresAt()).isNull();

        given().get(answering("yes", old)).then().statusCode(200).body(containsString("glad"));
        assertThat(new Rows(database).count("select count(*) from follow_up_answer where feedback_id = ? and solved",
                feedback)).isEqualTo(1);

        // one whose e-mail is not (or no longer) here, or was written more than the days ago, has run out
        var unknown = UUID.randomUUID();
        given().get(answering("no", tokens.sign("follow-up", unknown.toString(), action.toString(), "Old links")))
                .then().statusCode(410).contentType("text/html");
        assertThat(new Rows(database).count("select count(*) from follow_up_answer where feedback_id = ?", unknown)).isZero();
        new Rows(database).execute("update notification set created_at = created_at - interval '31 days' "
                + "where action_id = ? and kind = 'YOU_SAID_WE_DID'", action);
        given().get(answering("no", old)).then().statusCode(410);
    }
}
