package org.feedbackloop.action.api.problem;

import jakarta.ws.rs.core.Response;
import org.feedbackloop.action.domain.ActionException;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

import static org.feedbackloop.kit.problem.ProblemMappers.respond;

/** The answers to this service's own refusals; every other failure is mapped by the kit's {@code ProblemMappers}. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response refused(ActionException e) {
        return respond(switch (e) {
            case ActionException.NotFound notFound -> Problem.of(ProblemType.NOT_FOUND, notFound.getMessage());
            case ActionException.NotPublic notPublic -> Problem.of(ProblemType.NOT_FOUND, notPublic.getMessage());
            case ActionException.NoFeedback none -> Problem.of(ProblemType.NOT_FOUND, none.getMessage());
            case ActionException.FeedbackNotFound missing -> Problem.of(ProblemType.NOT_FOUND, missing.getMessage());
            case ActionException.Closed closed -> Problem.of(ActionProblem.ACTION_CLOSED, closed.getMessage());
            case ActionException.StaleVersion stale -> Problem.of(ActionProblem.STALE_VERSION, stale.getMessage());
            case ActionException.TransitionForbidden forbidden -> Problem.of(ActionProblem.TRANSITION_FORBIDDEN, forbidden.getMessage());
            case ActionException.NotYourTeam notYours -> Problem.of(ProblemType.FORBIDDEN, notYours.getMessage());
            case ActionException.AlreadyTracked tracked -> Problem.of(ProblemType.CONFLICT, tracked.getMessage());
            case ActionException.NotOwnWords quoted -> Problem.of(ActionProblem.NOT_OWN_WORDS,
                    quoted.field() + ": " + quoted.getMessage(), List.of(new Problem.FieldError(quoted.field(), quoted.getMessage())));
            case ActionException.InvalidField invalid -> ProblemException.invalid(invalid.field(), invalid.getMessage()).problem();
            default -> Problem.of(ProblemType.INTERNAL, "Unexpected refusal");
        });
    }
}
