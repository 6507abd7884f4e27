package org.feedbackloop.gateway.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rate limits as application.properties gives them in production, and what the environment can change. */
class RateLimitConfigTest {

    private static final String PREFIX = "feedbackloop.gateway.rate-limit";

    @Test
    void productionKeepsItsDefaultsAndGivesNoClientAQuota() throws IOException {
        var limits = production(Map.of());

        assertThat(limits.read().capacity()).isEqualTo(100);
        assertThat(limits.read().perSecond()).isEqualTo(20);
        assertThat(limits.write().capacity()).isEqualTo(20);
        assertThat(limits.write().perSecond()).isEqualTo(2);
        assertThat(limits.routes()).isEmpty();
        assertThat(limits.clients()).isEmpty();
        assertThat(limits.clientQuotas()).isEmpty();
    }

    @Test
    void theLocalLauncherGivesTheBenchClientItsQuotaThroughOneEnvironmentVariable() throws IOException {
        var limits = production(Map.of("RATE_LIMIT_CLIENT_QUOTAS", "feedbackloop-bench=5000/5000"));

        assertThat(limits.clientQuotas()).hasValueSatisfying(quotas -> assertThat(quotas)
                .containsExactly(new ClientQuota("feedbackloop-bench", new ClientQuota.Rate(5000, 5000))));
        assertThat(limits.write().capacity()).as("the general limits stay").isEqualTo(20);
    }

    @Test
    void aMapKeyWithADashCannotComeFromTheEnvironment() throws IOException {
        var limits = production(Map.of(
                "FEEDBACKLOOP_GATEWAY_RATE_LIMIT_CLIENTS__FEEDBACKLOOP_BENCH__WRITE_CAPACITY", "5000",
                "FEEDBACKLOOP_GATEWAY_RATE_LIMIT_CLIENTS__FEEDBACKLOOP_BENCH__WRITE_PER_SECOND", "5000"));

        assertThat(limits.clients()).as("why RATE_LIMIT_CLIENT_QUOTAS exists")
                .doesNotContainKey("feedbackloop-bench");
    }

    @Test
    void readsQuotasAndRefusesMalformedOnes() {
        var parser = new ClientQuota.Parser();

        assertThat(parser.convert(" other=0.5/3 ")).isEqualTo(new ClientQuota("other", new ClientQuota.Rate(3, 0.5)));
        for (var malformed : List.of("feedbackloop-bench", "feedbackloop-bench=5000", "=1/2", "a=1/2/3", "a=0/5", "a=1/0",
                "a=x/2")) {
            assertThatThrownBy(() -> parser.convert(malformed)).as(malformed)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** application.properties in the production profile, with {@code environment} as its environment variables. */
    private static GatewayConfig.RateLimits production(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        RateLimitConfigTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(GatewayConfig.RateLimits.class, PREFIX)
                .build();
        return config.getConfigMapping(GatewayConfig.RateLimits.class, PREFIX);
    }
}
