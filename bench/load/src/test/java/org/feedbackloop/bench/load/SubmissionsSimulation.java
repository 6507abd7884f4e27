package org.feedbackloop.bench.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Feedback at a steady rate, each item from a contact address of its own (so that each is acknowledged and told
 * "now tracked" by e-mail of its own), worded as one of four problems with random words added (so that triage
 * opens and joins actions as with real feedback). Every answer must be 201.
 * <p>
 * System properties: {@code bench.url} (default feedback-service, {@code http://localhost:8081}), {@code bench.token}
 * (a bearer token) or {@code bench.tokenFile} (a file that holds it, read again every second: a run longer than the
 * token lives has it renewed there), {@code bench.run} (names the addresses: {@code burst-<run>-<n>@example.com}),
 * {@code bench.rate} (submissions per second) and {@code bench.seconds}.
 */
public class SubmissionsSimulation extends Simulation {

    private static final String[] PROBLEMS = {
            "I was charged twice for my order",
            "The parcel arrived late and the box was crushed",
            "I cannot log in since the password reset",
            "The app crashes when I open my basket"};

    private static final String URL = System.getProperty("bench.url", "http://localhost:8081");
    private static final String TOKEN = System.getProperty("bench.token", "");
    private static final String TOKEN_FILE = System.getProperty("bench.tokenFile", "");
    private static final String RUN = System.getProperty("bench.run", String.valueOf(System.currentTimeMillis() / 1000));
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "20"));
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);

    private final Iterator<Map<String, Object>> items = IntStream.iterate(1, n -> n + 1)
            .mapToObj(n -> Map.<String, Object>of(
                    "text", PROBLEMS[n % PROBLEMS.length] + " " + randomWord(),
                    "email", "burst-" + RUN + "-" + n + "@example.com"))
            .iterator();

    private final ScenarioBuilder submit = scenario("submit").feed(items)
            .exec(http("POST /api/feedback").post("/api/feedback")
                    .header("Authorization", session -> "Bearer " + Bearer.token())
                    .body(StringBody("{\"text\":\"#{text}\",\"channel\":\"API\",\"contact\":{\"email\":\"#{email}\"}}"))
                    .asJson()
                    .check(status().is(201)));

    {
        if (TOKEN.isBlank() && TOKEN_FILE.isBlank()) {
            throw new IllegalArgumentException(
                    "bench.token or bench.tokenFile is required: a bearer token of a customer or the integrator");
        }
        setUp(submit.injectOpen(constantUsersPerSec(RATE).during(SECONDS)))
                .protocols(http.baseUrl(URL).shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    private static String randomWord() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** The bearer token: {@code bench.token}, or what {@code bench.tokenFile} holds, read again at most every second. */
    private static final class Bearer {
        private static String token = TOKEN;
        private static long readAt;

        static synchronized String token() {
            if (!TOKEN_FILE.isBlank() && (token.isBlank() || System.nanoTime() - readAt > 1_000_000_000L)) {
                try {
                    var renewed = Files.readString(Path.of(TOKEN_FILE)).strip();
                    if (!renewed.isEmpty()) {
                        token = renewed;
                    }
                } catch (IOException e) {
                    if (token.isBlank()) {
                        throw new UncheckedIOException(e);
                    }
                    // the last token read, until the file is back
                }
                readAt = System.nanoTime();
            }
            return token;
        }
    }
}
