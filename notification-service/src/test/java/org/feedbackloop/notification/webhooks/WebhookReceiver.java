package org.feedbackloop.notification.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** An integrator's endpoint on 127.0.0.1: records every request, answers as scripted (200 unless told). */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived: its path, lower-case header names, the exact body bytes. */
    record Received(String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Verifies webhook-signature as a Standard Webhooks receiver does, with the subscription's secret. */
        boolean signedWith(String secret) {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                mac.update((header("webhook-id") + "." + header("webhook-timestamp") + ".").getBytes(StandardCharsets.UTF_8));
                var expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
                return List.of(header("webhook-signature").split(" ")).contains(expected);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                var headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()), (a, b) -> a));
                received.add(new Received(exchange.getRequestURI().getPath(), headers,
                        exchange.getRequestBody().readAllBytes()));
                var next = scripted.poll();
                int status = next != null ? next : otherwise;
                if (status / 100 == 3) {
                    exchange.getResponseHeaders().add("Location", "/elsewhere");
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/feedbackloop";
    }

    /** Answers these statuses to the next requests, in order, then {@code otherwise}; a 3xx points to /elsewhere. */
    WebhookReceiver answering(int... statuses) {
        for (int status : statuses) {
            scripted.add(status);
        }
        return this;
    }

    WebhookReceiver otherwiseAnswering(int status) {
        otherwise = status;
        return this;
    }

    /** The requests that carried the CloudEvent with this id. */
    List<Received> of(UUID eventId) {
        return received.stream().filter(r -> r.event().path("id").asText().equals(eventId.toString())).toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
