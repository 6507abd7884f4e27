package org.feedbackloop.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything a deployment of the gateway may change; see application.properties for the environment variables. */
@ConfigMapping(prefix = "feedbackloop.gateway")
public interface GatewayConfig {

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
         * GATEWAY_RATE_LIMIT_ROUTES_WEBHOOKS_WRITE_CAPACITY=5: such a route has its own buckets per caller.
         */
        Map<String, RouteLimits> routes();
    }

    interface RouteLimits {
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
