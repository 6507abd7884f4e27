package org.feedbackloop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Asks every service's readiness endpoint five times a second and remembers who reported DOWN (or did not answer). */
final class ReadinessWatch implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Set<String> sawDown = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final Thread thread;

    ReadinessWatch() {
        thread = Thread.ofPlatform().name("readiness-watch").start(() -> {
            while (running) {
                for (var service : Suite.services()) {
                    var up = ready(service);
                    ready.put(service, up);
                    if (!up) {
                        sawDown.add(service);
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    boolean ready(String service) {
        try {
            var request = HttpRequest.newBuilder(URI.create(Suite.url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean allReady() {
        return Suite.services().stream().allMatch(this::ready);
    }

    Set<String> sawDown() {
        return Set.copyOf(sawDown);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
