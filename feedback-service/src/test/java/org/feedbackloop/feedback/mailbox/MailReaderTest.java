package org.feedbackloop.feedback.mailbox;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** How a message of the feedback mailbox is read: raw messages as mail servers deliver them. */
class MailReaderTest {

    private static IncomingMail read(String raw) throws Exception {
        var message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        return MailReader.read(message);
    }

    private static String headers(String extra) {
        return """
                From: Alice Example <Alice@Example.com>
                To: feedback@feedbackloop.local
                Subject: Re: Your feedback is now tracked
                Message-ID: <reply-1@example.com>
                MIME-Version: 1.0
                """ + extra;
    }

    @Test
    void thePlainPartWithoutTheQuotedReplyAndTheSignature() throws Exception {
        var mail = read(headers("""
                Content-Type: text/plain; charset=UTF-8

                The refund still has not arrived.
                It has been two weeks.

                On Mon, 1 Dec 2026 at 10:00, Feedback Loop <noreply@feedbackloop.local>
                wrote:
                > Your feedback is now tracked.
                > Billing: refunds
                """));

        assertThat(mail.kind()).isEqualTo(IncomingMail.Kind.PERSONAL);
        assertThat(mail.from()).isEqualTo("alice@example.com");
        assertThat(mail.messageId()).isEqualTo("<reply-1@example.com>");
        assertThat(mail.text()).isEqualTo("The refund still has not arrived.\nIt has been two weeks.");
        assertThat(mail.attachments()).isZero();
    }

    @Test
    void aSignatureAndInterleavedQuotesAreLeftOut() throws Exception {
        var mail = read(headers("""
                Content-Type: text/plain; charset=UTF-8

                > Did the courier call?
                No, nobody called on Monday.
                --\s
                Alice Example
                Head of Purchasing
                """));

        assertThat(mail.text()).isEqualTo("No, nobody called on Monday.");
    }

    @Test
    void htmlIsReadAsTextAndNothingOfItsMarkupIsKept() throws Exception {
        var mail = read(headers("""
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p { color: red }</style><title>x</title></head><body>
                <p>The invoice <b>total</b> is wrong &amp; late.</p><div>Second line<br>third line</div>
                <script>alert('x')</script><img src="https://tracker.example/p.gif" onerror="alert(1)">
                <blockquote>What we wrote before</blockquote></body></html>
                """));

        assertThat(mail.text()).isEqualTo("The invoice total is wrong & late.\n\nSecond line\nthird line");
    }

    @Test
    void thePlainAlternativeIsPreferredAndAttachmentsAreCountedAndSaidSo() throws Exception {
        var mail = read(headers("""
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8

                The box was crushed, photo attached.
                --inner
                Content-Type: text/html; charset=UTF-8

                <p>The box was <i>crushed</i>, photo attached.</p>
                --inner--
                --outer
                Content-Type: image/jpeg; name="box.jpg"
                Content-Disposition: attachment; filename="box.jpg"
                Content-Transfer-Encoding: base64

                /9j/4AAQSkZJRgABAQAAAQABAAD/
                --outer--
                """));

        assertThat(mail.attachments()).isEqualTo(1);
        assertThat(mail.text()).isEqualTo("The box was crushed, photo attached.\n\n[1 attachment was not kept]");
    }

    @Test
    void automaticAnswersAreNotFeedback() throws Exception {
        assertThat(read(headers("Auto-Submitted: auto-replied\nContent-Type: text/plain\n\nI am out of office.\n")).kind())
                .isEqualTo(IncomingMail.Kind.AUTOMATIC);
        assertThat(read(headers("Precedence: bulk\nContent-Type: text/plain\n\nOur newsletter.\n")).kind())
                .isEqualTo(IncomingMail.Kind.AUTOMATIC);
        assertThat(read(headers("X-Autoreply: yes\nContent-Type: text/plain\n\nAway.\n")).kind())
                .isEqualTo(IncomingMail.Kind.AUTOMATIC);
        assertThat(read(headers("Auto-Submitted: no\nContent-Type: text/plain\n\nA person wrote this.\n")).kind())
                .isEqualTo(IncomingMail.Kind.PERSONAL);
    }

    @Test
    void aDeliveryStatusNotificationIsABounce() throws Exception {
        var mail = read("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: feedback@feedbackloop.local
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.example.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                The message could not be delivered.
                --b
                Content-Type: message/delivery-status

                Final-Recipient: rfc822; gone@example.com
                Action: failed
                Status: 5.1.1
                --b--
                """);

        assertThat(mail.kind()).isEqualTo(IncomingMail.Kind.BOUNCE);
    }

    @Test
    void withoutAMessageIdTheSameMessageGetsTheSameDigest() throws Exception {
        var raw = """
                From: bob@example.com
                Subject: Late parcel
                Content-Type: text/plain

                Parcel 42 is late.
                """;

        assertThat(read(raw).messageId()).startsWith("sha256:").isEqualTo(read(raw).messageId());
        assertThat(read(raw.replace("42", "43")).messageId()).isNotEqualTo(read(raw).messageId());
    }

    @Test
    void aLongMessageIsCutToTheFeedbackLimitAndAnEmptyOneFallsBackToItsOwnSubject() throws Exception {
        var long_ = read(headers("Content-Type: text/plain\n\n" + "word ".repeat(2000) + "\n"));
        assertThat(long_.text()).hasSize(MailText.MAX).endsWith("…");

        var subjectOnly = read("From: gus@example.com\nSubject: The app crashes when I log in\nContent-Type: text/plain\n\n\n");
        assertThat(subjectOnly.text()).isEqualTo("The app crashes when I log in");

        var emptyReply = read(headers("Content-Type: text/plain\n\n> only what we wrote\n"));
        assertThat(emptyReply.text()).as("the subject of a reply is ours").isEmpty();
    }

    @Test
    void controlCharactersAndAnUnknownCharsetDoNotSurvive() throws Exception {
        var mail = read(headers("Content-Type: text/plain; charset=x-unknown\n\nBad\u0007 bell and caf\u00e9.\n"));

        assertThat(mail.text()).isEqualTo("Bad bell and café.");
    }

    @Test
    void theMessagesItAnswersAreReadEvenWhenTheClientEncodedThem() throws Exception {
        var mail = read(headers("""
                In-Reply-To: =?utf-8?q?=3Cr=2E1c998cb4-3ddd-408f-91fb-3c0f6f57dc23=2EmqzTEzm?=
                 =?utf-8?q?BBCK8Wx-=5Fv39szg=2E763de4a7@localh?=
                 =?utf-8?q?ost=3E?=
                References: <earlier@example.com>
                Content-Type: text/plain

                Still not refunded.
                """));

        assertThat(mail.replyTo()).contains("<r.1c998cb4-3ddd-408f-91fb-3c0f6f57dc23.mqzTEzmBBCK8Wx-_v39szg.763de4a7@localhost>")
                .contains("<earlier@example.com>");
        assertThat(read(headers("Content-Type: text/plain\n\nNew words.\n")).replyTo()).isNull();
    }

    @Test
    void hostileMessagesAreReadAsPlainTextOrNotAtAll() throws Exception {
        // 5 MB of HTML with scripts and handlers: cut to the feedback limit, and no markup survives
        var huge = read(headers("Content-Type: text/html\n\n<p onclick=\"steal()\">Refund please</p><script>alert(1)</script>"
                + "<img src=x onerror=alert(2)>" + "<b>more</b> ".repeat(500_000) + "\n"));
        assertThat(huge.text()).startsWith("Refund please").hasSizeLessThanOrEqualTo(MailText.MAX)
                .doesNotContain("<", "script", "alert", "onerror", "steal");

        // broken MIME: a multipart without its closing boundary, a part without headers
        var broken = read(headers("""
                Content-Type: multipart/alternative; boundary="b1"

                --b1

                The parcel never came.
                --b1
                Content-Type: text/html

                <p>The parcel never <i>came</i>.
                """));
        assertThat(broken.text()).contains("The parcel never came.").doesNotContain("<p>", "--b1");

        // a line break smuggled into headers cannot add a recipient or a header of ours: the text is the body's
        var injected = read("From: \"Eve\\r\\nBcc: all@example.com\" <eve@example.com>\n"
                + "Subject: Hello\r\nX-Injected: yes\nContent-Type: text/plain\n\nJust words.\n");
        assertThat(injected.from()).isEqualTo("eve@example.com");
        assertThat(injected.text()).isEqualTo("Just words.");
    }

    @Test
    void anUnusableSenderIsNoContact() throws Exception {
        var mail = read("From: not an address\nSubject: hi\nContent-Type: text/plain\n\nHello.\n");

        assertThat(mail.from()).isNull();
        assertThat(mail.text()).isEqualTo("Hello.");
    }
}
