package org.feedbackloop.gateway.edge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every response carries, whoever produced it: no content sniffing, no referrer, no framing; HSTS only
 * when the request came over https (with {@code quarkus.http.proxy.*} set, as an ingress in front reports it).
 */
@ApplicationScoped
public class SecurityHeaders {

    void register(@Observes Router router) {
        router.route().order(RouteOrder.SECURITY_HEADERS).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var https = "https".equalsIgnoreCase(context.request().scheme());
        context.addHeadersEndHandler(v -> {
            var headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            if (!headers.contains("Referrer-Policy")) {
                // pages set their own (same-origin): with no-referrer, browsers send "Origin: null" on form posts
                headers.set("Referrer-Policy", "no-referrer");
            }
            headers.set("X-Frame-Options", "DENY");
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            }
            if (https) {
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
        context.next();
    }
}
