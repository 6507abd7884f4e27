package org.feedbackloop.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.kit.signing.Signer;
import org.feedbackloop.kit.signing.SigningConfig;

import java.util.List;
import java.util.Optional;

/**
 * Signed tokens for links in e-mails that work without a login (unsubscribe): a purpose and its values,
 * HMAC-SHA256-signed, so that nobody can unsubscribe someone else by guessing.
 */
@ApplicationScoped
public class LinkTokens {

    private static final String SEPARATOR = "\n";
    /** The longest token {@link #verify} reads. */
    public static final int MAX_LENGTH = 2000;

    private final Signer signer;

    LinkTokens(SigningConfig config) {
        this.signer = Signer.hmacSha256("links:" + config.secret(), 20);
    }

    public String sign(String purpose, String... values) {
        return signer.sign(purpose + SEPARATOR + String.join(SEPARATOR, values));
    }

    /** The values of a token made by {@link #sign} for this purpose, or empty for anything else. */
    public Optional<List<String>> verify(String purpose, String token) {
        return signer.verify(token, MAX_LENGTH)
                .map(payload -> List.of(payload.split(SEPARATOR, -1)))
                .filter(fields -> fields.getFirst().equals(purpose))
                .map(fields -> fields.subList(1, fields.size()));
    }
}
