package org.feedbackloop.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness of the services behind the gateway, as data: each one's own {@code /q/health/ready} and its circuit
 * breaker. The gateway is ready while at least one is: with some services down it still serves the others' routes
 * (and timelines without updates), which beats taking the whole API out of rotation; only with none left is there
 * nothing to route to.
 * <p>
 * A service that answers DOWN, or refuses the connection, is down at once. One that was up and merely does not
 * answer within the probe's timeout is {@code SLOW}, still counted as up: under a burst on a busy machine one late
 * answer says nothing, and the orchestrator itself waits for several missed probes. Two misses in a row are DOWN.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    enum State { UP, SLOW, DOWN }

    private final Upstreams upstreams;
    private final Resilience resilience;
    private final Duration timeout;
    private final Map<String, State> last = new ConcurrentHashMap<>();

    UpstreamsReadiness(Upstreams upstreams, Resilience resilience, GatewayConfig config) {
        this.upstreams = upstreams;
        this.resilience = resilience;
        this.timeout = config.probeTimeout();
    }

    private record Probe(String name, State state) {
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Probe>> probes = upstreams.all().stream().map(this::probe).toList();
        return Uni.join().all(probes).andFailFast().map(results -> {
            var response = HealthCheckResponse.named("Upstreams");
            for (var probe : results) {
                response.withData(probe.name(), probe.state().name());
                response.withData(probe.name() + " circuit", resilience.state(probe.name()).name());
            }
            return response.status(results.stream().anyMatch(probe -> probe.state() != State.DOWN)).build();
        });
    }

    /** Straight to the service, past its circuit breaker: readiness reports the breaker, it must not move it. */
    private Uni<Probe> probe(Upstream upstream) {
        var options = upstream.request(HttpMethod.GET, "/q/health/ready")
                .setIdleTimeout(timeout.toMillis() + 1000); // the timeout below decides, this only frees the connection
        return UniHelper.toUni(upstream.client(false).request(options)
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> response.statusCode() == 200)))
                .ifNoItem().after(timeout).fail()
                .map(up -> up ? State.UP : State.DOWN)
                .onFailure(TimeoutException.class).recoverWithItem(() ->
                        last.getOrDefault(upstream.name(), State.DOWN) == State.UP ? State.SLOW : State.DOWN)
                .onFailure().recoverWithItem(State.DOWN)
                .invoke(state -> last.put(upstream.name(), state))
                .map(state -> new Probe(upstream.name(), state));
    }
}
