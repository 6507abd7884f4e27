package org.feedbackloop.gateway.web.shared;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a service answered, or that it did not answer at all ({@link #unavailable()}): pages turn the first into
 * content or a readable message, the second into a "temporarily unavailable" part, never an error page.
 */
public final class UpstreamResponse {

    private final Service service;
    private final int status;
    private final MultiMap headers;
    private final Buffer body;
    private final ObjectMapper json;

    UpstreamResponse(Service service, int status, MultiMap headers, Buffer body, ObjectMapper json) {
        this.service = service;
        this.status = status;
        this.headers = headers == null ? MultiMap.caseInsensitiveMultiMap() : headers;
        this.body = body;
        this.json = json;
    }

    static UpstreamResponse unavailable(Service service, ObjectMapper json) {
        return new UpstreamResponse(service, 0, null, null, json);
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** No answer, or an answer that says the service (or what is in front of it) is down. */
    public boolean unavailable() {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notFound() {
        return status == 404;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public <T> T as(Class<T> type) {
        try {
            return json.readValue(body == null ? "null" : body.toString(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected answer from " + service.label(), e);
        }
    }

    public <T> T as(TypeReference<T> type) {
        try {
            return json.readValue(body == null ? "null" : body.toString(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected answer from " + service.label(), e);
        }
    }

    /** The answer as a message a person can act on. */
    public ProblemMessage problem() {
        if (unavailable()) {
            return ProblemMessage.unavailable(service);
        }
        JsonNode node = null;
        try {
            if (body != null && body.length() > 0) {
                node = json.readTree(body.toString());
            }
        } catch (IOException e) {
            node = null; // not problem+json: the status decides
        }
        return ProblemMessage.of(status, node);
    }
}
