package org.feedbackloop.gateway.upstream;

import io.vertx.core.http.HttpMethod;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How one call to an upstream is guarded.
 *
 * @param timeout   how long the upstream may take to start answering; empty for live streams
 * @param retryable whether a failed attempt may be repeated: idempotent methods, and writes that carry an
 *                  Idempotency-Key their service honours (it replays the first result of a key)
 */
public record CallPolicy(Optional<Duration> timeout, boolean retryable) {

    private static final Set<HttpMethod> IDEMPOTENT_READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    public static CallPolicy of(HttpMethod method, Optional<Duration> timeout) {
        return of(method, timeout, false);
    }

    /** {@code keyed}: the request is a write with an Idempotency-Key that its service honours. */
    public static CallPolicy of(HttpMethod method, Optional<Duration> timeout, boolean keyed) {
        return new CallPolicy(timeout, keyed || IDEMPOTENT_READS.contains(method));
    }
}
