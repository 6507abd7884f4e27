package org.feedbackloop.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import org.feedbackloop.gateway.edge.Exchange;
import org.feedbackloop.gateway.edge.RequestIds;
import org.feedbackloop.gateway.edge.TraceParent;
import org.feedbackloop.gateway.upstream.HopByHopHeaders;

import java.util.List;
import java.util.Locale;

/**
 * The headers an upstream receives besides the client's own: who really called (replacing whatever {@code X-Forwarded-*}
 * or {@code Forwarded} the client claimed), the request id and the trace. Hop-by-hop headers are dropped.
 */
public final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    public static void apply(RoutingContext context, MultiMap headers) {
        HopByHopHeaders.strip(headers);
        List.copyOf(headers.names()).stream()
                .filter(ForwardedHeaders::isClaimAboutTheClient)
                .forEach(headers::remove);
        var request = context.request();
        var exchange = Exchange.of(context);
        headers.set("X-Forwarded-For", request.remoteAddress().hostAddress())
                .set("X-Forwarded-Proto", request.scheme())
                .set(RequestIds.HEADER, exchange.requestId())
                .set(TraceParent.HEADER, exchange.trace().value());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
    }

    private static boolean isClaimAboutTheClient(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip");
    }
}
