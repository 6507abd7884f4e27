package org.feedbackloop.gateway.openapi;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.config.GatewayConfig;
import org.feedbackloop.gateway.upstream.Upstream;
import org.feedbackloop.gateway.upstream.UpstreamCalls;
import org.feedbackloop.gateway.upstream.Upstreams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents to merge: the gateway's own ({@code META-INF/openapi.json}, also served at {@code /q/openapi}) and
 * each service's {@code /q/openapi}, fetched when asked for and reused for a while. A service that does not
 * answer is asked again next time.
 */
@Startup
@ApplicationScoped
public class OpenApiDocuments {

    private final Upstreams upstreams;
    private final UpstreamCalls calls;
    private final Duration ttl;
    private final Duration timeout;
    private final JsonObject own;
    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

    private record Fetched(JsonObject document, Instant at) {
    }

    OpenApiDocuments(Upstreams upstreams, UpstreamCalls calls, GatewayConfig config) {
        this.upstreams = upstreams;
        this.calls = calls;
        this.ttl = config.openapi().cacheTtl();
        this.timeout = config.probeTimeout();
        this.own = readOwn();
    }

    JsonObject own() {
        return own;
    }

    /** The service's document, or empty when it could not be had. */
    Uni<Optional<JsonObject>> of(Upstream upstream) {
        var cached = cache.get(upstream.name());
        if (cached != null && cached.at().plus(ttl).isAfter(Instant.now())) {
            return Uni.createFrom().item(Optional.of(cached.document()));
        }
        var headers = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.ACCEPT, "application/json");
        return calls.get(upstream, "/q/openapi?format=json", headers, timeout)
                .map(reply -> reply.ok() ? Optional.of(reply.body().toJsonObject()) : Optional.<JsonObject>empty())
                .onFailure().recoverWithItem(Optional.empty())
                .invoke(document -> document.ifPresent(d -> cache.put(upstream.name(), new Fetched(d, Instant.now()))));
    }

    Iterable<Upstream> services() {
        return upstreams.all();
    }

    private static JsonObject readOwn() {
        try (var in = OpenApiDocuments.class.getClassLoader().getResourceAsStream("META-INF/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi.json is missing");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
