package org.feedbackloop.kit.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedbackloop.kit.problem.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opaque keyset cursors: the order of a list and the position of a page's last item (its sort key and id),
 * signed so that a client can neither forge nor alter one. A cursor of one order is refused by the others.
 */
@ApplicationScoped
public class CursorCodec {

    /** The order of a list of the newest first. */
    public static final String NEWEST = "newest";
    /** The longest cursor accepted: a documented limit of every {@code cursor} parameter. */
    public static final int MAX_LENGTH = 200;
    /** What a cursor looks like: a signed token. */
    public static final String PATTERN = Signer.PATTERN;

    private final Signer signer;

    @Inject
    CursorCodec(SigningConfig config) {
        this(config.secret());
    }

    private CursorCodec(String secret) {
        this.signer = Signer.hmacSha256(secret, 16);
    }

    public static CursorCodec withSecret(String secret) {
        return new CursorCodec(secret);
    }

    /** Where a page ends: the list's order (a name without dots), the last item's sort key and its id. */
    public record Position(String order, Instant key, UUID id) {

        /** A place in a list of the newest first, by creation time. */
        public static Position newest(Instant createdAt, UUID id) {
            return new Position(NEWEST, createdAt, id);
        }
    }

    public String encode(String order, Instant key, UUID id) {
        return signer.sign(order + "." + key.getEpochSecond() + "." + key.getNano() + "." + id);
    }

    public String encode(Position position) {
        return encode(position.order(), position.key(), position.id());
    }

    /** @throws ProblemException 400 when the cursor was not made by {@link #encode} with our key */
    public Position decode(String cursor) {
        return decode(cursor, Function.identity());
    }

    /**
     * Reads a cursor with {@code reader}, which turns its position into the caller's own (and may refuse an order
     * it does not know with an {@link IllegalArgumentException}).
     *
     * @throws ProblemException 400 when the cursor was not made by {@link #encode} with our key, or is refused
     */
    public <T> T decode(String cursor, Function<Position, T> reader) {
        var payload = signer.verify(cursor, MAX_LENGTH).orElseThrow(CursorCodec::invalid);
        try {
            var fields = payload.split("\\.", -1);
            if (fields.length != 4) {
                throw invalid();
            }
            var key = Instant.ofEpochSecond(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
            return reader.apply(new Position(fields[0], key, UUID.fromString(fields[3])));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor this API returned");
    }
}
