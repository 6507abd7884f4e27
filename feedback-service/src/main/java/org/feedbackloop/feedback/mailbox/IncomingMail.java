package org.feedbackloop.feedback.mailbox;

/**
 * One message of the feedback mailbox as the suite reads it.
 *
 * @param kind        whether it is a person's message, or a machine's that is not feedback
 * @param messageId   its {@code Message-ID} (or a digest of the message when it has none): the idempotency key
 * @param from        the sender's address, lower-case; null when there is no usable one
 * @param text        what the person wrote: the plain part (or the HTML one as text), without quoted replies and
 *                    signature, at most {@link MailText#MAX} characters; blank when nothing is left
 * @param attachments how many attachments were left out
 * @param replyTo     its In-Reply-To and References headers, or null: the messages it answers
 */
public record IncomingMail(Kind kind, String messageId, String from, String text, int attachments, String replyTo) {

    public enum Kind {
        /** Written by a person: becomes feedback. */
        PERSONAL,
        /** An automatic answer (RFC 3834 {@code Auto-Submitted}, vacation replies, lists): not feedback. */
        AUTOMATIC,
        /** A delivery status notification (a bounce): not feedback. */
        BOUNCE
    }
}
