package org.feedbackloop.gateway.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.config.GatewayConfig;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller and kind of request, in this replica's memory. Reads (GET, HEAD, OPTIONS) and writes
 * have separate buckets and limits; a route with limits of its own has its own buckets. Buckets that have filled up again are dropped every half minute: a full bucket
 * is what a new caller gets anyway, so memory holds only callers seen recently.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimits limits;
    private final Vertx vertx;
    private final long sweeper;

    RateLimiter(GatewayConfig config, Vertx vertx) {
        this.limits = config.rateLimit();
        this.vertx = vertx;
        this.sweeper = vertx.setPeriodic(30_000, id -> sweep());
    }

    /** Takes one request of {@code caller} to {@code route} (a route name, or null) from the right bucket. */
    TokenBucket.Decision take(HttpMethod method, String route, String caller) {
        var read = READS.contains(method);
        var own = route == null ? null : limits.routes().get(route);
        var ownLimit = own == null ? Optional.<GatewayConfig.Bucket>empty() : read ? own.read() : own.write();
        var limit = ownLimit.orElse(read ? limits.read() : limits.write());
        var key = (read ? "read:" : "write:") + (ownLimit.isPresent() ? route + ":" : "") + caller;
        var now = System.nanoTime();
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit.capacity(), limit.perSecond(), now)).take(now);
    }

    private void sweep() {
        var now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }
}
