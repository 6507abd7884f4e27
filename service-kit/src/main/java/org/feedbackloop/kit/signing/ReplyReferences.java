package org.feedbackloop.kit.signing;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which action an e-mail was about, carried in its Message-ID ({@code <r.<action>.<signature>.<unique>@<host>>}) so
 * that a reply, whose In-Reply-To and References name it, joins that action's thread. Signed: a reference nobody
 * signed with the shared key ({@link ReplyConfig}) is ignored, so a forged header cannot file feedback under an
 * action of the sender's choosing.
 */
@ApplicationScoped
public class ReplyReferences {

    private static final Pattern REFERENCE = Pattern.compile(
            "<r\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{22})\\.[^@<>\\s]+@[^<>\\s]+>");

    private final Optional<Signer> signer;

    ReplyReferences(ReplyConfig config) {
        this.signer = config.replySecret().map(secret -> Signer.hmacSha256(secret, 16));
    }

    /** The Message-ID of an e-mail about {@code action}; empty without the shared key. */
    public Optional<String> messageId(UUID action, UUID unique, String host) {
        return signer.map(key -> "<r." + action + "." + key.signature(payload(action)) + "." + unique + "@" + host + ">");
    }

    /** The action of the first signed reference among these header values (In-Reply-To, References), if any. */
    public Optional<UUID> actionRepliedTo(String headers) {
        if (signer.isEmpty() || headers == null) {
            return Optional.empty();
        }
        var found = REFERENCE.matcher(headers);
        while (found.find()) {
            var action = UUID.fromString(found.group(1));
            if (signer.get().isSignature(payload(action), found.group(2))) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    private static String payload(UUID action) {
        return "reply:" + action;
    }
}
