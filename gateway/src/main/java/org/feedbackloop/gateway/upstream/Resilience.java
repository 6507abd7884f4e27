package org.feedbackloop.gateway.upstream;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.config.GatewayConfig;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Guards every call to an upstream with SmallRye Fault Tolerance: retries (idempotent calls only, on
 * {@link UpstreamUnavailable}) around the upstream's circuit breaker around the route's timeout. The breaker is
 * per upstream and shared by every route and by composition, so one failing service is recognised as one.
 */
@ApplicationScoped
public class Resilience {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<Uni<Object>> UNI = (Class) Uni.class;

    private final Map<String, Guard> breakers;
    private final Map<Duration, Guard> timeouts = new ConcurrentHashMap<>();
    private final Guard retries;
    private final GatewayConfig.CircuitBreaker breakerConfig;

    Resilience(GatewayConfig config, Upstreams upstreams) {
        this.breakerConfig = config.circuitBreaker();
        var retry = config.retry();
        this.retries = Guard.create()
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(retry.delay().toMillis() / 2, ChronoUnit.MILLIS)
                .retryOn(UpstreamUnavailable.class)
                .done()
                .build();
        this.breakers = upstreams.all().stream()
                .collect(Collectors.toUnmodifiableMap(Upstream::name, upstream -> breaker(upstream.name())));
    }

    /** Runs {@code attempt} (once per try) under the policy; fails with the last failure or the breaker's refusal. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> call(Upstream upstream, CallPolicy policy, Supplier<Uni<T>> attempt) {
        Supplier<Uni<Object>> timed = policy.timeout()
                .<Supplier<Uni<Object>>>map(timeout -> () -> timeout(timeout).get(erase(attempt), UNI))
                .orElse(erase(attempt));
        Supplier<Uni<Object>> throughBreaker = () -> breakers.get(upstream.name()).get(timed, UNI);
        return (Uni<T>) (policy.retryable() ? retries.get(throughBreaker, UNI) : throughBreaker.get());
    }

    public CircuitBreakerState state(String upstream) {
        return CircuitBreakerMaintenance.get().currentState(upstream);
    }

    /** What to tell a client about when to come back: the time an open breaker waits before trying again. */
    public Duration retryAfter() {
        return breakerConfig.delay();
    }

    private Guard breaker(String upstream) {
        return Guard.create()
                .withDescription(upstream)
                .withCircuitBreaker()
                .name(upstream)
                .requestVolumeThreshold(breakerConfig.requestVolume())
                .failureRatio(breakerConfig.failureRatio())
                .delay(breakerConfig.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .done()
                .build();
    }

    private Guard timeout(Duration timeout) {
        return timeouts.computeIfAbsent(timeout, t -> Guard.create()
                .withTimeout().duration(t.toMillis(), ChronoUnit.MILLIS).done()
                .build());
    }

    @SuppressWarnings("unchecked")
    private static <T> Supplier<Uni<Object>> erase(Supplier<Uni<T>> attempt) {
        return () -> (Uni<Object>) attempt.get();
    }
}
