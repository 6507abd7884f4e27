package org.feedbackloop.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.feedbackloop.gateway.proxy.RouteTable;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Merges the gateway's own OpenAPI document with the services' into one description of the public API. Only paths
 * the gateway routes to a service are taken from it; components and tags keep the first definition of a name (the
 * services share some, such as {@code Problem}, and define them alike). Two different definitions of one name would
 * describe one service's answers with another's schema: their names are listed in {@code info.x-conflicts}, which the
 * contract tests require to be empty.
 */
final class OpenApiMerger {

    private OpenApiMerger() {
    }

    /**
     * @param own      the gateway's document (its own paths, info and security scheme)
     * @param services each available service's document, by service name
     * @param missing  the services whose document could not be fetched
     */
    static JsonObject merge(JsonObject own, Map<String, JsonObject> services, List<String> missing) {
        var merged = own.copy();
        var paths = merged.getJsonObject("paths", new JsonObject());
        var components = merged.getJsonObject("components", new JsonObject());
        var tags = merged.getJsonArray("tags", new JsonArray());
        var tagNames = new HashSet<String>();
        var conflicts = new TreeSet<String>();
        tags.forEach(tag -> tagNames.add(((JsonObject) tag).getString("name")));

        services.forEach((service, cached) -> {
            // a copy: what the merged document takes is completed below (limits, public answers), and the cached
            // document must stay as the service serves it, or the next merge finds it differs from the others'
            var document = cached.copy();
            document.getJsonObject("paths", new JsonObject()).forEach(path -> {
                var routedHere = RouteTable.match(path.getKey())
                        .filter(route -> route.upstream().equals(service)).isPresent();
                if (routedHere && !paths.containsKey(path.getKey())) {
                    paths.put(path.getKey(), path.getValue());
                }
            });
            document.getJsonObject("components", new JsonObject()).forEach(section -> {
                var into = components.getJsonObject(section.getKey());
                if (into == null) {
                    into = new JsonObject();
                    components.put(section.getKey(), into);
                }
                for (var entry : ((JsonObject) section.getValue())) {
                    if (!into.containsKey(entry.getKey())) {
                        into.put(entry.getKey(), entry.getValue());
                    } else if (!into.getValue(entry.getKey()).equals(entry.getValue())) {
                        conflicts.add(section.getKey() + "/" + entry.getKey());
                    }
                }
            });
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                if (tagNames.add(((JsonObject) tag).getString("name"))) {
                    tags.add(tag);
                }
            });
        });
        merged.put("paths", paths).put("components", components).put("tags", tags);
        PublicResponses.addTo(merged);
        FormatLimits.addTo(merged);
        UnusedSchemas.dropFrom(merged);
        merged.getJsonObject("info").put("x-missing", new JsonArray(missing.stream().filter(Objects::nonNull).toList()));
        if (!conflicts.isEmpty()) {
            merged.getJsonObject("info").put("x-conflicts", new JsonArray(List.copyOf(conflicts)));
        }
        return merged;
    }
}
