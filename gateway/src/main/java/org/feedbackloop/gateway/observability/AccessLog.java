package org.feedbackloop.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.edge.Exchange;
import org.feedbackloop.gateway.edge.RouteOrder;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One log line per API request when its answer is complete (category {@code access}; with JSON logging its fields
 * are JSON fields under {@code mdc}), and the timer {@code gateway_requests_seconds} by route, upstream, method and
 * status. The path is logged without its query string, whose values may hold tokens (unsubscribe links do); the
 * caller appears by subject, never by token. Operations endpoints ({@code /q/*}) are left out: probes would drown
 * everything else.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("access");

    private final MeterRegistry registry;

    AccessLog(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes Router router) {
        router.route().order(RouteOrder.ACCESS_LOG).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!context.request().path().startsWith("/q/")) {
            context.addEndHandler(ended -> record(context, ended.succeeded()));
        }
        context.next();
    }

    private void record(RoutingContext context, boolean completed) {
        var exchange = Exchange.of(context);
        var status = context.response().getStatusCode();
        var millis = exchange.elapsedMillis();
        var route = exchange.route() == null ? "gateway" : exchange.route();
        var upstream = exchange.upstream() == null ? "none" : exchange.upstream();
        Timer.builder("gateway.requests")
                .description("Requests through the gateway, by route, upstream and status")
                .tags("route", route, "upstream", upstream, "method", context.request().method().name(),
                        "status", String.valueOf(status))
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        var fields = new LinkedHashMap<String, String>();
        fields.put("method", context.request().method().name());
        fields.put("path", context.request().path());
        fields.put("status", String.valueOf(status));
        fields.put("durationMs", String.valueOf(Math.round(millis * 10) / 10.0));
        fields.put("route", route);
        fields.put("upstream", upstream);
        fields.put("subject", exchange.subject() == null ? "-" : exchange.subject());
        if (!completed) {
            fields.put("aborted", "true");
        }
        // Fields go to the MDC, which the JSON log prints as such next to requestId and traceId.
        fields.forEach(MDC::put);
        try {
            LOG.infof("%s %s %d %.1f ms %s %s", fields.get("method"), fields.get("path"), status, millis, upstream,
                    fields.get("subject"));
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
