package org.feedbackloop.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a deployment of the gateway may change; see application.properties for the environment variables. */
@ConfigMapping(prefix = "feedbackloop.gateway")
public interface GatewayConfig {

    /** Request bodies larger than this answer 413, except on upload routes (which have the HTTP layer's limit). */
    io.quarkus.runtime.configuration.MemorySize maxBodySize();


    /** The services behind the gateway, by name ({@code feedback-service}, {@code action-service}, {@code notification-service}). */
    Map<String, UpstreamConfig> upstreams();

    Timeouts timeout();

    Retry retry();

    CircuitBreaker circuitBreaker();

    RateLimits rateLimit();

    OpenApi openapi();

    /** How long the gateway waits for a service's readiness or OpenAPI document. */
    Duration probeTimeout();

    interface UpstreamConfig {
        URI url();

        /** Connections per upstream for ordinary requests; live streams have a pool of their own. */
        int poolSize();

        int streamPoolSize();
    }

    interface Timeouts {
        /** How long an upstream may take to start answering. */
        @WithName("default")
        Duration byDefault();

        /** Per route name (see {@code RouteTable}), where a route needs another timeout than the default. */
        Map<String, Duration> routes();

        Duration connect();

        default Duration of(String route) {
            return Optional.ofNullable(routes().get(route)).orElse(byDefault());
        }
    }

    interface Retry {
        /** Retries of idempotent requests after a connection failure or a 503, before anything reached the client. */
        int maxRetries();

        Duration delay();
    }

    interface CircuitBreaker {
        /** How many recent calls the breaker judges by. */
        int requestVolume();

        /** Share of failures among them that opens the breaker. */
        double failureRatio();

        /** How long it stays open before a trial call. */
        Duration delay();
    }

    interface RateLimits {
        Bucket read();

        Bucket write();

        /**
         * Limits of their own for some routes (names as in proxy.RouteTable, plus timeline), e.g.
         * FEEDBACKLOOP_GATEWAY_RATE_LIMIT_ROUTES_WEBHOOKS_WRITE_CAPACITY=5: such a route has its own buckets per
         * caller.
         */
        Map<String, OwnLimits> routes();

        /**
         * Quotas of some OAuth clients (the token's {@code azp}), in place of {@link #read()} and {@link #write()} for
         * their callers, e.g. {@code feedbackloop.gateway.rate-limit.clients.feedbackloop-bench.write.capacity}.
         * Client ids with a dash cannot be map keys of an environment variable (SmallRye Config reads
         * {@code _CLIENTS__A_B__} as {@code "a.b"}): from the environment, use {@link #clientQuotas()}.
         */
        Map<String, OwnLimits> clients();

        /**
         * Client quotas in one value, for the environment:
         * {@code RATE_LIMIT_CLIENT_QUOTAS=feedbackloop-bench=5000/5000} (comma-separated
         * {@code <client>=<per-second>/<burst>}, the same for reads and writes). A client that also has an entry in
         * {@link #clients()} gets that entry.
         */
        Optional<List<@WithConverter(ClientQuota.Parser.class) ClientQuota>> clientQuotas();
    }

    /** A route's or a client's limits: each kind of request that has none here keeps the general limit. */
    interface OwnLimits {
        Optional<Bucket> read();

        Optional<Bucket> write();
    }

    /** A token bucket: {@code capacity} requests in a burst, refilled at {@code perSecond}. */
    interface Bucket {
        int capacity();

        double perSecond();
    }

    interface OpenApi {
        /** How long a service's OpenAPI document is reused before it is fetched again. */
        Duration cacheTtl();
    }
}
