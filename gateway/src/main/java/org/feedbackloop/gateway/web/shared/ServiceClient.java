package org.feedbackloop.gateway.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Map;

/**
 * Calls the services for the pages, without blocking, with the signed-in person's access token as bearer: each
 * service checks the token itself. A service that does not answer in time becomes
 * {@link UpstreamResponse#unavailable()}, never an exception on the page.
 */
@ApplicationScoped
public class ServiceClient {

    private static final Logger LOG = Logger.getLogger(ServiceClient.class);

    private final WebClient client;
    private final WebConfig config;
    private final ObjectMapper json;

    ServiceClient(Vertx vertx, WebConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(config.upstreamTimeout().toMillis(), 3000))
                .setFollowRedirects(false)
                .setUserAgent("feedbackloop-web")
                .setMaxPoolSize(50));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public URI baseOf(Service service) {
        return switch (service) {
            case FEEDBACK -> config.feedbackServiceUrl();
            case ACTIONS -> config.actionServiceUrl();
            case NOTIFICATIONS -> config.notificationServiceUrl();
        };
    }

    public Uni<UpstreamResponse> get(Service service, String pathAndQuery, String token) {
        return send(service, HttpMethod.GET, pathAndQuery, token, Map.of(), null);
    }

    /** Sends {@code body} (if any) as JSON; {@code headers} such as Idempotency-Key or If-Match go along. */
    public Uni<UpstreamResponse> send(Service service, HttpMethod method, String pathAndQuery, String token,
                                      Map<String, String> headers, Object body) {
        var uri = baseOf(service).resolve(pathAndQuery);
        var request = client.requestAbs(method, uri.toString())
                .timeout(config.upstreamTimeout().toMillis())
                .putHeader("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        headers.forEach(request::putHeader);
        Uni<HttpResponse<Buffer>> sent;
        if (body == null) {
            sent = request.send();
        } else {
            try {
                request.putHeader("Content-Type", "application/json");
                sent = request.sendBuffer(Buffer.buffer(json.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return sent.map(response -> new UpstreamResponse(service, response.statusCode(), response.headers().getDelegate(),
                        response.body() == null ? null : response.body().getDelegate(), json))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s %s did not answer: %s", method, uri, failure.toString());
                    return UpstreamResponse.unavailable(service, json);
                });
    }

    public ObjectMapper json() {
        return json;
    }
}
