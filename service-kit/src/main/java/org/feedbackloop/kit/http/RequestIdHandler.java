package org.feedbackloop.kit.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemType;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First handler of every request: gives it a request id (the caller's {@code X-Request-Id} when it is sane,
 * else a new one) for the logs and the response, and refuses bodies announced larger than the limit with a
 * problem+json 413 before anything reads them (the rest of the body drained, so that the client reads the answer).
 */
@ApplicationScoped
public class RequestIdHandler {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final long maxBodyBytes;

    RequestIdHandler(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var given = context.request().getHeader(HEADER);
        var requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, requestId);
        context.response().putHeader(HEADER, requestId);
        if (OversizedBody.announced(context.request()) > maxBodyBytes) {
            var problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body may hold at most %d bytes".formatted(maxBodyBytes)).withRequestId(requestId);
            OversizedBody.closeAfterAnswer(context);
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(io.vertx.core.json.Json.encode(problem));
            return;
        }
        context.next();
    }
}
