package org.feedbackloop.gateway.upstream;

import io.vertx.core.http.HttpMethod;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How one call to an upstream is guarded.
 *
 * @param timeout   how long the upstream may take to start answering; empty for live streams
 * @param retryable whether a failed attempt may be repeated: only idempotent methods
 */
public record CallPolicy(Optional<Duration> timeout, boolean retryable) {

    private static final Set<HttpMethod> IDEMPOTENT_READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    public static CallPolicy of(HttpMethod method, Optional<Duration> timeout) {
        return new CallPolicy(timeout, IDEMPOTENT_READS.contains(method));
    }
}
