package org.feedbackloop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Asks every service's readiness endpoint five times a second and remembers who reported DOWN, refused the
 * connection or did not answer within 2 s twice in a row, and when it last asked one that did.
 */
final class ReadinessWatch implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final String LATE = "no answer within 2 s";
    private final Map<String, Instant> lastAskedWhileDown = new ConcurrentHashMap<>();
    private final Set<String> lateBefore = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private final Thread thread;

    ReadinessWatch() {
        thread = Thread.ofPlatform().name("readiness-watch").start(() -> {
            while (running) {
                // every service at once, each round: one that answers late must not keep the others unasked
                try (var round = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (var service : Suite.services()) {
                        round.submit(() -> observe(service));
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

    private void observe(String service) {
        var asked = Instant.now(); // when asked, not when answered: an answer can be late
        var answer = notReadyAnswer(service);
        // one late answer under a burst is not DOWN (an orchestrator waits for several); two in a row are
        var late = answer.filter(LATE::equals).isPresent();
        if (answer.isPresent() && (!late || lateBefore.contains(service))) {
            lastAskedWhileDown.put(service, asked);
        }
        if (late) {
            lateBefore.add(service);
        } else {
            lateBefore.remove(service);
        }
    }

    /** The services not ready now, each with what its readiness endpoint answered: a failure names the check. */
    Map<String, String> notReady() {
        var notReady = new TreeMap<String, String>();
        for (var service : Suite.services()) {
            notReadyAnswer(service).ifPresent(answer -> notReady.put(service, answer));
        }
        return notReady;
    }

    Set<String> sawDown() {
        return Set.copyOf(lastAskedWhileDown.keySet());
    }

    /** The services found DOWN (or not answering) when asked after the given instant: a recovery that did not hold. */
    Set<String> downAfter(Instant instant) {
        var down = new TreeSet<String>();
        lastAskedWhileDown.forEach((service, asked) -> {
            if (asked.isAfter(instant)) {
                down.add(service);
            }
        });
        return down;
    }

    /** Empty when the service answers 200; otherwise its status and body, or why it did not answer. */
    private Optional<String> notReadyAnswer(String service) {
        var request = HttpRequest.newBuilder(URI.create(Suite.url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.empty()
                    : Optional.of(response.statusCode() + " " + response.body().replaceAll("\\s+", " "));
        } catch (HttpTimeoutException e) {
            return Optional.of(LATE);
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
