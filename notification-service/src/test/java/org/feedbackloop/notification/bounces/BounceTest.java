package org.feedbackloop.notification.bounces;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.notification.domain.EmailSuppression;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery reports in the bounce mailbox on the mail sink (SMTP 3025, IMAP 3143), read by one round each: an address
 * that failed for good gets no more e-mail, its notifications SUPPRESSED with the reason.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BounceTest {

    @Inject
    BounceMailbox bounces;

    @Inject
    AgroalDataSource database;

    @ConfigProperty(name = "feedbackloop.notifications.bounces.username")
    String mailbox;

    private Events events;
    private Rows rows;

    @BeforeEach
    void readWhatEarlierRunsLeft() throws Exception {
        events = new Events();
        rows = new Rows(database);
        bounces.poll();
    }

    @AfterEach
    void disconnect() throws Exception {
        events.close();
    }

    private void deliverReport(String recipient, String action, String status) throws Exception {
        var raw = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.example.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; %s
                Action: %s
                Status: %s (mailbox unknown)
                --b--
                """.formatted(mailbox, UUID.randomUUID(), recipient, action, status).replace("\n", "\r\n");
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", System.getenv().getOrDefault("SMTP_PORT", "3025"));
        var session = Session.getInstance(properties);
        var message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        try (var transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Test
    void anAddressThatFailedForGoodGetsNoMoreEmail() throws Exception {
        var gone = "gone." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        deliverReport(gone.toUpperCase(), "failed", "5.1.1");

        assertThat(bounces.poll()).containsExactly(BounceMailbox.Outcome.SUPPRESSED);
        assertThat(rows.count("select count(*) from email_suppression where email = ? and reason = 'BOUNCED'", gone))
                .isEqualTo(1);

        events.publish(Events.feedbackReceived(UUID.randomUUID(), null, gone, "Written before the address died"));
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.count("""
                select count(*) from notification where email = ? and channel = 'EMAIL' and status = 'SUPPRESSED'
                and last_error like 'mail to the address failed for good%'""", gone) == 1);
        assertThat(bounces.poll()).as("the report was flagged seen").isEmpty();
    }

    @Test
    void anErasedPersonsAddressKeptAsAHashStaysSuppressedAndAHash() throws Exception {
        var erased = "erased." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        // as feedback.erased left it: the suppression kept only as the address's hash
        rows.execute("insert into email_suppression (email, created_at, reason) values (?, now(), 'UNSUBSCRIBED')",
                EmailSuppression.hashed(erased));

        deliverReport(erased, "failed", "5.1.1");
        assertThat(bounces.poll()).containsExactly(BounceMailbox.Outcome.SUPPRESSED);
        assertThat(rows.count("select count(*) from email_suppression where email = ?", erased))
                .as("not stored again as the address").isZero();

        events.publish(Events.feedbackReceived(UUID.randomUUID(), null, erased.toUpperCase(), "Written after the erasure"));
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.count("""
                select count(*) from notification where lower(email) = ? and channel = 'EMAIL' and status = 'SUPPRESSED'
                and last_error = 'the address unsubscribed'""", erased) == 1);
    }

    @Test
    void aDelayIsNotAFailure() throws Exception {
        var late = "late." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        deliverReport(late, "delayed", "4.4.1");

        assertThat(bounces.poll()).containsExactly(BounceMailbox.Outcome.NOT_PERMANENT);
        assertThat(rows.count("select count(*) from email_suppression where email = ?", late)).isZero();
    }
}
