package org.feedbackloop.bench.understanding;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Requests at a steady rate, open loop: each is sent at its time, whatever the ones before it do, and its latency
 * counts from that time, so a stall shows in the figures instead of slowing the load.
 */
final class OpenLoop {

    /** Latencies in nanoseconds, sorted, and how many answers were not {@code expectedStatus} (or no answer). */
    record Outcome(long[] latencies, int failures, double seconds) {
        double millis(double quantile) {
            return latencies[Math.min(latencies.length - 1, (int) (latencies.length * quantile))] / 1e6;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OpenLoop() {
    }

    static Outcome run(int requests, int perSecond, int expectedStatus, IntFunction<HttpRequest> request)
            throws InterruptedException {
        var latencies = new long[requests];
        var failures = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < requests; n++) {
                long due = start + n * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int i = n;
                var next = request.apply(i);
                senders.submit(() -> {
                    try {
                        if (CLIENT.send(next, HttpResponse.BodyHandlers.discarding()).statusCode() != expectedStatus) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - due;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Outcome(latencies, failures.get(), seconds);
    }
}
