package org.feedbackloop.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feedback submitted through the gateway at a steady pace by a few customers, each submission once (a client that
 * gets no 201 does not retry, unless told to: what it got is what is counted). Every text carries a marker of its
 * own, which is also its Idempotency-Key, so that the databases can be asked afterwards what became of each one.
 */
final class Burst implements AutoCloseable {

    /**
     * What one submission got in the end: a status, or no answer at all ({@code status} 0, the error's name in
     * {@code error}); {@code attempts} counts the first try and the retries.
     */
    record Outcome(String marker, int status, String feedbackId, String error, Instant at, int attempts) {
        boolean accepted() {
            return status == 201;
        }
    }

    private static final List<String> TEXTS = List.of(
            "I was charged twice for order %s and the refund has still not arrived.",
            "Parcel %s arrived a week late and the box was crushed.",
            "The app freezes every time I open the settings page, reference %s.",
            "I cannot reset my password, the e-mail never comes, case %s.");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String prefix;
    private volatile List<String> tokens;
    private final int perSecond;
    private static final int IN_FLIGHT = 32;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Outcome> order = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread pacer;
    private final String gateway;
    private final int retries;
    private final Thread renewer;

    /** Alice's and bob's tokens, both told at once in the inbox and by e-mail, whatever earlier tests chose. */
    static List<String> customersToldAtOnce() {
        var tokens = customersTokens();
        for (var token : tokens) {
            var reply = Gateway.as(token).put("/api/me/preferences",
                    Map.of("email", true, "inApp", true, "digest", "IMMEDIATE"));
            if (reply.status() != 200) {
                throw new IllegalStateException("preferences refused: " + reply);
            }
        }
        return tokens;
    }

    private static List<String> customersTokens() {
        return List.of(Api.token("alice"), Api.token("bob"));
    }

    Burst(String prefix, List<String> tokens, int perSecond) {
        this(prefix, tokens, perSecond, Suite.GATEWAY, 0);
    }

    /**
     * A burst of alice and bob (told at once) to the gateway at {@code gateway}, whose clients do what the README asks
     * of them: when they get no answer, 502, 503 or 504, they send the same submission with the same Idempotency-Key
     * again (after Retry-After, at most 2 s), up to {@code retries} times.
     */
    Burst(String prefix, int perSecond, String gateway, int retries) {
        this(prefix, customersToldAtOnce(), perSecond, gateway, retries);
    }

    /** Sends for as long as it takes: the tokens, which live 5 minutes, are renewed every 2. */
    private Burst(String prefix, List<String> tokens, int perSecond, String gateway, int retries) {
        this.gateway = gateway;
        this.retries = retries;
        this.prefix = prefix;
        this.tokens = tokens;
        this.perSecond = perSecond;
        this.pacer = Thread.ofPlatform().name("burst-" + prefix).start(this::run);
        this.renewer = Thread.ofVirtual().name("burst-tokens-" + prefix).start(() -> {
            while (!stopping.get()) {
                try {
                    TimeUnit.MINUTES.sleep(2);
                    this.tokens = customersTokens();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // Keycloak busy or away (a fault under test): the tokens still live 3 minutes; next round
                }
            }
        });
    }

    private void run() {
        var interval = Duration.ofSeconds(1).toNanos() / perSecond;
        var next = System.nanoTime();
        while (!stopping.get()) {
            next += interval;
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                return;
            }
            submit(sent.getAndIncrement());
            var pause = next - System.nanoTime();
            if (pause > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void submit(int sequence) {
        var marker = prefix + "-" + sequence;
        var text = TEXTS.get(sequence % TEXTS.size()).formatted(marker);
        var body = Gateway.write(Map.of("text", text, "channel", "WEB", "consentToContact", true,
                "contact", Map.of("email", contactEmail(marker))));
        var request = HttpRequest.newBuilder(URI.create(gateway + "/api/feedback"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + tokens.get(sequence % tokens.size()))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", marker)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        send(marker, request, 1);
    }

    private void send(String marker, HttpRequest request, int attempt) {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            var retried = false;
            try {
                Outcome outcome;
                if (error != null) {
                    var cause = error.getCause() != null ? error.getCause() : error;
                    outcome = new Outcome(marker, 0, null, cause.getClass().getSimpleName(), Instant.now(), attempt);
                } else {
                    var id = response.statusCode() == 201
                            ? new Gateway.Reply(response).json().path("id").asText(null) : null;
                    outcome = new Outcome(marker, response.statusCode(), id,
                            response.statusCode() >= 500 ? response.body() : null, Instant.now(), attempt);
                }
                if (attempt <= retries && List.of(0, 502, 503, 504).contains(outcome.status())) {
                    var wait = response == null ? 1 : response.headers().firstValueAsLong("Retry-After").orElse(1);
                    retried = true;
                    CompletableFuture.delayedExecutor(Math.min(wait, 2), TimeUnit.SECONDS)
                            .execute(() -> send(marker, request, attempt + 1));
                    return;
                }
                outcomes.put(marker, outcome);
                order.add(outcome);
            } finally {
                if (!retried) {
                    inFlight.release();
                }
            }
        });
    }

    /** Each submission gives an address of its own, so that the mail sink shows what reached each contributor. */
    static String contactEmail(String marker) {
        return marker + "@burst.example.com";
    }

    int sent() {
        return sent.get();
    }

    /** Accepted (201) answers that arrived after {@code since}. */
    long acceptedSince(Instant since) {
        return order.stream().filter(o -> o.accepted() && o.at().isAfter(since)).count();
    }

    /** What the burst has seen so far, for a test that waits on it to say where it stands. */
    String progress(Instant since) {
        var statuses = new TreeMap<Integer, Long>();
        order.stream().filter(o -> o.at().isAfter(since))
                .forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
        return "sent " + sent.get() + ", in flight " + (IN_FLIGHT - inFlight.availablePermits())
                + ", answers since " + since + " by status " + statuses;
    }

    /** Stops sending and waits for the answers still on their way. */
    List<Outcome> finish() {
        stopping.set(true);
        try {
            pacer.join(10_000);
            if (!inFlight.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("answers still missing a minute after the burst");
            }
            inFlight.release(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return List.copyOf(outcomes.values());
    }

    @Override
    public void close() {
        stopping.set(true);
        pacer.interrupt();
        renewer.interrupt();
    }
}
