package org.feedbackloop.gateway.upstream;

/**
 * An upstream could not be reached, dropped the connection before answering, or answered 503: the failures worth a
 * retry (for idempotent requests) and counted by its circuit breaker.
 */
public final class UpstreamUnavailable extends RuntimeException {

    private final transient UpstreamReply reply;

    private UpstreamUnavailable(String message, Throwable cause, UpstreamReply reply) {
        super(message, cause, false, false);
        this.reply = reply;
    }

    public static UpstreamUnavailable unreachable(String upstream, Throwable cause) {
        return new UpstreamUnavailable(upstream + " is not reachable: " + cause, cause, null);
    }

    public static UpstreamUnavailable refused(String upstream, UpstreamReply reply) {
        return new UpstreamUnavailable(upstream + " answered 503", null, reply);
    }

    /** The upstream's own 503 answer, to pass on as it is; null when it gave none. */
    public UpstreamReply reply() {
        return reply;
    }
}
