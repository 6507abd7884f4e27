package org.feedbackloop.feedback.mailbox;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a message of the feedback mailbox: who sent it, what they wrote, and whether a person wrote it at all. An
 * automatic answer (RFC 3834 {@code Auto-Submitted} other than {@code no}, {@code X-Autoreply}, {@code Precedence}
 * bulk, junk, list or auto_reply) and a delivery status notification (RFC 3464 {@code multipart/report}, or a
 * mailer daemon's message) are not feedback. Attachments, inline images and forwarded messages are counted and
 * left out.
 */
final class MailReader {

    private static final int MAX_MESSAGE_ID = 250;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}]+");
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^\\s*((re|fwd?|aw|wg|sv|tr)\\s*:\\s*)+");
    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> MAILER_DAEMONS = Set.of("mailer-daemon", "postmaster");

    private MailReader() {
    }

    static IncomingMail read(MimeMessage message) throws MessagingException, IOException {
        var id = messageId(message);
        var from = sender(message);
        if (isBounce(message, from)) {
            return new IncomingMail(IncomingMail.Kind.BOUNCE, id, from, "", 0, null);
        }
        if (isAutomatic(message)) {
            return new IncomingMail(IncomingMail.Kind.AUTOMATIC, id, from, "", 0, null);
        }
        var body = new Body();
        body.collect(message);
        var text = body.plain != null ? MailText.fromPlain(body.plain) : body.html != null ? MailText.fromHtml(body.html) : "";
        var subject = message.getSubject();
        if (text.isBlank() && subject != null && !REPLY_PREFIX.matcher(subject).lookingAt()) {
            text = MailText.fromPlain(subject); // all they wrote; a reply's subject is ours, not theirs
        }
        if (!text.isBlank() && body.attachments > 0) {
            var note = "\n\n[" + body.attachments + (body.attachments == 1 ? " attachment was" : " attachments were")
                    + " not kept]";
            text = MailText.limit(text, MailText.MAX - note.length()) + note;
        }
        return new IncomingMail(IncomingMail.Kind.PERSONAL, id, from, MailText.limit(text, MailText.MAX), body.attachments,
                replyTo(message));
    }

    /** The text parts a person wrote: the first plain and the first HTML one; everything else is an attachment. */
    private static final class Body {
        String plain;
        String html;
        int attachments;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
                return;
            }
            var attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attached && part.isMimeType("text/plain") && plain == null) {
                plain = text(part);
            } else if (!attached && part.isMimeType("text/html") && html == null) {
                html = text(part);
            } else if (attached || !part.isMimeType("text/*")) {
                attachments++;
            }
        }

        /** The part's text in its charset; bytes of an unknown charset read as UTF-8, bad sequences replaced. */
        private static String text(Part part) throws MessagingException, IOException {
            try {
                return part.getContent() instanceof String text ? text : "";
            } catch (UnsupportedEncodingException unknownCharset) {
                try (var in = part.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
    }

    private static boolean isBounce(MimeMessage message, String from) throws MessagingException {
        if (message.isMimeType("multipart/report")) {
            var reportType = new ContentType(message.getContentType()).getParameter("report-type");
            if (reportType == null || reportType.equalsIgnoreCase("delivery-status")) {
                return true;
            }
        }
        return message.getHeader("X-Failed-Recipients") != null
                || from != null && MAILER_DAEMONS.contains(from.substring(0, from.indexOf('@')));
    }

    private static boolean isAutomatic(MimeMessage message) throws MessagingException {
        var autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.split(";")[0].strip().equalsIgnoreCase("no")) {
            return true;
        }
        var precedence = message.getHeader("Precedence", null);
        return message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
                || precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * In-Reply-To and References together, unfolded and decoded (some clients encode a long Message-ID as RFC 2047
     * words), or null when it answers nothing.
     */
    private static String replyTo(MimeMessage message) throws MessagingException {
        var inReplyTo = message.getHeader("In-Reply-To", " ");
        var references = message.getHeader("References", " ");
        if (inReplyTo == null && references == null) {
            return null;
        }
        var both = MimeUtility.unfold((inReplyTo == null ? "" : inReplyTo) + " " + (references == null ? "" : references));
        try {
            return MimeUtility.decodeText(both);
        } catch (UnsupportedEncodingException undecodable) {
            return both;
        }
    }

    /** The first From address, lower-case, when it is a usable one. */
    private static String sender(MimeMessage message) {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException unparsable) {
            return null;
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null) {
            return null;
        }
        var value = address.getAddress().strip().toLowerCase(Locale.ROOT);
        return value.length() <= 254 && ADDRESS.matcher(value).matches() ? value : null;
    }

    /** The Message-ID, or a digest of the whole message when it has none (or an unusable one). */
    private static String messageId(MimeMessage message) throws MessagingException, IOException {
        var id = message.getMessageID();
        if (id != null) {
            id = MimeUtility.unfold(id).strip();
            if (!id.isEmpty() && id.length() <= MAX_MESSAGE_ID && id.codePoints().noneMatch(Character::isISOControl)) {
                return id;
            }
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            try (var out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                message.writeTo(out);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
