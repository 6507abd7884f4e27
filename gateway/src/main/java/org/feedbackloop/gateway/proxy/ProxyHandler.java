package org.feedbackloop.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.config.GatewayConfig;
import org.feedbackloop.gateway.edge.BodyLimit;
import org.feedbackloop.gateway.edge.Exchange;
import org.feedbackloop.gateway.edge.RouteOrder;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.gateway.upstream.CallPolicy;
import org.feedbackloop.gateway.upstream.Resilience;
import org.feedbackloop.gateway.upstream.UpstreamFailures;
import org.feedbackloop.gateway.upstream.Upstreams;
import org.feedbackloop.kit.problem.ProblemType;

import java.time.Duration;
import java.util.Optional;

/**
 * Routes {@code /api/**} to the services ({@link RouteTable}), behind the edge checks; a path no route covers
 * answers 404. Each call goes through the upstream's guard ({@link Resilience}); a failure before the upstream
 * answered becomes a 503 or 504 problem, never a hang.
 */
@ApplicationScoped
public class ProxyHandler {

    private final Upstreams upstreams;
    private final Resilience resilience;
    private final GatewayConfig.Timeouts timeouts;
    private final BodyLimit bodyLimit;

    ProxyHandler(Upstreams upstreams, Resilience resilience, GatewayConfig config, BodyLimit bodyLimit) {
        this.upstreams = upstreams;
        this.resilience = resilience;
        this.timeouts = config.timeout();
        this.bodyLimit = bodyLimit;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteOrder.PROXY).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var route = RouteTable.match(context.normalizedPath()).orElse(null);
        if (route == null) {
            Problems.answer(context, ProblemType.NOT_FOUND, "There is nothing at this path");
            return;
        }
        Exchange.of(context).routedTo(route.name(), route.upstream());
        var upstream = upstreams.get(route.upstream());
        var timeout = route.streaming() ? Optional.<Duration>empty() : Optional.of(timeouts.of(route.name()));
        // Before the body is read: taking the request over pauses it, which an HTTP/2 request refuses once read.
        var forwarding = new Forwarding(context, upstream, route, timeout);
        if (route.upload() && !context.request().isEnded()) {
            forward(context, forwarding, null); // passed on as it arrives
            return;
        }
        readBody(context).onSuccess(body -> forward(context, forwarding, body)).onFailure(failure -> {
            if (failure instanceof Bodies.TooLarge) {
                bodyLimit.refuse(context);
            } else {
                context.response().reset();
            }
        });
    }

    private void forward(RoutingContext context, Forwarding forwarding, Buffer body) {
        var upstream = forwarding.upstream();
        var request = context.request();
        var keyed = body != null && forwarding.route().keyedWrite(request.method(), context.normalizedPath(),
                request.getHeader("Idempotency-Key"));
        var policy = CallPolicy.of(request.method(), forwarding.timeout(), keyed);
        resilience.call(upstream, policy, () -> forwarding.attempt(body))
                .emitOn(forwarding.onRequestContext())
                .subscribe().with(forwarding::relay, failure -> {
                    forwarding.abandon();
                    UpstreamFailures.answer(context, upstream.name(), failure, resilience.retryAfter());
                });
    }

    private Future<Buffer> readBody(RoutingContext context) {
        if (context.body().available()) {
            var body = context.body().buffer();
            return body != null && body.length() > bodyLimit.maxBytes() ? Future.failedFuture(new Bodies.TooLarge())
                    : Future.succeededFuture(body == null ? Buffer.buffer() : body);
        }
        if (context.request().isEnded()) {
            return Future.succeededFuture(Buffer.buffer());
        }
        return Bodies.collect(context.request(), bodyLimit.maxBytes());
    }
}
