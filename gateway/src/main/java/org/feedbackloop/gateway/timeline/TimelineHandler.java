package org.feedbackloop.gateway.timeline;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
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
import org.feedbackloop.gateway.upstream.Upstreams;
import org.feedbackloop.kit.problem.ProblemType;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /api/me/timeline}: the caller's feedback from feedback-service, each item with the updates
 * notification-service sent about it, fetched in parallel with the caller's own token. {@code limit} and
 * {@code cursor} page through the feedback as in {@code GET /api/feedback}.
 *
 * <p>Only customers have one: feedback-service shows staff every item, not their own.
 */
@ApplicationScoped
public class TimelineHandler {

    static final String ROUTE = "timeline";
    /** notification-service's largest page; older updates of old feedback fall outside it. */
    private static final String NOTIFICATIONS = "/api/me/notifications?limit=100";
    private static final Logger LOG = Logger.getLogger(TimelineHandler.class);

    private final Upstreams upstreams;
    private final UpstreamCalls calls;
    private final Resilience resilience;
    private final Duration timeout;

    TimelineHandler(Upstreams upstreams, UpstreamCalls calls, Resilience resilience, GatewayConfig config) {
        this.upstreams = upstreams;
        this.calls = calls;
        this.resilience = resilience;
        this.timeout = config.timeout().of(ROUTE);
    }

    void register(@Observes Router router) {
        router.get("/api/me/timeline").order(RouteOrder.LOCAL_ROUTES).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var exchange = Exchange.of(context);
        exchange.routedTo(ROUTE, Upstreams.FEEDBACK + "," + Upstreams.NOTIFICATION);
        if (exchange.identity() == null || !exchange.identity().hasRole("customer")) {
            Problems.answer(context, ProblemType.FORBIDDEN, "The timeline is a customer's view of their own feedback");
            return;
        }
        var headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.AUTHORIZATION, context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .add(HttpHeaders.ACCEPT, "application/json");
        ForwardedHeaders.apply(context, headers);

        var feedback = calls.get(upstreams.get(Upstreams.FEEDBACK), feedbackUri(context), headers, timeout);
        var notifications = calls.get(upstreams.get(Upstreams.NOTIFICATION), NOTIFICATIONS, headers, timeout)
                .map(TimelineHandler::items)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Timeline without updates: %s", failure.toString());
                    return Optional.empty();
                });
        Uni.combine().all().unis(feedback, notifications).asTuple().subscribe().with(
                both -> answer(context, both.getItem1(), both.getItem2()),
                failure -> UpstreamFailures.answer(context, Upstreams.FEEDBACK, failure, resilience.retryAfter()));
    }

    private void answer(RoutingContext context, UpstreamReply feedback, Optional<JsonArray> notifications) {
        try {
            compose(context, feedback, notifications);
        } catch (RuntimeException unreadable) {
            UpstreamFailures.answer(context, Upstreams.FEEDBACK, unreadable, resilience.retryAfter());
        }
    }

    private static void compose(RoutingContext context, UpstreamReply feedback, Optional<JsonArray> notifications) {
        if (!feedback.ok()) {
            // feedback-service's refusal (an invalid cursor, say) is the client's to read
            feedback.relayTo(context.response());
            return;
        }
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Timeline.compose(feedback.body().toJsonObject(), notifications).toBuffer());
    }

    private static Optional<JsonArray> items(UpstreamReply reply) {
        return reply.ok() ? Optional.of(reply.body().toJsonObject().getJsonArray("items", new JsonArray()))
                : Optional.empty();
    }

    private static String feedbackUri(RoutingContext context) {
        var uri = new StringBuilder("/api/feedback?limit=");
        var limit = context.request().getParam("limit");
        uri.append(limit == null ? "100" : encode(limit));
        var cursor = context.request().getParam("cursor");
        if (cursor != null) {
            uri.append("&cursor=").append(encode(cursor));
        }
        return uri.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
