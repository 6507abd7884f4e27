package org.feedbackloop.gateway.web.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.feedbackloop.gateway.upstream.UpstreamReply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's problem+json answer (RFC 9457) turned into words for the person in front of the page: a headline,
 * what to do about it, and one line per invalid field. Never a stack trace.
 */
public record ProblemMessage(int status, String headline, String advice, List<String> details) {

    private static final ObjectMapper TREES = new ObjectMapper();

    /** What a service's answer (or its silence) means for the person in front of the page. */
    public static ProblemMessage of(UpstreamReply reply) {
        if (reply.unavailable()) {
            return unavailable(Service.of(reply.upstream()));
        }
        JsonNode problem = null;
        try {
            if (reply.body() != null && reply.body().length() > 0) {
                problem = TREES.readTree(reply.body().toString());
            }
        } catch (IOException e) {
            problem = null; // not problem+json: the status decides
        }
        return of(reply.status(), problem);
    }

    public static ProblemMessage unavailable(Service service) {
        return new ProblemMessage(503, capitalize(service.label()) + " is temporarily unavailable.",
                "Nothing was lost. Please try again in a moment.", List.of());
    }

    public static ProblemMessage of(int status, JsonNode problem) {
        var detail = text(problem, "detail");
        var details = new ArrayList<String>();
        if (problem != null && problem.path("errors").isArray()) {
            for (var error : problem.path("errors")) {
                var field = text(error, "field");
                var message = text(error, "message");
                if (message != null) {
                    details.add(field == null ? message : field + ": " + message);
                }
            }
        }
        return switch (status) {
            case 400 -> new ProblemMessage(status, "Some of what you entered cannot be used.",
                    details.isEmpty() && detail != null ? detail : "Please correct it and try again.", List.copyOf(details));
            case 401 -> new ProblemMessage(status, "Your session has ended.", "Please sign in again.", List.of());
            case 403 -> new ProblemMessage(status, "You are not allowed to do that.",
                    detail != null ? detail : "Ask a manager if you think you should be.", List.of());
            case 404 -> new ProblemMessage(status, "We could not find it.",
                    "It may have been removed, or it is not visible to you.", List.of());
            case 409 -> new ProblemMessage(status, "Someone else changed this while you were looking at it.",
                    "Reload the page to see their change, then try again.", List.of());
            case 413 -> new ProblemMessage(status, "That is too long.", "Please shorten it and try again.", List.of());
            case 422 -> new ProblemMessage(status, "That change is not possible.",
                    detail != null ? detail : "Reload the page to see what can be done now.", List.copyOf(details));
            case 428 -> new ProblemMessage(status, "We need to know which version you changed.",
                    "Reload the page and try again.", List.of());
            case 429 -> new ProblemMessage(status, "Too many requests just now.", "Please wait a moment and try again.",
                    List.of());
            default -> status >= 500
                    ? new ProblemMessage(status, "Something went wrong on our side.",
                    "Nothing was lost. Please try again in a moment.", List.of())
                    : new ProblemMessage(status, "That did not work.",
                    detail != null ? detail : "Please try again.", List.copyOf(details));
        };
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field) || !node.get(field).isTextual()) {
            return null;
        }
        var value = node.get(field).asText().strip();
        return value.isEmpty() ? null : value;
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
