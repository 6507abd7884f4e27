package org.feedbackloop.gateway.ratelimit;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.feedbackloop.gateway.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which bucket a request counts against: general limits (as in %test: reads 30, writes 10), client quotas, routes. */
class RateLimiterTest {

    private static final String PREFIX = "feedbackloop.gateway.rate-limit";

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aClientWithAQuotaGetsItInPlaceOfTheGeneralLimitAndOtherClientsDoNot() {
        var limiter = limiter(Map.of("clients.feedbackloop-bench.write.capacity", "40",
                "clients.feedbackloop-bench.write.per-second", "5"));

        var bench = takes(limiter, 40, HttpMethod.POST, null, "feedbackloop-bench", "sub:bench");
        assertThat(bench).allSatisfy(decision -> assertThat(decision.allowed()).isTrue());
        assertThat(bench.getFirst().limit()).isEqualTo(40);
        assertThat(limiter.take(HttpMethod.POST, null, "feedbackloop-bench", "sub:bench").allowed()).isFalse();

        var other = takes(limiter, 11, HttpMethod.POST, null, "feedbackloop-integrator", "sub:integrator");
        assertThat(other.subList(0, 10)).allSatisfy(decision -> assertThat(decision.allowed()).isTrue());
        assertThat(other.getLast().allowed()).as("the 11th write of a client without a quota").isFalse();
        assertThat(other.getLast().limit()).isEqualTo(10);
    }

    @Test
    void eachCallerOfAClientHasABucketOfItsOwn() {
        var limiter = limiter(Map.of("clients.feedbackloop-web.write.capacity", "12",
                "clients.feedbackloop-web.write.per-second", "1"));
        takes(limiter, 12, HttpMethod.POST, null, "feedbackloop-web", "sub:alice");

        assertThat(limiter.take(HttpMethod.POST, null, "feedbackloop-web", "sub:alice").allowed()).isFalse();
        assertThat(limiter.take(HttpMethod.POST, null, "feedbackloop-web", "sub:bob"))
                .isEqualTo(new TokenBucket.Decision(true, 12, 11, 0, 1));
    }

    @Test
    void aQuotaForWritesLeavesReadsAtTheGeneralLimit() {
        var limiter = limiter(Map.of("clients.feedbackloop-bench.write.capacity", "40",
                "clients.feedbackloop-bench.write.per-second", "5"));

        assertThat(limiter.take(HttpMethod.GET, null, "feedbackloop-bench", "sub:bench").limit()).isEqualTo(30);
        assertThat(limiter.take(HttpMethod.PUT, null, "feedbackloop-bench", "sub:bench").limit()).isEqualTo(40);
    }

    @Test
    void aRouteWithLimitsOfItsOwnKeepsThemForAClientWithAQuota() {
        var limiter = limiter(Map.of("clients.feedbackloop-bench.write.capacity", "40",
                "clients.feedbackloop-bench.write.per-second", "5",
                "routes.webhooks.write.capacity", "2", "routes.webhooks.write.per-second", "0.1"));

        var webhooks = takes(limiter, 3, HttpMethod.POST, "webhooks", "feedbackloop-bench", "sub:bench");
        assertThat(webhooks).extracting(TokenBucket.Decision::allowed).containsExactly(true, true, false);
        assertThat(webhooks.getFirst().limit()).isEqualTo(2);
        assertThat(limiter.take(HttpMethod.POST, "feedback", "feedbackloop-bench", "sub:bench").limit()).isEqualTo(40);
    }

    @Test
    void quotasFromTheEnvironmentApplyToReadsAndWritesUnlessTheClientHasProperties() {
        var limiter = limiter(Map.of("client-quotas", "feedbackloop-bench=5000/4000, other=1/3",
                "clients.other.read.capacity", "7", "clients.other.read.per-second", "1"));

        assertThat(limiter.take(HttpMethod.GET, null, "feedbackloop-bench", "sub:bench").limit()).isEqualTo(4000);
        assertThat(limiter.take(HttpMethod.DELETE, null, "feedbackloop-bench", "sub:bench").limit()).isEqualTo(4000);
        assertThat(limiter.take(HttpMethod.GET, null, "other", "sub:other").limit()).isEqualTo(7);
        assertThat(limiter.take(HttpMethod.POST, null, "other", "sub:other").limit()).as("general").isEqualTo(10);
    }

    @Test
    void anonymousCallersAndClientsWithoutAQuotaHaveTheGeneralLimits() {
        var limiter = limiter(Map.of("client-quotas", "feedbackloop-bench=5000/5000"));

        assertThat(limiter.take(HttpMethod.GET, null, null, "ip:127.0.0.1").limit()).isEqualTo(30);
        assertThat(limiter.take(HttpMethod.POST, null, "feedbackloop-web", "sub:alice").limit()).isEqualTo(10);
    }

    private static RateLimiter limiter(Map<String, String> properties) {
        var all = new HashMap<>(Map.of("read.capacity", "30", "read.per-second", "10",
                "write.capacity", "10", "write.per-second", "5"));
        all.putAll(properties);
        var prefixed = new HashMap<String, String>();
        all.forEach((key, value) -> prefixed.put(PREFIX + "." + key, value));
        var config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(prefixed, "test", 100))
                .withMapping(GatewayConfig.RateLimits.class, PREFIX)
                .build();
        return new RateLimiter(config.getConfigMapping(GatewayConfig.RateLimits.class, PREFIX), vertx);
    }

    private static List<TokenBucket.Decision> takes(RateLimiter limiter, int count, HttpMethod method,
                                                    String route, String client, String caller) {
        return IntStream.range(0, count).mapToObj(i -> limiter.take(method, route, client, caller)).toList();
    }
}
