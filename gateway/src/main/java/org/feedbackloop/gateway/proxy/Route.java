package org.feedbackloop.gateway.proxy;

/**
 * A path prefix of the public API and the service that serves it.
 *
 * @param name      short name, for timeouts, the access log and metrics
 * @param prefix    the path and everything below it
 * @param upstream  the service's name
 * @param streaming a live stream: no timeout, a connection pool of its own
 */
public record Route(String name, String prefix, String upstream, boolean streaming) {

    boolean covers(String path) {
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }
}
