package org.feedbackloop.gateway.edge;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.kit.http.OversizedBody;
import org.feedbackloop.kit.problem.ProblemType;

/**
 * The limit on request bodies, as the services have it: a body announced larger answers 413 before anything reads
 * it; a chunked body is counted as it is read ({@code proxy.Bodies}).
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    public long maxBytes() {
        return maxBytes;
    }

    void register(@Observes Router router) {
        router.route().order(RouteOrder.BODY_LIMIT).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (OversizedBody.announced(context.request()) > maxBytes) {
            refuse(context);
            return;
        }
        context.next();
    }

    /** Answers 413 and closes the connection, so that the client reads the answer. */
    public void refuse(RoutingContext context) {
        OversizedBody.closeAfterAnswer(context);
        Problems.answer(context, ProblemType.PAYLOAD_TOO_LARGE, "The body may hold at most %d bytes".formatted(maxBytes));
    }
}
