package org.feedbackloop.gateway.web.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.upstream.CallPolicy;
import org.feedbackloop.gateway.upstream.Resilience;
import org.feedbackloop.gateway.upstream.Upstreams;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows notification-service's live stream ({@code GET /api/me/notifications/stream}) with the person's access
 * token, which a browser's EventSource cannot send. It connects through the upstream's pool of stream connections
 * and its circuit breaker, as the proxied stream does. Ends when the service ends it or cannot be reached; the
 * browser then reconnects on its own.
 */
@ApplicationScoped
public class LiveInbox {

    private static final Logger LOG = Logger.getLogger(LiveInbox.class);
    private static final CallPolicy STREAM = new CallPolicy(Optional.empty(), false);

    private final Upstreams upstreams;
    private final Resilience resilience;
    private final ObjectMapper json;

    LiveInbox(Upstreams upstreams, Resilience resilience, ObjectMapper json) {
        this.upstreams = upstreams;
        this.resilience = resilience;
        this.json = json;
    }

    public Multi<InboxEntry> follow(String token) {
        var upstream = upstreams.get(Upstreams.NOTIFICATION);
        var client = HttpClient.newInstance(upstream.client(true));
        var options = upstream.request(HttpMethod.GET, "/api/me/notifications/stream")
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "text/event-stream");
        var current = new AtomicReference<HttpClientRequest>();
        var parser = new SseParser();
        return resilience.call(upstream, STREAM, () -> client.request(options)
                        .invoke(current::set)
                        .flatMap(HttpClientRequest::send))
                .onItem().transformToMulti(response -> {
                    if (response.statusCode() != 200) {
                        LOG.debugf("live inbox: notification-service answered %d", response.statusCode());
                        return Multi.createFrom().<io.vertx.mutiny.core.buffer.Buffer>empty();
                    }
                    return response.toMulti();
                })
                .onItem().transformToIterable(chunk -> parser.feed(chunk.getBytes()))
                .onItem().transformToMultiAndConcatenate(event -> {
                    try {
                        return Multi.createFrom().item(json.readValue(event.data(), InboxEntry.class));
                    } catch (IOException e) {
                        LOG.debugf("live inbox: skipped an event that is not an inbox item: %s", e.getMessage());
                        return Multi.createFrom().empty();
                    }
                })
                .onFailure().recoverWithCompletion()
                .onTermination().invoke(() -> {
                    var request = current.get();
                    if (request != null) {
                        request.reset();
                    }
                });
    }
}
