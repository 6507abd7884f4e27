package org.feedbackloop.kit.inbox;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The event being handled, so that what handling it makes is named after it. While a consumer handles an event, the
 * ids of the events and records it creates are derived from that event's id ({@link #newId}) instead of drawn at
 * random. Handling the same event again then makes the same ids: after a crash (a redelivery), and after the
 * handler's database was restored from a backup and the producers replayed what it missed. The events it publishes
 * again carry the ids their consumers already recorded, so nobody downstream acts on them twice.
 * <p>
 * The cause lives on the Vert.x duplicated context of the delivery; outside one (a request, a scheduled job) ids
 * are random, as before.
 */
public final class Causation {

    private static final String KEY = Causation.class.getName();

    private Causation() {
    }

    /** Starts one attempt at handling {@code eventId}: a retry starts again, so it derives the same ids again. */
    static void begin(UUID eventId) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, new Cause(eventId));
        }
    }

    /**
     * A new id for {@code what} (a kind of record or event, with its subject when one handling makes several): derived
     * from the event being handled and the number of ids it already asked for {@code what}, or random outside one.
     */
    public static UUID newId(String what) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return UUID.randomUUID();
        }
        return ContextLocals.<Cause>get(KEY).map(cause -> cause.next(what)).orElseGet(UUID::randomUUID);
    }

    private static final class Cause {

        private final UUID eventId;
        private final Map<String, Integer> asked = new HashMap<>();

        Cause(UUID eventId) {
            this.eventId = eventId;
        }

        synchronized UUID next(String what) {
            int ordinal = asked.merge(what, 1, Integer::sum);
            return UUID.nameUUIDFromBytes((eventId + " " + what + " " + ordinal).getBytes(StandardCharsets.UTF_8));
        }
    }
}
