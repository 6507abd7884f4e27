package org.feedbackloop.feedback.mailbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.feedback.support.Rows;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.kit.signing.ReplyReferences;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The feedback mailbox on the mail sink (SMTP 3025, IMAP 3143): messages sent to it the way any mail server would
 * deliver them, read by one round of the poller each.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MailboxTest {

    @Inject
    MailboxPoller poller;

    @Inject
    MailIntake intake;

    @Inject
    ReplyReferences replies;

    @Inject
    AgroalDataSource database;

    @ConfigProperty(name = "feedbackloop.feedback.mailbox.username")
    String mailbox;

    private Rows rows;

    @BeforeEach
    void readWhatEarlierRunsLeft() throws Exception {
        rows = new Rows(database);
        poller.poll();
    }

    private MimeMessage message(String from, String messageId, String text) throws Exception {
        var session = Session.getInstance(new Properties());
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox));
        message.setSubject("About my order");
        message.setText(text, "UTF-8");
        return message;
    }

    private void deliver(MimeMessage message) throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", System.getenv().getOrDefault("SMTP_PORT", "3025"));
        var session = Session.getInstance(properties);
        message.saveChanges();
        try (var transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private long items(String marker) {
        return rows.count("select count(*) from feedback where text like ? and channel = 'EMAIL'", "%" + marker + "%");
    }

    @Test
    void aPersonsMessageBecomesFeedbackOnceWithItsSenderAsTheContact() throws Exception {
        var marker = UUID.randomUUID().toString();
        var message = message("Carol.Example@Example.com", "<" + marker + "@example.com>",
                "The refund for order " + marker + " has not arrived.\n\nOn Mon, 1 Dec 2026 at 10:00, us wrote:\n> old");
        deliver(message);
        deliver(message); // a mail server may deliver the same message twice

        var outcomes = poller.poll();

        assertThat(outcomes).containsExactly(MailboxPoller.Outcome.STORED, MailboxPoller.Outcome.ALREADY_STORED);
        assertThat(items(marker)).isEqualTo(1);
        assertThat(rows.count("""
                select count(*) from feedback where text = ? and contact_email = 'carol.example@example.com'
                and consent_to_contact and submitted_by = 'mailbox' and contributor_id is null
                and external_ref = ?""", "The refund for order " + marker + " has not arrived.", "mail:<" + marker + "@example.com>"))
                .isEqualTo(1);
        assertThat(poller.poll()).as("everything read is flagged seen").isEmpty();
    }

    @Test
    void aMessageStoredJustBeforeACrashIsNotStoredAgain() throws Throwable {
        var marker = UUID.randomUUID().toString();
        var message = message("dave@example.com", "<" + marker + "@example.com>", "Parcel " + marker + " is late.");
        deliver(message);
        // the round that stored it died before it flagged the message seen
        VertxContextSupport.subscribeAndAwait(() -> intake.store(new IncomingMail(IncomingMail.Kind.PERSONAL,
                "<" + marker + "@example.com>", "dave@example.com", "Parcel " + marker + " is late.", 0, null)));

        assertThat(poller.poll()).containsExactly(MailboxPoller.Outcome.ALREADY_STORED);
        assertThat(items(marker)).isEqualTo(1);
    }

    @Test
    void anAutomaticAnswerIsNotFeedback() throws Exception {
        var marker = UUID.randomUUID().toString();
        var message = message("erin@example.com", "<" + marker + "@example.com>", "I am away until " + marker);
        message.setHeader("Auto-Submitted", "auto-replied");
        deliver(message);

        assertThat(poller.poll()).containsExactly(MailboxPoller.Outcome.AUTOMATIC);
        assertThat(items(marker)).isZero();
    }

    @Test
    void aCustomersMessageJoinsTheirOwnHistory() throws Exception {
        var alice = Tokens.of("alice");
        given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("text", "The portal logs me out every five minutes.", "channel", "WEB"))
                .post("/api/feedback").then().statusCode(201); // her token's verified address is now known
        var marker = UUID.randomUUID().toString();
        deliver(message("Alice@Example.com", "<" + marker + "@example.com>", "And invoice " + marker + " is wrong."));

        assertThat(poller.poll()).containsExactly(MailboxPoller.Outcome.STORED);
        given().auth().oauth2(alice).get("/api/feedback?channel=EMAIL&limit=50").then().statusCode(200)
                .body("items.text", hasItem("And invoice " + marker + " is wrong."));
        given().auth().oauth2(Tokens.of("bob")).get("/api/feedback?channel=EMAIL&limit=50").then().statusCode(200)
                .body("items.text", not(hasItem("And invoice " + marker + " is wrong.")));
    }

    @Test
    void aReplyToOneOfOurEmailsContinuesTheActionsThreadAndAForgedOneDoesNot() throws Exception {
        var action = UUID.randomUUID();
        var ours = replies.messageId(action, UUID.randomUUID(), "localhost").orElseThrow();
        var reply = UUID.randomUUID().toString();
        var answer = message("gina@example.com", "<" + reply + "@example.com>", "It still fails, reply " + reply + ".");
        answer.setHeader("In-Reply-To", ours);
        answer.setHeader("References", "<earlier@example.com> " + ours);
        deliver(answer);
        var forged = UUID.randomUUID().toString();
        var other = message("gina@example.com", "<" + forged + "@example.com>", "Forged reply " + forged + ".");
        other.setHeader("In-Reply-To", ours.replace("<r." + action, "<r." + UUID.randomUUID()));
        deliver(other);

        assertThat(poller.poll()).containsExactly(MailboxPoller.Outcome.STORED, MailboxPoller.Outcome.STORED);
        assertThat(rows.count("select count(*) from feedback where text like ? and follow_up_of_action = ?",
                "%" + reply + "%", action)).isEqualTo(1);
        assertThat(rows.count("select count(*) from feedback where text like ? and follow_up_of_action is null",
                "%" + forged + "%")).isEqualTo(1);
    }

    @Test
    void anotherReplicaReadingTheMailboxMakesThisOneSkipItsRound() throws Exception {
        var marker = UUID.randomUUID().toString();
        deliver(message("frank@example.com", "<" + marker + "@example.com>", "Checkout " + marker + " fails."));
        try (var other = database.getConnection(); var lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, 0x6d61696c626f78L);
            lock.execute();
            assertThat(poller.poll()).isEmpty();
            assertThat(items(marker)).isZero();
            try (var unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, 0x6d61696c626f78L);
                unlock.execute();
            }
        }

        assertThat(poller.poll()).containsExactly(MailboxPoller.Outcome.STORED);
        assertThat(items(marker)).isEqualTo(1);
    }
}
