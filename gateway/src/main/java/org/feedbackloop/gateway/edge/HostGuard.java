package org.feedbackloop.gateway.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.kit.problem.ProblemType;

/**
 * Refuses a request with more than one {@code Host} header (RFC 9112, section 3.2: a server must answer 400).
 * The gateway reads the first; a proxy in front of it or a page building a link may read another, which is how
 * such requests poison caches and redirects. (A missing or invalid {@code Host} Vert.x Web refuses itself.)
 */
@ApplicationScoped
public class HostGuard {

    void register(@Observes Router router) {
        router.route().order(RouteOrder.HOST_GUARD).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.request().headers().getAll(HttpHeaders.HOST).size() > 1) {
            Problems.answer(context, ProblemType.MALFORMED_REQUEST, "The request may name one Host only");
            return;
        }
        context.next();
    }
}
