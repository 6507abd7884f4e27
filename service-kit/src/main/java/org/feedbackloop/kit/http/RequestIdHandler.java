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

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First handler of every request: gives it a request id (the caller's {@code X-Request-Id} when it is sane,
 * else a new one) for the logs and the response, and refuses bodies announced larger than the limit with a
 * problem+json 413 before anything reads them (the rest of the body drained, so that the client reads the answer).
 * <p>
 * The limit is {@code feedbackloop.http.max-body-size}; the paths of {@code feedbackloop.http.upload-paths} (files
 * written to disk as they arrive) have the HTTP layer's own, larger {@code quarkus.http.limits.max-body-size}. A
 * body without a length is counted against the same limit as it is read.
 */
@ApplicationScoped
public class RequestIdHandler {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE_ID = Pattern.compile(Problem.REQUEST_ID_PATTERN);

    /** Where the HTTP layer reads the limit of a body that comes without a length. */
    private static final String READ_LIMIT_KEY = "io.quarkus.max-request-size";

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final List<String> uploadPaths;

    RequestIdHandler(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpLimit,
                     @ConfigProperty(name = "feedbackloop.http.max-body-size") Optional<MemorySize> maxBodySize,
                     @ConfigProperty(name = "feedbackloop.http.upload-paths") Optional<List<String>> uploadPaths) {
        this.maxUploadBytes = httpLimit.asLongValue();
        this.maxBodyBytes = Math.min(maxUploadBytes, maxBodySize.map(MemorySize::asLongValue).orElse(maxUploadBytes));
        this.uploadPaths = uploadPaths.orElse(List.of());
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
        if (maxBodyBytes < maxUploadBytes) {
            // after the HTTP layer set its own (larger) limit for reading: anything but an upload has the smaller one
            router.route().order(-1).handler(context -> {
                if (!isUpload(context)) {
                    context.put(READ_LIMIT_KEY, maxBodyBytes);
                }
                context.next();
            });
        }
    }

    private boolean isUpload(RoutingContext context) {
        return !uploadPaths.isEmpty() && uploadPaths.contains(context.normalizedPath());
    }

    private void handle(RoutingContext context) {
        var given = context.request().getHeader(HEADER);
        var requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, requestId);
        context.response().putHeader(HEADER, requestId);
        var limit = isUpload(context) ? maxUploadBytes : maxBodyBytes;
        if (OversizedBody.announced(context.request()) > limit) {
            var problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body may hold at most %d bytes".formatted(limit)).withRequestId(requestId);
            OversizedBody.closeAfterAnswer(context);
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(io.vertx.core.json.Json.encode(problem));
            return;
        }
        context.next();
    }
}
