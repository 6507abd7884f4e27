package org.feedbackloop.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.feedbackloop.gateway.config.GatewayConfig;
import org.feedbackloop.gateway.upstream.Resilience;
import org.feedbackloop.gateway.upstream.Upstream;
import org.feedbackloop.gateway.upstream.Upstreams;

import java.time.Duration;
import java.util.List;

/**
 * Readiness of the services behind the gateway, as data: each one's own {@code /q/health/ready} and its circuit
 * breaker. The gateway is ready while at least one is: with some services down it still serves the others' routes
 * (and timelines without updates), which beats taking the whole API out of rotation; only with none left is there
 * nothing to route to.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private final Upstreams upstreams;
    private final Resilience resilience;
    private final Duration timeout;

    UpstreamsReadiness(Upstreams upstreams, Resilience resilience, GatewayConfig config) {
        this.upstreams = upstreams;
        this.resilience = resilience;
        this.timeout = config.probeTimeout();
    }

    private record Probe(String name, boolean up) {
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Probe>> probes = upstreams.all().stream().map(this::probe).toList();
        return Uni.join().all(probes).andFailFast().map(results -> {
            var response = HealthCheckResponse.named("Upstreams");
            for (var probe : results) {
                response.withData(probe.name(), probe.up() ? "UP" : "DOWN");
                response.withData(probe.name() + " circuit", resilience.state(probe.name()).name());
            }
            return response.status(results.stream().anyMatch(Probe::up)).build();
        });
    }

    /** Straight to the service, past its circuit breaker: readiness reports the breaker, it must not move it. */
    private Uni<Probe> probe(Upstream upstream) {
        var options = upstream.request(HttpMethod.GET, "/q/health/ready").setIdleTimeout(timeout.toMillis());
        return UniHelper.toUni(upstream.client(false).request(options)
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> response.statusCode() == 200)))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(false)
                .map(up -> new Probe(upstream.name(), up));
    }
}
