package org.feedbackloop.kit.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * A request body larger than the limit: known from its {@code Content-Length} before anything reads it, answered 413,
 * and the connection closed after the answer in a way the client can read it.
 */
public final class OversizedBody {

    private static final long DRAIN_LIMIT = 1024 * 1024;
    private static final Duration DRAIN_TIME = Duration.ofSeconds(5);

    private OversizedBody() {
    }

    /** The length a request announces in {@code Content-Length}, or -1 when there is none (chunked) or it is not a number. */
    public static long announced(HttpServerRequest request) {
        var header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Closes the connection once the answer (written next by the caller) has gone. A client still sending its body
     * when the connection closes gets a reset instead of the answer (its unread data makes the close a TCP RST), so
     * the rest of a body of reasonable size is read and dropped first, for a few seconds at most; a larger one is not
     * worth reading.
     */
    public static void closeAfterAnswer(RoutingContext context) {
        var request = context.request();
        var connection = request.connection();
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        context.response().endHandler(v -> {
            if (request.isEnded() || announced(request) > DRAIN_LIMIT) {
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
    }
}
