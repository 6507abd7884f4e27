package org.feedbackloop.action.api;

import org.feedbackloop.action.api.problem.ActionProblem;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;

/** An action's version travels as a strong ETag ({@code "7"}) and comes back in {@code If-Match}. */
final class Versions {

    /** The longest If-Match taken: the weak form of the largest version, with a sign ({@code W/"+2147483647"}). */
    static final int LONGEST_IF_MATCH = 15;
    /** The If-Match forms taken: an ETag of ours, strong or weak, or the version alone. */
    static final String IF_MATCH_PATTERN = "^(W/)?(\"[+-]?[0-9]+\"|[+-]?[0-9]+)$";

    private Versions() {
    }

    static String etag(Action action) {
        return "\"" + action.version + "\"";
    }

    /** The version the client read; 428 without If-Match, 400 when it is not one of our ETags. */
    static int fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(ActionProblem.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the action as you read it, so that no change is lost"));
        }
        var value = ifMatch.strip();
        if (value.length() > LONGEST_IF_MATCH || !value.matches(IF_MATCH_PATTERN)) {
            throw invalidIfMatch();
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            int version = Integer.parseInt(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw invalidIfMatch();
        }
    }

    private static ProblemException invalidIfMatch() {
        return ProblemException.invalid("If-Match", "must be the ETag of the action, such as \"3\"");
    }
}
