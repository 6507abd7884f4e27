package org.feedbackloop.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.Mailbox;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code action.kudos-passed}, as action-service publishes it when triage passes praise to a team instead of opening an
 * action: the contributor hears their words reached the team (once, however often the event comes), the team's owner
 * reads them, and the loop insights count the contributor as told and their loop as closed.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KudosTest {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    AgroalDataSource database;

    private Events events;
    private Rows rows;

    @BeforeEach
    void connect() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        events = new Events();
        rows = new Rows(database);
    }

    @AfterEach
    void disconnect() throws Exception {
        events.close();
    }

    @Test
    void theContributorHearsTheirPraiseReachedTheTeamOnceAndTheOwnerReadsIt() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var topic = "kudos-" + run;
        var contributor = "kudos-contributor-" + run;
        var address = "k" + run + "@example.com";
        var feedback = UUID.randomUUID();
        var start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        var received = Events.feedbackReceived(feedback, contributor, address, "Olga in billing sorted it in minutes " + run);
        ((ObjectNode) received.get("data")).put("topic", topic).put("sentiment", 0.9);
        events.publish(received);
        var olivia = Tokens.subjectOf("olivia");
        var kudos = Events.kudosPassed(feedback, "billing", olivia, topic);
        events.publish(kudos);
        events.publish(kudos); // redelivered

        await().atMost(SOON).until(() -> mails(address, "Your kind words reached the billing team").size() == 1);
        events.awaitActionEventsHandled(); // the redelivery too, its immediate e-mail (if any) sent
        assertThat(mails(address, "Your kind words reached the billing team")).singleElement()
                .satisfies(mail -> assertThat(mail.readable()).contains("Olga in billing sorted it in minutes " + run));
        assertThat(rows.count("""
                select count(*) from notification where feedback_ids = array[?::uuid] and kind = 'KUDOS_PASSED'
                  and recipient = ? and data ->> 'team' = 'billing'""", feedback.toString(), "user:" + contributor))
                .as("once in the inbox, once by e-mail").isEqualTo(2);
        assertThat(rows.count("select count(*) from contribution where feedback_id = ? and kudos_team = 'billing' "
                + "and kudos_at is not null and sentiment = 0.9", feedback)).isOne();

        // the owner reads the words, with where they came from; the message names the item (an erasure finds it)
        var items = given().auth().oauth2(Tokens.of("olivia")).queryParam("limit", 100).get("/api/me/notifications")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.kind == 'KUDOS' && it.feedbackIds == ['" + feedback + "'] }", Map.class);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("title")).isEqualTo("Kudos for the billing team");
            var data = (Map<?, ?>) item.get("data");
            assertThat(data.get("quote")).isEqualTo("Olga in billing sorted it in minutes " + run);
            assertThat(data.get("topic")).isEqualTo(topic);
            assertThat(data.get("channel")).isEqualTo("WEB");
        });
        assertThat(rows.count("select count(*) from notification where feedback_ids = array[?::uuid] and kind = 'KUDOS'",
                feedback.toString())).as("the owner has no address here: the inbox only").isOne();

        // told, and the loop closed: praise needs no action
        var group = given().auth().oauth2(Tokens.of("maria")).queryParam("from", start.toString())
                .queryParam("to", start.plus(Duration.ofHours(1)).toString()).get("/api/insights/loop")
                .then().statusCode(200).extract().jsonPath();
        var byTopic = group.getMap("byTopic.find { it.key == '" + topic + "' }");
        assertThat(byTopic).containsEntry("contributors", 1).containsEntry("acknowledged", 1).containsEntry("told", 1)
                .containsEntry("closed", 1);
        assertThat(group.getList("byTeam.key", String.class)).as("the team it was passed to has it").contains("billing");
    }

    @Test
    void kudosForFeedbackNotHereYetWaitForIt() throws Exception {
        var feedback = UUID.randomUUID();
        var topic = "kudos-" + UUID.randomUUID().toString().substring(0, 8);
        events.awaitActionEventsHandled(); // the consumer is idle: it takes the kudos as soon as it is delivered
        events.publish(Events.kudosPassed(feedback, "delivery", null, topic));
        // once no message is ready in its queue the consumer holds the kudos, retried, not acknowledged: nobody told yet
        await().atMost(SOON).until(() -> events.ready("notification-service.action-service") == 0);
        assertThat(rows.count("select count(*) from notification where feedback_ids = array[?::uuid]",
                feedback.toString())).isZero();
        var received = Events.feedbackReceived(feedback, Tokens.subjectOf("alice"), null, "The driver was so kind to me");
        ((ObjectNode) received.get("data")).put("topic", topic);
        events.publish(received);

        await().atMost(SOON).until(() -> rows.count("select count(*) from notification where feedback_ids = array[?::uuid] "
                + "and kind = 'KUDOS_PASSED' and channel = 'IN_APP' and status = 'SENT'", feedback.toString()) == 1);
        // without an owner, the team's inbox
        await().atMost(SOON).until(() -> rows.count("select count(*) from notification where feedback_ids = array[?::uuid] "
                + "and kind = 'KUDOS' and recipient = 'team:delivery'", feedback.toString()) == 1);
    }

    @Test
    void anErasureTakesTheWordsFromTheOwnersKudosToo() throws Exception {
        var word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var feedback = UUID.randomUUID();
        var topic = "kudos-" + UUID.randomUUID().toString().substring(0, 8);
        var received = Events.feedbackReceived(feedback, null, null, "Lovely people " + word + " in billing");
        ((ObjectNode) received.get("data")).put("topic", topic);
        events.publish(received);
        events.publish(Events.kudosPassed(feedback, "billing", Tokens.subjectOf("olivia"), topic));
        await().atMost(SOON).until(() -> rows.count("select count(*) from notification where feedback_ids = array[?::uuid] "
                + "and kind = 'KUDOS' and data ->> 'quote' like ?", feedback.toString(), "%" + word + "%") == 1);

        events.publish(Events.feedbackErased("RETENTION", null, List.of(feedback), null));

        await().atMost(SOON).until(() -> rows.count("select count(*) from notification where feedback_ids = array[?::uuid] "
                + "and kind = 'KUDOS' and data ->> 'quote' = '[redacted]'", feedback.toString()) == 1);
        assertThat(rows.mentions(word)).as("the words").isEmpty();
    }

    private static List<Mailbox.Mail> mails(String address, String subjectStart) {
        return Mailbox.of(address).stream().filter(mail -> mail.subject().startsWith(subjectStart)).toList();
    }
}
