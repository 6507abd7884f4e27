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

import java.time.Duration;

/**
 * The limit on request bodies, as the services have it: a body announced larger answers 413 before anything reads
 * it; a chunked body is counted as it is read ({@code proxy.Bodies}).
 */
@ApplicationScoped
public class BodyLimit {

    private static final long DRAIN_LIMIT = 1024 * 1024;
    private static final Duration DRAIN_TIME = Duration.ofSeconds(5);

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

    /**
     * Answers 413 and closes the connection. A client still sending its body when the connection closes gets a reset
     * instead of the answer (its unread data makes the close a TCP RST), so the rest of a body of reasonable size is
     * read and dropped first, for a few seconds at most; a larger one is not worth reading.
     */
    public void refuse(RoutingContext context) {
        var request = context.request();
        var connection = request.connection();
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        context.response().endHandler(v -> {
            if (request.isEnded() || announcedLength(context) > DRAIN_LIMIT) {
                connection.close();
                return;
            }
            var vertx = context.vertx();
            var deadline = vertx.setTimer(DRAIN_TIME.toMillis(), t -> connection.close());
            try {
                request.handler(dropped -> { });
                request.endHandler(end -> {
                    vertx.cancelTimer(deadline);
                    connection.close();
                });
                request.resume();
            } catch (IllegalStateException alreadyRead) {
                vertx.cancelTimer(deadline);
                connection.close();
            }
        });
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
