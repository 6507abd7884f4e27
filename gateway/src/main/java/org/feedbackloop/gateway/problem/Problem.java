package org.feedbackloop.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, shaped like the services' own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null);
    }

    public Problem withRequestId(String requestId) {
        return new Problem(type, title, status, detail, requestId);
    }
}
