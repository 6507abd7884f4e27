package org.feedbackloop.gateway.proxy;

import io.vertx.core.http.HttpMethod;

/**
 * A path prefix of the public API and the service that serves it.
 *
 * @param name     short name, for timeouts, the access log and metrics
 * @param prefix   the path and everything below it; a segment {@code *} stands for any one segment (an id)
 * @param upstream the service's name
 * @param traffic  what passes: calls, a live stream, or uploads
 * @param keyed    whether the service replays a POST to the prefix itself by its Idempotency-Key: such a POST is
 *                 retried like a read when its service could not be reached
 */
public record Route(String name, String prefix, String upstream, Traffic traffic, boolean keyed) {

    public Route(String name, String prefix, String upstream, Traffic traffic) {
        this(name, prefix, upstream, traffic, false);
    }

    public enum Traffic {
        /** A request and its answer, the body at most the general limit and held so that a retry can send it again. */
        CALL,
        /** A live stream: no timeout, a connection pool of its own. */
        STREAM,
        /** Files: a body up to the upload limit, passed on as it arrives (never held, never retried). */
        UPLOAD
    }

    public boolean streaming() {
        return traffic == Traffic.STREAM;
    }

    public boolean upload() {
        return traffic == Traffic.UPLOAD;
    }

    /** A POST to the prefix itself carrying an Idempotency-Key that the service honours. */
    public boolean keyedWrite(HttpMethod method, String path, String idempotencyKey) {
        return keyed && method == HttpMethod.POST && path.equals(prefix) && idempotencyKey != null
                && !idempotencyKey.isBlank();
    }

    boolean covers(String path) {
        if (!prefix.contains("*")) {
            return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
        }
        var wanted = prefix.split("/");
        var given = path.split("/", -1);
        if (given.length < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals("*") ? given[i].isEmpty() : !wanted[i].equals(given[i])) {
                return false;
            }
        }
        return true;
    }
}
