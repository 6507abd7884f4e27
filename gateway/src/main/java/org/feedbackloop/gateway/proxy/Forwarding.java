package org.feedbackloop.gateway.proxy;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.feedbackloop.gateway.upstream.HopByHopHeaders;
import org.feedbackloop.gateway.upstream.Upstream;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.upstream.UpstreamUnavailable;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One client request on its way to an upstream through Vert.x HTTP Proxy: each {@link #attempt} sends it (the
 * body, at most 64 KiB, is held in memory so that an attempt can be repeated; an upload's is passed on as it
 * arrives) and ends when the upstream's status
 * and headers are in; {@link #relay} then streams the upstream's body to the client as it comes, so live streams
 * stay live.
 */
final class Forwarding {

    private static final Logger LOG = Logger.getLogger(Forwarding.class);
    /** An upstream's 503 is read to pass it on; more than this is not a problem document. */
    private static final long MAX_REFUSAL_BYTES = 64 * 1024;

    private final Upstream upstream;
    private final Route route;
    private final Optional<Duration> timeout;
    private final ProxyRequest proxyRequest;
    private final Executor onRequestContext;
    private HttpClientRequest current;

    Forwarding(RoutingContext context, Upstream upstream, Route route, Optional<Duration> timeout) {
        this.upstream = upstream;
        this.route = route;
        this.timeout = timeout;
        this.proxyRequest = ProxyRequest.reverseProxy(context.request());
        ForwardedHeaders.apply(context, proxyRequest.headers());
        var vertxContext = context.vertx().getOrCreateContext();
        this.onRequestContext = task -> vertxContext.runOnContext(v -> task.run());
    }

    Upstream upstream() {
        return upstream;
    }

    Route route() {
        return route;
    }

    Optional<Duration> timeout() {
        return timeout;
    }

    Executor onRequestContext() {
        return onRequestContext;
    }

    /**
     * Sends the request once; fails with {@link UpstreamUnavailable} when the upstream is away or answers 503. A
     * null body is the client's own, passed on as it arrives (an upload: sent once, never repeated).
     */
    Uni<ProxyResponse> attempt(Buffer body) {
        return Uni.createFrom().deferred(() -> {
            abandon();
            if (body != null) {
                proxyRequest.setBody(body.length() == 0 ? null : Body.body(body));
            }
            var options = upstream.request(proxyRequest.getMethod(), proxyRequest.getURI());
            // The guard's timeout decides; this only cuts a body that stalls after the headers came.
            timeout.ifPresent(t -> options.setIdleTimeout(t.toMillis() + 1000));
            Future<ProxyResponse> sent = upstream.client(route.streaming()).request(options)
                    .compose(request -> {
                        current = request;
                        return proxyRequest.send(request);
                    })
                    .recover(failure -> Future.failedFuture(UpstreamUnavailable.unreachable(upstream.name(), failure)));
            return UniHelper.toUni(sent).chain(this::refuseWhenUnavailable);
        }).runSubscriptionOn(onRequestContext);
    }

    /** Passes the upstream's answer to the client: status and headers as they are, the body as it streams. */
    void relay(ProxyResponse response) {
        current = null;
        HopByHopHeaders.strip(response.headers());
        response.send().onFailure(failure -> LOG.debugf("%s: the client went away during the answer (%s)",
                upstream.name(), failure.toString()));
    }

    /** Cuts an attempt still waiting for its answer, once the guard gave up on it. */
    void abandon() {
        if (current != null) {
            current.reset();
            current = null;
        }
    }

    private Uni<ProxyResponse> refuseWhenUnavailable(ProxyResponse response) {
        if (response.getStatusCode() != 503) {
            return Uni.createFrom().item(response);
        }
        var refused = response.getBody() == null ? Future.succeededFuture(Buffer.buffer())
                : Bodies.collect(response.getBody().stream(), MAX_REFUSAL_BYTES);
        return UniHelper.toUni(refused).onItem().transform(content -> {
            throw UpstreamUnavailable.refused(upstream.name(),
                    new UpstreamReply(upstream.name(), 503, response.headers(), content));
        });
    }
}
