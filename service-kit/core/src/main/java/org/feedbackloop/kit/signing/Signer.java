package org.feedbackloop.kit.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens a client carries and cannot forge or alter: {@code base64url(payload).base64url(HMAC-SHA256)}, the
 * signature cut to a fixed length. Pagination cursors and the links in e-mails are made here; the gateway's CSRF
 * tokens are {@link #signature}s alone.
 */
public final class Signer {

    /** The shape of every token: two base64url parts (padding allowed, as the decoder reads it) joined by a dot. */
    public static final String PATTERN = "^[A-Za-z0-9_-]+={0,2}\\.[A-Za-z0-9_-]+={0,2}$";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final int signatureBytes;

    private Signer(byte[] key, int signatureBytes) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.signatureBytes = signatureBytes;
    }

    /** A signer keyed with {@code secret} whose signatures are {@code signatureBytes} long (16 to 32). */
    public static Signer hmacSha256(String secret, int signatureBytes) {
        if (signatureBytes < 16 || signatureBytes > 32) {
            throw new IllegalArgumentException("A signature is 16 to 32 bytes");
        }
        return new Signer(secret.getBytes(StandardCharsets.UTF_8), signatureBytes);
    }

    public String sign(String payload) {
        var bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The payload of a token {@link #sign} made with this key, or empty for anything else (longer than {@code maxLength} included). */
    public Optional<String> verify(String token, int maxLength) {
        if (token == null || token.length() > maxLength) {
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
            return Optional.of(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The signature alone, base64url: for a token the server computes again rather than reads back. */
    public String signature(String message) {
        return ENCODER.encodeToString(mac(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code token} is the {@link #signature} of {@code message}, compared in constant time. */
    public boolean isSignature(String message, String token) {
        return token != null && MessageDigest.isEqual(signature(message).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), signatureBytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
