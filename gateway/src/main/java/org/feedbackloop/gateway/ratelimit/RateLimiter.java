package org.feedbackloop.gateway.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedbackloop.gateway.config.GatewayConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller and kind of request, in this replica's memory. Reads (GET, HEAD, OPTIONS) and writes
 * have separate buckets and limits. Which limit a request counts against, first match wins:
 * <ol>
 *   <li>a route with a limit of its own for the kind of request: that limit, in the caller's bucket for the route
 *       (whatever the caller's client);</li>
 *   <li>an OAuth client ({@code azp}) with a quota for the kind of request: the quota replaces the general limit, in a
 *       bucket per caller of that client (users of one client do not share a bucket);</li>
 *   <li>the general limit.</li>
 * </ol>
 * Buckets that have filled up again are dropped every half minute: a full bucket is what a new caller gets anyway, so
 * memory holds only callers seen recently.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimits limits;
    private final Map<String, Quota> quotas;
    private final Vertx vertx;
    private final long sweeper;

    private record Quota(Optional<GatewayConfig.Bucket> read, Optional<GatewayConfig.Bucket> write) {
    }

    @Inject
    RateLimiter(GatewayConfig config, Vertx vertx) {
        this(config.rateLimit(), vertx);
    }

    RateLimiter(GatewayConfig.RateLimits limits, Vertx vertx) {
        this.limits = limits;
        this.quotas = quotas(limits);
        this.vertx = vertx;
        this.sweeper = vertx.setPeriodic(30_000, id -> sweep());
    }

    /**
     * Takes one request of {@code caller} to {@code route} (a route name, or null) from the right bucket;
     * {@code client} is the OAuth client the caller's token was issued to, or null.
     */
    TokenBucket.Decision take(HttpMethod method, String route, String client, String caller) {
        var read = READS.contains(method);
        var own = route == null ? null : limits.routes().get(route);
        var routeLimit = own == null ? Optional.<GatewayConfig.Bucket>empty() : read ? own.read() : own.write();
        var quota = client == null ? null : quotas.get(client);
        var clientLimit = routeLimit.isPresent() || quota == null ? Optional.<GatewayConfig.Bucket>empty()
                : read ? quota.read() : quota.write();
        var limit = routeLimit.or(() -> clientLimit).orElse(read ? limits.read() : limits.write());
        var scope = routeLimit.isPresent() ? "route:" + route + ":"
                : clientLimit.isPresent() ? "client:" + client + ":" : "";
        var key = (read ? "read:" : "write:") + scope + caller;
        var now = System.nanoTime();
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit.capacity(), limit.perSecond(), now)).take(now);
    }

    private static Map<String, Quota> quotas(GatewayConfig.RateLimits limits) {
        var quotas = new HashMap<String, Quota>();
        for (var entry : limits.clientQuotas().orElse(List.of())) {
            quotas.put(entry.client(), new Quota(Optional.of(entry.rate()), Optional.of(entry.rate())));
        }
        limits.clients().forEach((client, own) -> quotas.put(client, new Quota(own.read(), own.write())));
        return Map.copyOf(quotas);
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
