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
    private final Map<String, java.time.Instant> lastDown = new ConcurrentHashMap<>();
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
                        lastDown.put(service, java.time.Instant.now());
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

    /** The services not ready now, each with what its readiness endpoint answered: a failure names the check. */
    Map<String, String> notReady() {
        var notReady = new java.util.TreeMap<String, String>();
        for (var service : Suite.services()) {
            try {
                var request = HttpRequest.newBuilder(URI.create(Suite.url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    notReady.put(service, response.statusCode() + " " + response.body().replaceAll("\\s+", " "));
                }
            } catch (IOException e) {
                notReady.put(service, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notReady.put(service, "interrupted");
            }
        }
        return notReady;
    }

    Set<String> sawDown() {
        return Set.copyOf(sawDown);
    }

    /** The services that reported DOWN (or did not answer) after the given instant: a recovery that did not hold. */
    Set<String> downAfter(java.time.Instant instant) {
        var down = new java.util.TreeSet<String>();
        lastDown.forEach((service, at) -> {
            if (at.isAfter(instant)) {
                down.add(service);
            }
        });
        return down;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
