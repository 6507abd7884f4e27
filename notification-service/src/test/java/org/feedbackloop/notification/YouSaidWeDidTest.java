package org.feedbackloop.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** Real events in, real e-mail out (the SMTP sink), real inbox items: the loop told to every contributor. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class YouSaidWeDidTest {

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

    private static String address() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A contributor's feedback, received and linked to the action. */
    private void contribution(UUID action, UUID feedback, String contributorId, String email, String text) throws Exception {
        events.publish(Events.feedbackReceived(feedback, contributorId, email, text));
        events.publish(Events.feedbackLinked(action, feedback, "Double charges on invoices", null));
    }

    private static List<Mailbox.Mail> mails(String address, String subjectStart) {
        return Mailbox.of(address).stream().filter(mail -> mail.subject().startsWith(subjectStart)).toList();
    }

    @Test
    void aContributorIsThankedThenToldWhereTheirWordsWentThenWhatWasDone() throws Exception {
        var action = UUID.randomUUID();
        var feedback = UUID.randomUUID();
        var email = address();
        contribution(action, feedback, null, email, "I was charged twice for my March invoice.");

        await().atMost(SOON).until(() -> mails(email, "Thank you, we heard you").size() == 1);
        await().atMost(SOON).until(() -> mails(email, "Your feedback is now tracked").size() == 1);
        assertThat(mails(email, "Your feedback is now tracked").getFirst().readable()).contains("billing team");

        events.publish(Events.statusChanged(action, "Double charges on invoices", "IN_PROGRESS", "DONE",
                "We found the bug and refunded every double charge."));
        await().atMost(SOON).until(() -> mails(email, "You said, we did").size() == 1);
        var mail = mails(email, "You said, we did").getFirst();
        assertThat(mail.subject()).isEqualTo("You said, we did: Double charges on invoices");
        assertThat(mail.readable())
                .contains("I was charged twice for my March invoice.")
                .contains("We found the bug and refunded every double charge.")
                .contains("DONE")
                .contains("List-Unsubscribe:");

        await().atMost(SOON).untilAsserted(() -> assertThat(events.published("notification.delivered"))
                .filteredOn(e -> e.path("data").path("kind").asText().equals("YOU_SAID_WE_DID")
                        && e.path("data").path("feedbackIds").toString().contains(feedback.toString()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path("data").path("actionStatus").asText()).isEqualTo("DONE");
                    assertThat(e.path("data").path("channel").asText()).isEqualTo("EMAIL");
                }));
    }

    @Test
    void everyContributorOfAnActionGetsExactlyOneEmailEvenWhenTheEventComesTwice() throws Exception {
        var action = UUID.randomUUID();
        var first = address();
        var second = address();
        contribution(action, UUID.randomUUID(), null, first, "Charged twice!");
        contribution(action, UUID.randomUUID(), null, second, "My invoice shows the same line twice.");
        await().atMost(SOON).until(() -> mails(second, "Your feedback is now tracked").size() == 1);

        var done = Events.statusChanged(action, "Double charges on invoices", "IN_PROGRESS", "DONE", "Refunded, and fixed.");
        events.publish(done);
        events.publish(done); // redelivered
        await().atMost(SOON).until(() -> mails(first, "You said, we did").size() == 1 && mails(second, "You said, we did").size() == 1);
        events.awaitActionEventsHandled(); // the redelivery was handled, its immediate e-mail (if any) sent
        assertThat(mails(first, "You said, we did")).hasSize(1);
        assertThat(mails(second, "You said, we did")).hasSize(1);
        assertThat(mails(first, "You said, we did").getFirst().readable()).contains("Charged twice!");
        assertThat(mails(second, "You said, we did").getFirst().readable()).contains("the same line twice");
    }

    @Test
    void importedHistoryThatNobodyAskedToTellTellsNobody() throws Exception {
        var action = UUID.randomUUID();
        var quiet = address();
        var heard = address();
        var silent = Events.feedbackReceived(UUID.randomUUID(), null, quiet, "Parcels were always late in 2021.");
        ((com.fasterxml.jackson.databind.node.ObjectNode) silent.path("data")).put("silent", true);
        events.publish(silent);
        events.publish(Events.feedbackLinked(action, UUID.fromString(silent.path("data").path("feedbackId").asText()),
                "Late parcels", null));
        contribution(action, UUID.randomUUID(), null, heard, "My parcel is late again.");
        await().atMost(SOON).until(() -> mails(heard, "Your feedback is now tracked").size() == 1);

        events.publish(Events.statusChanged(action, "Late parcels", "IN_PROGRESS", "DONE", "A second carrier now takes the overflow."));
        await().atMost(SOON).until(() -> mails(heard, "You said, we did").size() == 1);
        events.awaitActionEventsHandled();
        assertThat(Mailbox.of(quiet)).isEmpty();
    }

    @Test
    void aDeclinedActionExplainsWhy() throws Exception {
        var action = UUID.randomUUID();
        var email = address();
        contribution(action, UUID.randomUUID(), null, email, "Please remove the card fee.");
        await().atMost(SOON).until(() -> mails(email, "Your feedback is now tracked").size() == 1);
        events.publish(Events.statusChanged(action, "Card fee", "OPEN", "DECLINED",
                "The fee is what the card network charges us; we cannot waive it."));
        await().atMost(SOON).until(() -> mails(email, "About what you told us").size() == 1);
        assertThat(mails(email, "About what you told us").getFirst().readable())
                .contains("we owe you the reason")
                .contains("what the card network charges us");
    }

    @Test
    void theUnsubscribeLinkWorksWithoutALoginAndStopsEmailButNotTheInbox() throws Exception {
        var action = UUID.randomUUID();
        var email = address();
        var alice = Tokens.subjectOf("alice");
        contribution(action, UUID.randomUUID(), alice, email, "The app logs me out all the time.");
        await().atMost(SOON).until(() -> mails(email, "Your feedback is now tracked").size() == 1);

        var link = Pattern.compile("<(http[^>]+/api/public/unsubscribe\\?token=[^>]+)>")
                .matcher(mails(email, "Your feedback is now tracked").getFirst().content().replaceAll("\\r?\\n\\s", ""));
        assertThat(link.find()).isTrue();
        var path = link.group(1).substring(link.group(1).indexOf("/api/"));
        given().get(path).then().statusCode(200).contentType("text/html");
        given().get(path).then().statusCode(200); // idempotent
        given().get("/api/public/unsubscribe?token=forged.token").then().statusCode(400).contentType("application/problem+json");

        events.publish(Events.statusChanged(action, "Logouts", "IN_PROGRESS", "DONE", "Sessions now last 30 days."));
        await().atMost(SOON).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice"))
                .queryParam("limit", 100).get("/api/me/notifications").then().statusCode(200)
                .body("items.findAll { it.actionId == '" + action + "' }.kind", hasItem("YOU_SAID_WE_DID")));
        events.awaitActionEventsHandled(); // the change was handled to the end, its immediate e-mail (if any) sent
        assertThat(mails(email, "You said, we did")).isEmpty();
        assertThat(new Rows(database).count("select count(*) from notification where action_id = ?::uuid and channel = 'EMAIL'"
                + " and kind = 'YOU_SAID_WE_DID' and status = 'SUPPRESSED'", action.toString())).isEqualTo(1);
    }

    @Test
    void withoutConsentThereIsNoEmailButTheInboxStillTells() throws Exception {
        var action = UUID.randomUUID();
        var bob = Tokens.subjectOf("bob");
        contribution(action, UUID.randomUUID(), bob, null, "Bob's words, no e-mail please.");
        events.publish(Events.statusChanged(action, "Bob's action", "OPEN", "PLANNED", "Planned for next week."));
        await().atMost(SOON).untilAsserted(() -> given().auth().oauth2(Tokens.of("bob"))
                .queryParam("limit", 100).get("/api/me/notifications").then().statusCode(200)
                .body("items.findAll { it.actionId == '" + action + "' }.kind", hasItem("YOU_SAID_WE_DID")));
        assertThat(new Rows(database).count("select count(*) from notification where action_id = ?::uuid and channel = 'EMAIL'",
                action.toString())).isZero();
    }

    @Test
    void preferencesSwitchEmailOffForAPerson() throws Exception {
        var bob = Tokens.subjectOf("bob");
        given().auth().oauth2(Tokens.of("bob")).contentType("application/json")
                .body(Map.of("email", false, "inApp", true, "digest", "IMMEDIATE")).put("/api/me/preferences")
                .then().statusCode(200);
        try {
            var action = UUID.randomUUID();
            var email = address();
            contribution(action, UUID.randomUUID(), bob, email, "Bob again, with an address this time.");
            await().atMost(SOON).untilAsserted(() -> given().auth().oauth2(Tokens.of("bob")).queryParam("limit", 100)
                    .get("/api/me/notifications").then()
                    .body("items.findAll { it.actionId == '" + action + "' }.kind", hasItem("TRACKED")));
            // both events handled to the end, their immediate e-mails (if any) sent
            events.awaitFeedbackEventsHandled();
            events.awaitActionEventsHandled();
            assertThat(Mailbox.of(email)).isEmpty();
        } finally {
            given().auth().oauth2(Tokens.of("bob")).contentType("application/json")
                    .body(Map.of("email", true, "inApp", true, "digest", "IMMEDIATE")).put("/api/me/preferences")
                    .then().statusCode(200);
        }
    }
}
