package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code docs/openapi.json} is the published contract (the file the Java client of {@link GeneratedClientTest} is
 * generated from): the gateway's {@code GET /openapi} must be that document, compared as parsed JSON (the order of an
 * object's members aside). When it is not, the served document is written to {@code e2e/target/openapi.json}, for
 * review and copying.
 */
class PublishedOpenApiTest {

    @RegisterExtension
    static Suite suite = new Suite();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 8;

    @Test
    void theGatewayServesThePublishedDocument() throws Exception {
        var file = Suite.root().resolve("docs/openapi.json");
        var published = JSON.readTree(Files.readString(file));
        var served = JSON.readTree(fetch(Suite.GATEWAY + "/openapi"));

        var differences = new ArrayList<Difference>();
        compare("", published, served, differences);
        if (differences.isEmpty()) {
            return;
        }
        var copy = Suite.target().resolve("openapi.json").toAbsolutePath();
        Files.writeString(copy, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        var where = Suite.root().relativize(copy);
        fail("GET /openapi differs from docs/openapi.json at " + differences.size() + " place(s), in "
                + affected(differences) + ":\n  "
                + first(differences, SHOWN, "\n  ")
                + "\nThe served document is in " + where + ": review and copy " + where + " to docs/openapi.json");
    }

    private static String fetch(String url) throws Exception {
        // HTTP/1.1: the upgrade to HTTP/2 in clear text has failed on a document this large
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** Where (a JSON pointer) the two differ, and how. */
    private record Difference(String pointer, String how) {
        @Override
        public String toString() {
            return pointer + ": " + how;
        }
    }

    /** Objects compared member by member, whatever their order; arrays item by item. */
    private static void compare(String pointer, JsonNode published, JsonNode served, List<Difference> differences) {
        if (published.equals(served)) {
            return;
        }
        if (published.isObject() && served.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            published.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (var name : names) {
                var child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!served.has(name)) {
                    differences.add(new Difference(child, "only in docs/openapi.json"));
                } else if (!published.has(name)) {
                    differences.add(new Difference(child, "only served"));
                } else {
                    compare(child, published.get(name), served.get(name), differences);
                }
            }
        } else if (published.isArray() && served.isArray() && published.size() == served.size()) {
            for (int i = 0; i < published.size(); i++) {
                compare(pointer + "/" + i, published.get(i), served.get(i), differences);
            }
        } else {
            differences.add(new Difference(pointer, brief(published) + " in docs/openapi.json, " + brief(served) + " served"));
        }
    }

    private static String brief(JsonNode node) {
        if (node.isContainerNode()) {
            return (node.isArray() ? "an array of " : "an object of ") + node.size();
        }
        var text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String first(Collection<?> items, int count, String separator) {
        var shown = items.stream().limit(count).map(Object::toString).toList();
        return String.join(separator, shown) + (items.size() > count ? separator + "and " + (items.size() - count) + " more" : "");
    }

    /** What the differences touch: "3 paths (/api/feedback, ...), 2 schemas (Feedback, ...)", other parts by name. */
    private static String affected(List<Difference> differences) {
        var affected = new TreeMap<String, Set<String>>();
        for (var difference : differences) {
            var parts = Arrays.stream(difference.pointer().split("/"))
                    .map(part -> part.replace("~1", "/").replace("~0", "~")).toList();
            if (parts.size() > 2 && parts.get(1).equals("paths")) {
                affected.computeIfAbsent("paths", kind -> new TreeSet<>()).add(parts.get(2));
            } else if (parts.size() > 3 && parts.get(1).equals("components")) {
                affected.computeIfAbsent(parts.get(2), kind -> new TreeSet<>()).add(parts.get(3));
            } else {
                affected.computeIfAbsent("other parts", kind -> new TreeSet<>()).add(String.join("/", parts));
            }
        }
        var summary = new ArrayList<String>();
        affected.forEach((kind, names) -> summary.add(names.size() + " " + kind + " (" + first(names, 5, ", ") + ")"));
        return String.join(", ", summary);
    }
}
