package org.feedbackloop.gateway.upstream;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemType;
import org.jboss.logging.Logger;

import java.time.Duration;

/** What a client hears when its call to an upstream failed: 503 with Retry-After, 504, or the upstream's own 503. */
public final class UpstreamFailures {

    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    private UpstreamFailures() {
    }

    public static void answer(RoutingContext context, String upstream, Throwable failure, Duration retryAfter) {
        if (failure instanceof UpstreamUnavailable unavailable && unavailable.reply() != null) {
            unavailable.reply().relayTo(context.response());
            return;
        }
        var response = context.response();
        if (!response.headWritten()) {
            var problem = problemFor(upstream, failure);
            if (problem.status() == 503) {
                response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
            }
            Problems.answer(context, problem);
        } else {
            response.reset();
        }
    }

    static Problem problemFor(String upstream, Throwable failure) {
        return switch (failure) {
            case UpstreamUnavailable e -> Problem.of(ProblemType.UNAVAILABLE,
                    upstream + " is not reachable at the moment; try again shortly");
            case CircuitBreakerOpenException e -> Problem.of(ProblemType.UNAVAILABLE,
                    upstream + " is failing; the gateway gives it a moment before calling it again");
            case TimeoutException e -> Problem.of(ProblemType.GATEWAY_TIMEOUT,
                    upstream + " did not answer in time");
            default -> {
                LOG.warnf(failure, "Call to %s failed unexpectedly", upstream);
                yield Problem.of(ProblemType.BAD_GATEWAY, upstream + " gave an answer the gateway could not use");
            }
        };
    }
}
