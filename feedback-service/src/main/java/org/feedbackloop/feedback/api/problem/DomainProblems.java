package org.feedbackloop.feedback.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.feedback.domain.FeedbackNotFoundException;
import org.feedbackloop.feedback.domain.IdempotencyKeyReusedException;
import org.feedbackloop.feedback.domain.UnknownTopicException;
import org.feedbackloop.feedback.understanding.Previews;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import static org.feedbackloop.kit.problem.ProblemMappers.respond;

/** The answers to this service's own refusals; every other failure is mapped by the kit's {@code ProblemMappers}. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response notFound(FeedbackNotFoundException e) {
        return respond(Problem.of(ProblemType.NOT_FOUND, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return respond(Problem.of(FeedbackProblem.IDEMPOTENCY_KEY_REUSED, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownTopic(UnknownTopicException e) {
        return respond(ProblemException.invalid("topic", e.getMessage()).problem());
    }

    @ServerExceptionMapper
    public Response busy(Previews.Busy e) {
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAVAILABLE, "The text cannot be read now: " + e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, "1").build();
    }
}
