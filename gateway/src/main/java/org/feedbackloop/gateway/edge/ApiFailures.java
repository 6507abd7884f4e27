package org.feedbackloop.gateway.edge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.kit.problem.ProblemType;
import org.jboss.logging.Logger;

import java.util.Arrays;

/**
 * A failure inside the gateway's own handlers still answers as problem+json, never as a stack trace. Vert.x Web
 * refuses some requests itself before any handler runs (HTTP/1.1 without a valid {@code Host}): those failures
 * carry a 4xx status and are the client's mistake, not the gateway's.
 */
@ApplicationScoped
public class ApiFailures {

    private static final Logger LOG = Logger.getLogger(ApiFailures.class);

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteOrder.PROXY).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        int status = context.statusCode();
        if (status >= 400 && status < 500) {
            LOG.debugf(context.failure(), "Request refused with %d", status);
            if (!context.response().ended()) {
                var type = Arrays.stream(ProblemType.values()).filter(t -> t.status() == status).findFirst()
                        .orElse(ProblemType.MALFORMED_REQUEST);
                Problems.answer(context, type, type == ProblemType.MALFORMED_REQUEST
                        ? "The request is not valid HTTP (HTTP/1.1 needs one valid Host header, for example)"
                        : type.title());
            }
            return;
        }
        LOG.error("Request failed in the gateway", context.failure());
        if (!context.response().ended()) {
            Problems.answer(context, ProblemType.INTERNAL,
                    "Something went wrong in the gateway; the request id helps us find out what");
        }
    }
}
