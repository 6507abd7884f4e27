package org.feedbackloop.gateway.upstream;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** A complete answer of an upstream: status, headers and body. */
public record UpstreamReply(int status, MultiMap headers, Buffer body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
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
