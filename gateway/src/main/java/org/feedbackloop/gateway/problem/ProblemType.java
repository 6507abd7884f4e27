package org.feedbackloop.gateway.problem;

/** The kinds of problem the gateway itself reports; {@code uri()} is the problem's {@code type}. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    INTERNAL(500, "Internal error"),
    BAD_GATEWAY(502, "Bad gateway"),
    UNAVAILABLE(503, "Service unavailable"),
    GATEWAY_TIMEOUT(504, "Gateway timeout");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:feedbackloop:problem:" + name().toLowerCase().replace('_', '-');
    }
}
