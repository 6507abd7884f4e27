package org.feedbackloop.gateway.upstream;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
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
        return send(upstream, HttpMethod.GET, uri, headers, null, timeout);
    }

    /**
     * Sends a request ({@code body} may be null) and reads the whole answer, guarded like a proxied call: the
     * upstream's circuit breaker, the timeout, and retries for idempotent reads and keyed submissions. A 503 or no
     * answer fails with {@link UpstreamUnavailable} (or the breaker's refusal while it is open).
     */
    public Uni<UpstreamReply> send(Upstream upstream, HttpMethod method, String uri, MultiMap headers, Buffer body,
                                   Duration timeout) {
        var context = vertx.getOrCreateContext();
        Executor onContext = task -> context.runOnContext(v -> task.run());
        var current = new AtomicReference<HttpClientRequest>();
        // the gateway's own pages send an Idempotency-Key only with a submission, which feedback-service replays by it
        var keyed = method == HttpMethod.POST && headers != null && headers.contains("Idempotency-Key");
        return resilience.call(upstream, CallPolicy.of(method, Optional.of(timeout), keyed),
                        () -> attempt(upstream, method, uri, headers, body, timeout, current).runSubscriptionOn(onContext))
                .onFailure().invoke(() -> {
                    var abandoned = current.getAndSet(null);
                    if (abandoned != null) {
                        abandoned.reset();
                    }
                })
                .emitOn(onContext);
    }

    private static Uni<UpstreamReply> attempt(Upstream upstream, HttpMethod method, String uri, MultiMap headers,
                                              Buffer body, Duration timeout, AtomicReference<HttpClientRequest> current) {
        return Uni.createFrom().deferred(() -> {
            var options = upstream.request(method, uri)
                    .setHeaders(headers)
                    .setIdleTimeout(timeout.toMillis() + 1000);
            Future<UpstreamReply> reply = upstream.client(false).request(options)
                    .compose(request -> {
                        current.set(request);
                        return body == null ? request.send() : request.send(body);
                    })
                    .compose(response -> response.body()
                            .map(answer -> new UpstreamReply(upstream.name(), response.statusCode(), response.headers(),
                                    answer)))
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
