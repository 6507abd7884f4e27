package org.feedbackloop.gateway.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.upstream.Upstream;
import org.feedbackloop.gateway.upstream.UpstreamCalls;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.upstream.UpstreamUnavailable;
import org.feedbackloop.gateway.upstream.Upstreams;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Calls the services for the pages, without blocking, with the signed-in person's access token as bearer: each
 * service checks the token itself. The calls go through the gateway's upstreams, with the same circuit breakers,
 * timeouts and retries as proxied calls. A service that does not answer in time becomes
 * {@link UpstreamReply#none}, never an exception on the page: pages turn an answer into content or a readable
 * {@link ProblemMessage}, no answer into a "temporarily unavailable" part.
 */
@ApplicationScoped
public class ServiceClient {

    private static final Logger LOG = Logger.getLogger(ServiceClient.class);

    private final Upstreams upstreams;
    private final UpstreamCalls calls;
    private final WebConfig config;
    private final ObjectMapper json;

    ServiceClient(Upstreams upstreams, UpstreamCalls calls, WebConfig config, ObjectMapper json) {
        this.upstreams = upstreams;
        this.calls = calls;
        this.config = config;
        this.json = json;
    }

    public Upstream upstreamOf(Service service) {
        return upstreams.get(service.upstream());
    }

    public Uni<UpstreamReply> get(Service service, String pathAndQuery, String token) {
        return send(service, HttpMethod.GET, pathAndQuery, token, Map.of(), null);
    }

    /** Sends {@code body} (if any) as JSON; {@code headers} such as Idempotency-Key or If-Match go along. */
    public Uni<UpstreamReply> send(Service service, HttpMethod method, String pathAndQuery, String token,
                                      Map<String, String> headers, Object body) {
        var all = MultiMap.caseInsensitiveMultiMap()
                .add("Accept", "application/json, application/problem+json")
                .add("User-Agent", "feedbackloop-web");
        if (token != null) {
            all.add("Authorization", "Bearer " + token);
        }
        headers.forEach(all::add);
        Buffer payload = null;
        if (body != null) {
            try {
                payload = Buffer.buffer(json.writeValueAsBytes(body));
                all.add("Content-Type", "application/json");
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return calls.send(upstreamOf(service), method, pathAndQuery, all, payload, config.upstreamTimeout())
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof UpstreamUnavailable) {
                        LOG.debugf("%s %s: %s", method, pathAndQuery, failure.getMessage());
                    } else {
                        LOG.warnf("%s %s did not answer: %s", method, pathAndQuery, failure.toString());
                    }
                    return UpstreamReply.none(service.upstream());
                });
    }

    /** The body of an answer as {@code type}. */
    public <T> T read(UpstreamReply reply, Class<T> type) {
        try {
            return json.readValue(text(reply), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected answer from " + reply.upstream(), e);
        }
    }

    public <T> T read(UpstreamReply reply, TypeReference<T> type) {
        try {
            return json.readValue(text(reply), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected answer from " + reply.upstream(), e);
        }
    }

    private static String text(UpstreamReply reply) {
        return reply.body() == null || reply.body().length() == 0 ? "null" : reply.body().toString();
    }

    public ObjectMapper json() {
        return json;
    }
}
