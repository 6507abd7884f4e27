package org.feedbackloop.gateway.web.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.web.shared.WebConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows notification-service's live stream ({@code GET /api/me/notifications/stream}) with the person's access
 * token, which a browser's EventSource cannot send. Ends when the service ends it or cannot be reached; the
 * browser then reconnects on its own.
 */
@ApplicationScoped
public class LiveInbox {

    private static final Logger LOG = Logger.getLogger(LiveInbox.class);

    private final HttpClient client;
    private final WebConfig config;
    private final ObjectMapper json;

    LiveInbox(Vertx vertx, WebConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(config.upstreamTimeout().toMillis(), 3000))
                .setMaxPoolSize(200));
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }

    public Multi<InboxEntry> follow(String token) {
        var uri = config.notificationServiceUrl().resolve("/api/me/notifications/stream");
        var options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "text/event-stream");
        var current = new AtomicReference<HttpClientRequest>();
        var parser = new SseParser();
        return client.request(options)
                .invoke(current::set)
                .flatMap(HttpClientRequest::send)
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
