package org.feedbackloop.gateway.openapi;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.edge.Exchange;
import org.feedbackloop.gateway.edge.RouteOrder;
import org.feedbackloop.gateway.upstream.Upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code GET /openapi}: one OpenAPI document for the whole public API (Swagger UI at {@code /q/swagger-ui} shows it). */
@ApplicationScoped
public class OpenApiHandler {

    private final OpenApiDocuments documents;

    OpenApiHandler(OpenApiDocuments documents) {
        this.documents = documents;
    }

    void register(@Observes Router router) {
        router.get("/openapi").order(RouteOrder.LOCAL_ROUTES).handler(this::handle);
        // where a Quarkus service keeps its document: an integrator who looks there finds the whole API too
        router.get("/q/openapi").order(RouteOrder.LOCAL_ROUTES).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        Exchange.of(context).routedTo("openapi", null);
        var fetches = new ArrayList<Uni<Map.Entry<String, Optional<JsonObject>>>>();
        for (Upstream upstream : documents.services()) {
            fetches.add(documents.of(upstream).map(document -> Map.entry(upstream.name(), document)));
        }
        Uni.join().all(fetches).andFailFast().subscribe().with(results -> {
            var available = new TreeMap<String, JsonObject>();
            var missing = new ArrayList<String>();
            results.forEach(result -> result.getValue().ifPresentOrElse(
                    document -> available.put(result.getKey(), document), () -> missing.add(result.getKey())));
            context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(OpenApiMerger.merge(documents.own(), available, List.copyOf(missing)).toBuffer());
        }, context::fail);
    }
}
