package org.feedbackloop.gateway.mydata;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.config.GatewayConfig;
import org.feedbackloop.gateway.edge.Exchange;
import org.feedbackloop.gateway.edge.RouteOrder;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.gateway.proxy.ForwardedHeaders;
import org.feedbackloop.gateway.upstream.Resilience;
import org.feedbackloop.gateway.upstream.UpstreamCalls;
import org.feedbackloop.gateway.upstream.UpstreamFailures;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.upstream.UpstreamUnavailable;
import org.feedbackloop.gateway.upstream.Upstreams;
import org.feedbackloop.kit.problem.ProblemType;

import java.time.Duration;
import java.util.List;

/**
 * {@code GET /api/me/export}: everything the suite holds about the caller, as one JSON document put together from
 * each service's {@code /api/me/export}, called in parallel with the caller's own token. An export is complete or
 * not given: when a service cannot answer, the caller gets a 503 and tries again.
 */
@ApplicationScoped
public class MyDataExportHandler {

    static final String ROUTE = "export";
    private static final String PATH = "/api/me/export";
    private static final List<String> PARTS = List.of(Upstreams.FEEDBACK, Upstreams.ACTION, Upstreams.NOTIFICATION);

    private final Upstreams upstreams;
    private final UpstreamCalls calls;
    private final Resilience resilience;
    private final Duration timeout;

    MyDataExportHandler(Upstreams upstreams, UpstreamCalls calls, Resilience resilience, GatewayConfig config) {
        this.upstreams = upstreams;
        this.calls = calls;
        this.resilience = resilience;
        this.timeout = config.timeout().of(ROUTE);
    }

    void register(@Observes Router router) {
        router.get(PATH).order(RouteOrder.LOCAL_ROUTES).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var exchange = Exchange.of(context);
        exchange.routedTo(ROUTE, String.join(",", PARTS));
        if (exchange.identity() == null || !exchange.identity().hasRole("customer")) {
            Problems.answer(context, ProblemType.FORBIDDEN, "An export is a customer's own data");
            return;
        }
        var headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.AUTHORIZATION, context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .add(HttpHeaders.ACCEPT, "application/json");
        ForwardedHeaders.apply(context, headers);
        var answers = PARTS.stream().map(service -> calls.get(upstreams.get(service), PATH, headers, timeout)
                .map(reply -> {
                    if (reply.status() >= 500) {
                        throw UpstreamUnavailable.refused(service, reply);
                    }
                    return reply;
                })
                .onFailure().transform(failure -> new PartFailed(service, failure))).toList();
        Uni.join().all(answers).andFailFast().subscribe().with(
                replies -> respond(context, replies),
                failure -> {
                    var part = failure instanceof PartFailed failed ? failed
                            : new PartFailed(Upstreams.FEEDBACK, failure);
                    UpstreamFailures.answer(context, part.service, unavailable(part), resilience.retryAfter());
                });
    }

    /** A part of the export that could not be had. */
    private static final class PartFailed extends RuntimeException {
        final String service;

        PartFailed(String service, Throwable cause) {
            super(service, cause, false, false);
            this.service = service;
        }
    }

    /** An export is all or nothing: whatever stopped a part, the caller is asked to try again (503). */
    private static Throwable unavailable(PartFailed part) {
        var cause = part.getCause();
        return cause instanceof UpstreamUnavailable unavailable && unavailable.reply() != null
                ? UpstreamUnavailable.unreachable(part.service, cause) : cause;
    }

    private static void respond(RoutingContext context, List<UpstreamReply> replies) {
        var refused = replies.stream().filter(reply -> !reply.ok()).findFirst();
        if (refused.isPresent()) {
            refused.get().relayTo(context.response());
            return;
        }
        var document = MyDataExport.compose(replies.get(0).body().toJsonObject(), replies.get(1).body().toJsonObject(),
                replies.get(2).body().toJsonObject());
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader("Content-Disposition", "attachment; filename=\"" + MyDataExport.FILE_NAME + "\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(document.encodePrettily());
    }
}
