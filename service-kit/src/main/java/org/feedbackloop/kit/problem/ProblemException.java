package org.feedbackloop.kit.problem;

import java.util.List;

/** Thrown (or failed with) anywhere to answer the client with this problem. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException of(ProblemKind type, String detail) {
        return new ProblemException(Problem.of(type, detail));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        var detail = errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(ProblemType.VALIDATION, detail, errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public Problem problem() {
        return problem;
    }
}
