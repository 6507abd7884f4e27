package org.feedbackloop.gateway.edge;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.gateway.problem.ProblemType;
import org.feedbackloop.gateway.problem.Problems;

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
        if (announcedLength(context) > maxBytes) {
            refuse(context);
            return;
        }
        context.next();
    }

    /** Answers 413 and closes the connection: the rest of the body is not worth reading. */
    public void refuse(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        context.response().endHandler(v -> context.request().connection().close());
        Problems.answer(context, ProblemType.PAYLOAD_TOO_LARGE, "The body may hold at most %d bytes".formatted(maxBytes));
    }

    private static long announcedLength(RoutingContext context) {
        var header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
