package org.feedbackloop.gateway.edge;

import org.feedbackloop.kit.problem.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First handler of every request: gives it a request id (the caller's {@code X-Request-Id} when it is sane, else a
 * new one) and a W3C trace (the caller's {@code traceparent} when well-formed, else a new one), for the logs, the
 * upstream and the response.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile(Problem.REQUEST_ID_PATTERN);

    void register(@Observes Router router) {
        router.route().order(RouteOrder.REQUEST_IDS).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var given = context.request().getHeader(HEADER);
        var requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        var exchange = Exchange.start(context, requestId,
                TraceParent.fromHeaderOrNew(context.request().getHeader(TraceParent.HEADER)));
        MDC.put("requestId", requestId);
        MDC.put("traceId", exchange.trace().traceId());
        // Set as the headers go out, so that an upstream's echo of the id never doubles it.
        context.addHeadersEndHandler(v -> context.response().headers().set(HEADER, requestId));
        context.next();
    }
}
