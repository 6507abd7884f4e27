package org.feedbackloop.notification.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedbackloop.notification.api.problem.ProblemException;
import org.feedbackloop.notification.config.NotificationConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursors: the position of the last item of a page, signed with HMAC-SHA256 so that a client
 * can neither forge nor alter one.
 */
@ApplicationScoped
public class CursorCodec {

    /** A place in a newest-first list: where the next page starts after. */
    public record Position(Instant createdAt, UUID id) {
    }

    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Inject
    CursorCodec(NotificationConfig config) {
        this(config.signingSecret());
    }

    private CursorCodec(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public static CursorCodec withSecret(String secret) {
        return new CursorCodec(secret);
    }

    public String encode(Position position) {
        var payload = (position.createdAt().getEpochSecond() + "." + position.createdAt().getNano() + "."
                + position.id()).getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** @throws ProblemException 400 when the cursor was not made by {@link #encode} with our key */
    public Position decode(String cursor) {
        try {
            var parts = cursor.split("\\.", -1);
            if (parts.length != 2 || cursor.length() > 200) {
                throw invalid();
            }
            var payload = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
                throw invalid();
            }
            var fields = new String(payload, StandardCharsets.US_ASCII).split("\\.");
            var createdAt = Instant.ofEpochSecond(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
            return new Position(createdAt, UUID.fromString(fields[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor this API returned");
    }
}
