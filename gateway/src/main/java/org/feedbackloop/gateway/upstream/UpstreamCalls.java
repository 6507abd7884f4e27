package org.feedbackloop.gateway.upstream;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/** Calls the gateway makes on its own account (composition, OpenAPI), through the same guards as proxied calls. */
@ApplicationScoped
public class UpstreamCalls {

    private final Vertx vertx;
    private final Resilience resilience;

    UpstreamCalls(Vertx vertx, Resilience resilience) {
        this.vertx = vertx;
        this.resilience = resilience;
    }

    /** GET {@code uri} and read the whole answer; a 503 or no answer fails with {@link UpstreamUnavailable}. */
    public Uni<UpstreamReply> get(Upstream upstream, String uri, MultiMap headers, Duration timeout) {
        var context = vertx.getOrCreateContext();
        Executor onContext = task -> context.runOnContext(v -> task.run());
        var current = new AtomicReference<HttpClientRequest>();
        return resilience.call(upstream, new CallPolicy(Optional.of(timeout), true),
                        () -> attempt(upstream, uri, headers, timeout, current).runSubscriptionOn(onContext))
                .onFailure().invoke(() -> {
                    var abandoned = current.getAndSet(null);
                    if (abandoned != null) {
                        abandoned.reset();
                    }
                })
                .emitOn(onContext);
    }

    private static Uni<UpstreamReply> attempt(Upstream upstream, String uri, MultiMap headers, Duration timeout,
                                              AtomicReference<HttpClientRequest> current) {
        return Uni.createFrom().deferred(() -> {
            var options = upstream.request(HttpMethod.GET, uri)
                    .setHeaders(headers)
                    .setIdleTimeout(timeout.toMillis() + 1000);
            Future<UpstreamReply> reply = upstream.client(false).request(options)
                    .compose(request -> {
                        current.set(request);
                        return request.send();
                    })
                    .compose(response -> response.body()
                            .map(body -> new UpstreamReply(response.statusCode(), response.headers(), body)))
                    .recover(failure -> Future.failedFuture(UpstreamUnavailable.unreachable(upstream.name(), failure)));
            return UniHelper.toUni(reply).onItem().transform(answer -> {
                if (answer.status() == 503) {
                    throw UpstreamUnavailable.refused(upstream.name(), answer);
                }
                return answer;
            });
        });
    }
}
