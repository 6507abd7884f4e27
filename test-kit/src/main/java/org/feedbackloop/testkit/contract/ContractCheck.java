package org.feedbackloop.testkit.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every answer a server gives a test under {@code /api} (through RestAssured, or {@link #verify} from another client),
 * checked against the OpenAPI document the server serves at {@code /q/openapi}: the request reached a documented
 * operation (or got the 404/405 of none), its status is one the operation documents, its media type is documented for
 * that status and a JSON body matches the schema. A mismatch fails the test that made the request, so the document
 * cannot drift from the code. Which statuses of which operations the tests reached is written to
 * {@code target/contract-coverage.txt} when the tests end.
 */
public final class ContractCheck implements OrderedFilter {

    private static final ContractCheck INSTANCE = new ContractCheck();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> NO_SUCH_OPERATION = Set.of(404, 405);

    private final Map<String, OpenApiContract> contracts = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> reached = new ConcurrentHashMap<>();

    private ContractCheck() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::writeCoverage, "contract-coverage"));
    }

    /** Puts the check among RestAssured's filters, once. */
    public static void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                           FilterContext context) {
        var response = context.next(request, expected);
        var uri = URI.create(request.getURI());
        verify(uri.getScheme() + "://" + uri.getRawAuthority(), request.getMethod(), uri.getRawPath(),
                response.statusCode(), response.contentType(), response::asString);
        return response;
    }

    /** Checks the answers of the server at {@code origin} against {@code document} rather than what it serves. */
    public static void useDocument(String origin, Path document) {
        try {
            INSTANCE.contracts.put(origin, new OpenApiContract(JSON.readTree(Files.readString(document))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + document, e);
        }
    }

    /**
     * Checks one answer of the server at {@code origin} against the OpenAPI document it serves at {@code /q/openapi}.
     *
     * @param body read only when the answer is JSON
     * @throws AssertionError naming what the document does not say
     */
    public static void verify(String origin, String method, String rawPath, int status, String contentType,
                              Supplier<String> body) {
        INSTANCE.check(origin, method.toUpperCase(Locale.ROOT), rawPath, status, contentType, body);
    }

    private void check(String origin, String method, String path, int status, String contentType, Supplier<String> body) {
        if (path == null || !path.startsWith("/api/")) {
            return;
        }
        var contract = contracts.computeIfAbsent(origin, ContractCheck::load);
        var operation = contract.find(method, path);
        if (operation.isEmpty()) {
            if (!NO_SUCH_OPERATION.contains(status)) {
                throw new AssertionError("Contract: " + method + " " + path + " answered " + status
                        + ", but the OpenAPI document has no such operation");
            }
            return;
        }
        reached.computeIfAbsent(operation.get().toString(), key -> ConcurrentHashMap.newKeySet()).add(status);
        var mediaType = contentType == null || contentType.isBlank() ? null
                : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        var json = mediaType != null && OpenApiContract.isJson(mediaType) ? body.get() : null;
        var violations = contract.check(operation.get(), status, mediaType, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("Contract: " + operation.get() + " answered " + status + " ("
                    + (mediaType == null ? "no body" : mediaType) + ") unlike its OpenAPI document:\n  - "
                    + String.join("\n  - ", violations)
                    + (json == null ? "" : "\nbody: " + json.substring(0, Math.min(json.length(), 600))));
        }
    }

    private static OpenApiContract load(String origin) {
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            var answer = http.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the service's OpenAPI document answered " + answer.statusCode());
            }
            return new OpenApiContract(JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service's OpenAPI document at " + origin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writeCoverage() {
        if (contracts.isEmpty()) {
            return;
        }
        var lines = new TreeMap<String, String>();
        contracts.values().forEach(contract -> contract.operations().forEach(operation -> lines.put(
                operation.path() + " " + operation.method(),
                String.valueOf(new TreeSet<>(reached.getOrDefault(operation.toString(), Set.of()))))));
        var report = new StringBuilder("# Operations of the service's OpenAPI document and the statuses its tests "
                + "reached, each checked against the document\n");
        long untested = lines.values().stream().filter("[]"::equals).count();
        report.append("# ").append(lines.size() - untested).append(" of ").append(lines.size())
                .append(" operations reached\n");
        lines.forEach((operation, statuses) -> report.append(operation).append(' ').append(statuses).append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "contract-coverage.txt"), report);
        } catch (IOException ignored) {
            // the JVM is ending; the report is a convenience
        }
    }
}
