package org.feedbackloop.gateway.edge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.problem.ProblemType;
import org.feedbackloop.gateway.problem.Problems;
import org.jboss.logging.Logger;

/** A failure inside the gateway's own handlers still answers as problem+json, never as a stack trace. */
@ApplicationScoped
public class ApiFailures {

    private static final Logger LOG = Logger.getLogger(ApiFailures.class);

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteOrder.PROXY).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        LOG.error("Request failed in the gateway", context.failure());
        if (!context.response().ended()) {
            Problems.answer(context, ProblemType.INTERNAL,
                    "Something went wrong in the gateway; the request id helps us find out what");
        }
    }
}
