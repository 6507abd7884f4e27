package org.feedbackloop.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A stand-in for one service behind the gateway: a real HTTP server on 127.0.0.1 that records every request it
 * receives and answers as the test scripted it (by path prefix), by default with a small JSON echo. It serves
 * {@code /q/health/ready} and {@code /q/openapi} like a Quarkus service, and can be stopped and started again
 * on the same port.
 */
public final class UpstreamStub implements AutoCloseable {

    /** A request as the stub received it; header names in lower case. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public String path() {
            var query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }

    /** Answers one request; may take its time (each request has its own thread). */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange, Received request) throws Exception;
    }

    private final String name;
    private final String openApi;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile HttpServer server;
    private final int port;

    public UpstreamStub(String name, String openApi) {
        this.name = name;
        this.openApi = openApi;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answers requests whose path starts with {@code pathPrefix} (the longest prefix wins) with {@code responder}. */
    public UpstreamStub on(String pathPrefix, Responder responder) {
        responders.put(pathPrefix, responder);
        return this;
    }

    /** Forgets scripted answers and received requests; starts the server again if it was stopped. */
    public void reset() {
        responders.clear();
        received.clear();
        if (server == null) {
            start();
        }
    }

    /** Requests received whose path starts with {@code pathPrefix}, oldest first. */
    public List<Received> received(String pathPrefix) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    public Received last(String pathPrefix) {
        var matching = received(pathPrefix);
        if (matching.isEmpty()) {
            throw new AssertionError(name + " received nothing under " + pathPrefix + "; it got " + received);
        }
        return matching.getLast();
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public void start() {
        if (server == null) {
            server = listen(port);
        }
    }

    @Override
    public void close() {
        stop();
        threads.shutdownNow();
    }

    // --- canned answers -----------------------------------------------------------------------------

    public static Responder json(int status, String body, String... headerPairs) {
        return (exchange, request) -> send(exchange, status, "application/json", body, headerPairs);
    }

    public static Responder problem(int status, String detail, String... headerPairs) {
        return (exchange, request) -> send(exchange, status, "application/problem+json",
                "{\"type\":\"urn:feedbackloop:problem:x\",\"title\":\"Upstream problem\",\"status\":%d,\"detail\":\"%s\"}"
                        .formatted(status, detail), headerPairs);
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body, String... headerPairs)
            throws IOException {
        for (int i = 0; i < headerPairs.length; i += 2) {
            exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
        }
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    // --- the server ---------------------------------------------------------------------------------

    private HttpServer listen(int onPort) {
        try {
            var created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            created.createContext("/", this::handle);
            created.setExecutor(threads);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
            var request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var path = request.path();
            if (path.equals("/q/health/ready") && !responders.containsKey(path)) {
                send(exchange, 200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
                return;
            }
            received.add(request);
            responderFor(path).respond(exchange, request);
        } catch (Exception e) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(e);
        }
    }

    private Responder responderFor(String path) {
        return responders.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElseGet(() -> path.equals("/q/openapi")
                        ? json(200, openApi)
                        : (exchange, request) -> send(exchange, 200, "application/json",
                        "{\"upstream\":\"%s\",\"method\":\"%s\",\"uri\":\"%s\"}".formatted(name, request.method(),
                                request.uri().replace("\"", "\\\""))));
    }

    @Override
    public String toString() {
        return name + " stub at " + url();
    }
}
