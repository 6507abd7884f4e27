package org.feedbackloop.gateway.upstream;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * A complete answer of an upstream (status, headers and body), or that it gave none ({@link #none}).
 *
 * @param upstream the service that answered, as {@link Upstreams} names it
 */
public record UpstreamReply(String upstream, int status, MultiMap headers, Buffer body) {

    /** No answer to use: the upstream was unreachable, too slow or refusing (503), or its breaker is open. */
    public static UpstreamReply none(String upstream) {
        return new UpstreamReply(upstream, 0, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer());
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** No answer, or an answer that says the service (or what is in front of it) is down. */
    public boolean unavailable() {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** Sends it on to the client as it is, but for the headers that belong to one connection. */
    public void relayTo(HttpServerResponse response) {
        response.setStatusCode(status);
        headers.forEach(header -> {
            if (!HopByHopHeaders.isHopByHop(header.getKey(), headers)
                    && !header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH.toString())) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        response.end(body);
    }
}
