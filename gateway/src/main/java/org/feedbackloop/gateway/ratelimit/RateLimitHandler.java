package org.feedbackloop.gateway.ratelimit;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.edge.Exchange;
import org.feedbackloop.gateway.edge.RouteOrder;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.gateway.proxy.Route;
import org.feedbackloop.gateway.proxy.RouteTable;
import org.feedbackloop.kit.problem.ProblemType;

/**
 * Limits each caller's rate on {@code /api}: a logged-in caller by the token's subject, an anonymous one by client
 * address; an OAuth client with a quota of its own gives its callers that quota instead of the general limits (see
 * {@link RateLimiter}). Every answer tells the caller where they stand ({@code RateLimit-Limit}, {@code -Remaining},
 * {@code -Reset}); a refusal is 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimitHandler {

    private final RateLimiter limiter;

    RateLimitHandler(RateLimiter limiter) {
        this.limiter = limiter;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteOrder.RATE_LIMIT).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var exchange = Exchange.of(context);
        var subject = exchange.subject();
        var caller = subject != null ? "sub:" + subject : "ip:" + context.request().remoteAddress().hostAddress();
        var route = context.normalizedPath().equals("/api/me/timeline") ? "timeline"
                : RouteTable.match(context.normalizedPath()).map(Route::name).orElse(null);
        var decision = limiter.take(context.request().method(), route, exchange.client(), caller);
        context.response().headers()
                .set("RateLimit-Limit", String.valueOf(decision.limit()))
                .set("RateLimit-Remaining", String.valueOf(decision.remaining()))
                .set("RateLimit-Reset", String.valueOf(decision.reset()));
        if (!decision.allowed()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfter()));
            Problems.answer(context, ProblemType.TOO_MANY_REQUESTS,
                    "Too many requests; try again in %d s".formatted(decision.retryAfter()));
            return;
        }
        context.next();
    }
}
