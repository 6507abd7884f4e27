package org.feedbackloop.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.config.NotificationConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signed tokens for links in e-mails that work without a login (unsubscribe): a purpose and its values,
 * HMAC-SHA256-signed, so that nobody can unsubscribe someone else by guessing.
 */
@ApplicationScoped
public class LinkTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String SEPARATOR = "\n";

    private final SecretKeySpec key;

    LinkTokens(NotificationConfig config) {
        this.key = new SecretKeySpec(("links:" + config.signingSecret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(String purpose, String... values) {
        var payload = (purpose + SEPARATOR + String.join(SEPARATOR, values)).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The values of a token made by {@link #sign} for this purpose, or empty for anything else. */
    public Optional<List<String>> verify(String purpose, String token) {
        if (token == null || token.length() > 2000) {
            return Optional.empty();
        }
        try {
            var parts = token.split("\\.", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            var payload = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(mac(payload), DECODER.decode(parts[1]))) {
                return Optional.empty();
            }
            var fields = new String(payload, StandardCharsets.UTF_8).split(SEPARATOR, -1);
            return fields[0].equals(purpose) ? Optional.of(List.of(fields).subList(1, fields.length)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
