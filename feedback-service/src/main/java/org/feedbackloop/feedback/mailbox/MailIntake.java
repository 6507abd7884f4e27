package org.feedbackloop.feedback.mailbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.domain.CustomerAddresses;
import org.feedbackloop.feedback.domain.FeedbackService;
import org.feedbackloop.feedback.domain.Idempotency;
import org.feedbackloop.feedback.domain.IdempotencyKeyReusedException;
import org.feedbackloop.feedback.domain.NewFeedback;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.kit.signing.ReplyReferences;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes a person's message feedback with channel EMAIL, submitted by the mailbox: the sender's address is the
 * contact (writing to the feedback address asks for an answer there, so consent to contact is recorded), and a
 * customer whose verified address it is gets it in their own history. A reply to one of the suite's e-mails about an
 * action (a signed reference in its In-Reply-To or References) continues that action's thread instead of being
 * triaged. The Message-ID is the idempotency key.
 */
@ApplicationScoped
public class MailIntake {

    private static final Logger LOG = Logger.getLogger(MailIntake.class);

    private final FeedbackService feedback;
    private final CustomerAddresses addresses;
    private final ReplyReferences replies;

    MailIntake(FeedbackService feedback, CustomerAddresses addresses, ReplyReferences replies) {
        this.feedback = feedback;
        this.addresses = addresses;
        this.replies = replies;
    }

    /** True when the message became feedback now; false when an earlier round had stored it. */
    Uni<Boolean> store(IncomingMail mail) {
        var reference = "mail:" + mail.messageId();
        var idempotency = new Idempotency(reference, fingerprint(mail));
        return addresses.customerOf(mail.from())
                .flatMap(customer -> feedback.submit(Caller.MAILBOX, new NewFeedback(mail.text(), Channel.EMAIL,
                        null, null, null, mail.from(), mail.from() != null,
                        reference.length() <= NewFeedback.MAX_EXTERNAL_REF ? reference : null, customer,
                        replies.actionRepliedTo(mail.replyTo()).orElse(null)), idempotency))
                .map(submission -> !submission.replayed())
                .onFailure(IdempotencyKeyReusedException.class).recoverWithItem(() -> {
                    LOG.warnf("Another message came with the Message-ID %s: the first one was kept", mail.messageId());
                    return false;
                });
    }

    private static String fingerprint(IncomingMail mail) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(mail.from()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(mail.text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
