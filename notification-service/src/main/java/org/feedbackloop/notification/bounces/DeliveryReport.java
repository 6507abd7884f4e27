package org.feedbackloop.notification.bounces;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The addresses a delivery report says failed for good: each recipient of an RFC 3464 {@code message/delivery-status}
 * part whose {@code Action} is {@code failed} with a permanent {@code Status} (5.x.x), or, from a server that sends
 * no such part, its {@code X-Failed-Recipients} header. A delay (4.x.x) or anything else suppresses nobody.
 */
final class DeliveryReport {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>;,\\p{Cntrl}]+@[^\\s@<>;,\\p{Cntrl}]+\\.[^\\s@<>;,\\p{Cntrl}]+");
    private static final Pattern BLOCKS = Pattern.compile("\\r?\\n\\s*\\r?\\n");

    private DeliveryReport() {
    }

    static Set<String> permanentFailures(MimeMessage message) throws MessagingException, IOException {
        var failed = new LinkedHashSet<String>();
        var status = statusPart(message);
        if (status != null) {
            for (var block : BLOCKS.split(status)) {
                var recipient = field(block, "Final-Recipient");
                var action = field(block, "Action");
                var code = field(block, "Status");
                if (recipient != null && "failed".equalsIgnoreCase(action) && code != null && code.startsWith("5.")) {
                    address(recipient.substring(recipient.indexOf(';') + 1)).ifPresent(failed::add);
                }
            }
            return failed;
        }
        var header = message.getHeader("X-Failed-Recipients", ",");
        if (header != null) {
            for (var each : header.split(",")) {
                address(each).ifPresent(failed::add);
            }
        }
        return failed;
    }

    /** The text of the first message/delivery-status part, or null. */
    private static String statusPart(Part part) throws MessagingException, IOException {
        if (part.isMimeType("message/delivery-status")) {
            try (var in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var found = statusPart(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A field of one block ("Name: value", folded lines joined), or null. */
    private static String field(String block, String name) {
        var unfolded = block.replaceAll("\\r?\\n[ \\t]+", " ");
        for (var line : unfolded.split("\\r?\\n")) {
            var colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                var value = line.substring(colon + 1).strip();
                var comment = value.indexOf(" (");
                return comment > 0 ? value.substring(0, comment) : value;
            }
        }
        return null;
    }

    private static Optional<String> address(String text) {
        var value = text.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
        return value.length() <= 254 && ADDRESS.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}
