package org.feedbackloop.action.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedbackloop.action.api.problem.ProblemException;
import org.feedbackloop.action.board.BoardFilter;
import org.feedbackloop.action.board.BoardPosition;
import org.feedbackloop.action.config.ActionConfig;
import org.feedbackloop.action.domain.ActionPosition;
import org.feedbackloop.action.domain.ActionSort;

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
 * Opaque keyset cursors: the order (a queue sort, or a list of the public board) and the position of a page's
 * last item, signed with HMAC-SHA256. A cursor of one order is refused by the others.
 */
@ApplicationScoped
public class CursorCodec {

    private static final int SIGNATURE_BYTES = 16;
    private static final String BOARD_PREFIX = "BOARD_";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Inject
    CursorCodec(ActionConfig config) {
        this(config.cursorSecret());
    }

    private CursorCodec(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public static CursorCodec withSecret(String secret) {
        return new CursorCodec(secret);
    }

    public String encode(ActionPosition position) {
        return encode(position.sort().name(), position.key(), position.id());
    }

    /** @throws ProblemException 400 when the cursor was not made by {@link #encode(ActionPosition)} with our key */
    public ActionPosition decode(String cursor) {
        return decode(cursor, (order, key, id) -> new ActionPosition(ActionSort.valueOf(order), key, id));
    }

    public String encode(BoardPosition position) {
        return encode(BOARD_PREFIX + position.filter().name(), position.key(), position.id());
    }

    /** @throws ProblemException 400 when the cursor was not made by {@link #encode(BoardPosition)} with our key */
    public BoardPosition decodeBoardPosition(String cursor) {
        return decode(cursor, (order, key, id) -> {
            if (!order.startsWith(BOARD_PREFIX)) {
                throw new IllegalArgumentException(order);
            }
            return new BoardPosition(BoardFilter.valueOf(order.substring(BOARD_PREFIX.length())), key, id);
        });
    }

    private interface Position<T> {
        T of(String order, Instant key, UUID id);
    }

    private String encode(String order, Instant key, UUID id) {
        var payload = (order + "." + key.getEpochSecond() + "." + key.getNano() + "." + id)
                .getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    private <T> T decode(String cursor, Position<T> position) {
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
            var key = Instant.ofEpochSecond(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
            return position.of(fields[0], key, UUID.fromString(fields[3]));
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
