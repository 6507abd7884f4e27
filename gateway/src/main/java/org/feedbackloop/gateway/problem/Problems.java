package org.feedbackloop.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import org.feedbackloop.gateway.edge.Exchange;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemKind;

/** Answers a request with the kit's problem+json body; every error the gateway itself produces goes through here. */
public final class Problems {

    private Problems() {
    }

    public static void answer(RoutingContext context, ProblemKind type, String detail) {
        answer(context, Problem.of(type, detail));
    }

    public static void answer(RoutingContext context, Problem problem) {
        var response = context.response();
        if (response.headWritten()) {
            // Too late for a problem: the status line is gone. Cutting the connection tells the client.
            response.reset();
            return;
        }
        var exchange = Exchange.find(context);
        var body = exchange == null ? problem : problem.withRequestId(exchange.requestId());
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(body));
    }
}
