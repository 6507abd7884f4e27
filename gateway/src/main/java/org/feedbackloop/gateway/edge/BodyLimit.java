package org.feedbackloop.gateway.edge;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.gateway.config.GatewayConfig;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.gateway.proxy.Route;
import org.feedbackloop.gateway.proxy.RouteTable;
import org.feedbackloop.kit.http.OversizedBody;
import org.feedbackloop.kit.problem.ProblemType;

/**
 * The limit on request bodies, as the services have it: a body announced larger answers 413 before anything reads
 * it; a chunked body is counted as it is read ({@code proxy.Bodies}, and the HTTP layer for the gateway's own pages).
 * Upload routes ({@link Route.Traffic#UPLOAD}) have the HTTP layer's larger limit; their upstream counts what it reads.
 */
@ApplicationScoped
public class BodyLimit {

    /** Where the HTTP layer reads the limit of a body that comes without a length. */
    private static final String READ_LIMIT_KEY = "io.quarkus.max-request-size";

    private final long maxBytes;
    private final long maxUploadBytes;

    BodyLimit(GatewayConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxUploadSize) {
        this.maxUploadBytes = maxUploadSize.asLongValue();
        this.maxBytes = Math.min(config.maxBodySize().asLongValue(), maxUploadBytes);
    }

    public long maxBytes() {
        return maxBytes;
    }

    void register(@Observes Router router) {
        router.route().order(RouteOrder.BODY_LIMIT).handler(this::handle);
        // after the HTTP layer set its own (larger) limit for reading: anything but an upload has the smaller one
        router.route().order(-1).handler(context -> {
            if (!isUpload(context)) {
                context.put(READ_LIMIT_KEY, maxBytes);
            }
            context.next();
        });
    }

    private void handle(RoutingContext context) {
        if (OversizedBody.announced(context.request()) > limitOf(context)) {
            refuse(context);
            return;
        }
        context.next();
    }

    private long limitOf(RoutingContext context) {
        return isUpload(context) ? maxUploadBytes : maxBytes;
    }

    private static boolean isUpload(RoutingContext context) {
        return RouteTable.match(context.normalizedPath()).map(Route::upload).orElse(false);
    }

    /** Answers 413 and closes the connection, so that the client reads the answer. */
    public void refuse(RoutingContext context) {
        OversizedBody.closeAfterAnswer(context);
        Problems.answer(context, ProblemType.PAYLOAD_TOO_LARGE,
                "The body may hold at most %d bytes".formatted(limitOf(context)));
    }
}
