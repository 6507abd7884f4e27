package org.feedbackloop.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.feedbackloop.notification.email.EmailSender;
import org.feedbackloop.kit.signing.ReplyReferences;
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
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Nothing is dropped: a mail server outage delays e-mail without duplicates; digests gather a day's news. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EmailDeliveryTest {

    @Inject
    AgroalDataSource database;

    @Inject
    EmailSender sender;

    @Inject
    ReplyReferences replies;

    private Events events;

    @BeforeEach
    void connect() throws Exception {
        events = new Events();
    }

    @AfterEach
    void disconnect() throws Exception {
        TestInfrastructure.smtpProxy().restore();
        events.close();
    }

    private static String address() {
        return "d" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A reply to "now tracked" names it in In-Reply-To: its Message-ID carries the action, signed. */
    @Test
    void anEmailAboutAnActionCarriesASignedReferenceToItInItsMessageId() throws Throwable {
        var email = address();
        var action = UUID.randomUUID();
        var feedback = UUID.randomUUID();
        events.publish(Events.feedbackReceived(feedback, null, email, "Where is my refund?"));
        events.publish(Events.feedbackLinked(action, feedback, "Refunds", null));

        await().atMost(Duration.ofSeconds(15)).until(() -> Mailbox.of(email).stream()
                .anyMatch(mail -> mail.subject().startsWith("Your feedback is now tracked")));
        var tracked = Mailbox.of(email).stream()
                .filter(mail -> mail.subject().startsWith("Your feedback is now tracked")).findFirst().orElseThrow();
        var messageId = tracked.content().lines().filter(line -> line.regionMatches(true, 0, "Message-ID:", 0, 11))
                .findFirst().orElseThrow();
        assertThat(messageId).contains("<r." + action + ".");
        assertThat(replies.actionRepliedTo(messageId)).contains(action);
        assertThat(replies.actionRepliedTo(messageId.replace("<r." + action, "<r." + UUID.randomUUID())))
                .as("another action under the same signature").isEmpty();
    }

    @Test
    void aMailServerOutageIsRetriedWithBackOffAndEndsInExactlyOneEmail() throws Throwable {
        var email = address();
        var feedback = UUID.randomUUID();
        TestInfrastructure.smtpProxy().cut();
        events.publish(Events.feedbackReceived(feedback, null, email, "Sent while the mail server is away"));

        var rows = new Rows(database);
        var sql = "select count(*) from notification where email = ? and status = 'FAILED' and attempts >= 1 and next_attempt_at > now()";
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.count(sql, email) == 1);
        given().get("/q/metrics").then().body(containsString("notifications_email_failures_total"));
        assertThat(Mailbox.of(email)).isEmpty();

        TestInfrastructure.smtpProxy().restore();
        // the retry is due after its back-off; run the sender as the clock would then
        VertxContextSupport.subscribeAndAwait(() -> sender.sendDue(Instant.now().plus(Duration.ofHours(2))));
        await().atMost(Duration.ofSeconds(10)).until(() -> Mailbox.of(email).size() == 1);
        // sendDue returns once the SMTP server accepted what it sent, and the mail sink stores a message before it
        // accepts it: a second e-mail from this run would be in the mailbox now
        VertxContextSupport.subscribeAndAwait(() -> sender.sendDue(Instant.now().plus(Duration.ofHours(3))));
        assertThat(Mailbox.of(email)).hasSize(1);
        // when the dispatcher sent it, its transaction commits just after the SMTP server accepted the e-mail
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows.count(
                "select count(*) from notification where email = ? and status = 'SENT' and attempts >= 2", email)).isEqualTo(1));
    }

    /** A newer e-mail waits behind an older one to the same person that waits for its retry: never out of order. */
    @Test
    void oneAddressesEmailsGoOutInTheOrderTheyWereWrittenAfterAnOutage() throws Throwable {
        var email = address();
        var feedback = UUID.randomUUID();
        var rows = new Rows(database);
        TestInfrastructure.smtpProxy().cut();
        events.publish(Events.feedbackReceived(feedback, null, email, "Written while the mail server is away"));
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.count(
                "select count(*) from notification where email = ? and status = 'FAILED' and next_attempt_at > now()", email) == 1);

        TestInfrastructure.smtpProxy().restore();
        events.publish(Events.feedbackLinked(UUID.randomUUID(), feedback, "Refunds", null));
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.count(
                "select count(*) from notification where email = ? and channel = 'EMAIL'", email) == 2);
        // the newer one is due and the mail server answers, but the older one's retry is not due yet
        VertxContextSupport.subscribeAndAwait(() -> sender.sendDue(Instant.now()));
        assertThat(Mailbox.of(email)).as("nothing may overtake the e-mail waiting for its retry").isEmpty();

        VertxContextSupport.subscribeAndAwait(() -> sender.sendDue(Instant.now().plus(Duration.ofHours(2))));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Mailbox.of(email).isEmpty());
        var written = rows.strings("select id::text from notification where email = ? and channel = 'EMAIL' order by created_at", email);
        var received = Mailbox.of(email).stream()
                .flatMap(mail -> mail.content().lines().filter(line -> line.startsWith("X-Feedbackloop-Notification:"))
                        .flatMap(line -> java.util.Arrays.stream(line.substring(line.indexOf(':') + 1).split(","))))
                .map(String::strip).toList();
        assertThat(received).as("the notifications in the order the mailbox got them").containsExactlyElementsOf(written);
    }

    @Test
    void aMailServerThatHangsHoldsUpNoEventAndEachEmailGoesOutOnceItAnswers() throws Throwable {
        var emails = List.of(address(), address(), address());
        TestInfrastructure.smtpProxy().stall();
        for (var email : emails) {
            events.publish(Events.feedbackReceived(UUID.randomUUID(), null, email, "Sent while the mail server hangs"));
        }

        // every event is handled (its e-mail queued) while the mail server has not answered once: sending is not
        // in the consumers' path
        var rows = new Rows(database);
        await().atMost(Duration.ofSeconds(10)).until(() -> emails.stream().allMatch(email ->
                rows.count("select count(*) from notification where email = ? and channel = 'EMAIL'", email) == 1));
        assertThat(emails).allSatisfy(email -> assertThat(Mailbox.of(email)).isEmpty());

        TestInfrastructure.smtpProxy().restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> emails.stream().allMatch(email -> Mailbox.of(email).size() == 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> emails.stream().allMatch(email -> rows.count(
                "select count(*) from notification where email = ? and status = 'SENT'", email) == 1));
        assertThat(emails).allSatisfy(email -> assertThat(Mailbox.of(email)).hasSize(1));
    }

    @Test
    void aDailyDigestGathersTheDaysNotificationsIntoOneEmail() throws Throwable {
        var email = address();
        var bob = Tokens.subjectOf("bob");
        given().auth().oauth2(Tokens.of("bob")).contentType("application/json")
                .body(Map.of("email", true, "inApp", true, "digest", "DAILY")).put("/api/me/preferences").then().statusCode(200);
        try {
            var action = UUID.randomUUID();
            var feedback = UUID.randomUUID();
            events.publish(Events.feedbackReceived(feedback, bob, email, "Digest words"));
            events.publish(Events.feedbackLinked(action, feedback, "Digest action", null));
            var rows = new Rows(database);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    rows.count("select count(*) from notification where email = ? and status = 'PENDING'", email) == 2);
            // a run of the sender as its tick runs it (the clock now), after the two were queued: it sends what is due,
            // and returns once the SMTP server accepted it (the mail sink stores a message before it accepts it)
            VertxContextSupport.subscribeAndAwait(() -> sender.sendDue(Instant.now()));
            assertThat(Mailbox.of(email)).as("nothing before the digest hour").isEmpty();

            var digestTime = Instant.now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)
                    .atTime(LocalTime.of(8, 1)).toInstant(ZoneOffset.UTC);
            VertxContextSupport.subscribeAndAwait(() -> sender.sendDue(digestTime));
            await().atMost(Duration.ofSeconds(10)).until(() -> Mailbox.of(email).size() == 1);
            var digest = Mailbox.of(email).getFirst();
            assertThat(digest.subject()).isEqualTo("Feedback Loop: 2 updates for you");
            assertThat(digest.readable()).contains("Thank you, we heard you").contains("Digest action");
        } finally {
            given().auth().oauth2(Tokens.of("bob")).contentType("application/json")
                    .body(Map.of("email", true, "inApp", true, "digest", "IMMEDIATE")).put("/api/me/preferences");
        }
    }

    @Test
    void retriesBackOffExponentiallyWithJitterUpToTheCap() {
        var first = sender.backoffFor(1);
        var third = sender.backoffFor(3);
        assertThat(third).isGreaterThan(first.multipliedBy(3));
        for (int attempt = 1; attempt < 30; attempt++) {
            assertThat(sender.backoffFor(attempt)).isLessThanOrEqualTo(Duration.ofHours(1).plus(Duration.ofMinutes(7)));
        }
    }
}
