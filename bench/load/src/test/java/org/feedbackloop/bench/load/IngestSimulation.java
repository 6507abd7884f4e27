package org.feedbackloop.bench.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Submissions through the gateway with a real token (the bench client, whose quota the gateway is told at start):
 * <ul>
 *   <li>{@code bench.mode=most}: {@code bench.users} clients submit one after the other for {@code bench.seconds}
 *   (closed: the most the suite takes);</li>
 *   <li>{@code bench.mode=rate}: {@code bench.rate} submissions per second (open: each is sent at its time, whatever
 *   the ones before it do, so a stall shows in the latency);</li>
 *   <li>{@code bench.mode=trivial}: the gateway's liveness endpoint at {@code bench.rate} per second, the same
 *   generator's floor on the same machine.</li>
 * </ul>
 * Items carry no contact address: the loop behind them runs, but no e-mail is due. Answers other than 201 (200 for
 * the floor) count as failures in Gatling's report.
 */
public class IngestSimulation extends Simulation {

    private static final String URL = System.getProperty("bench.url", "http://localhost:8080");
    private static final String TOKEN = System.getProperty("bench.token", "");
    private static final String MODE = System.getProperty("bench.mode", "rate");
    private static final String RUN = System.getProperty("bench.run", String.valueOf(System.currentTimeMillis() / 1000));
    private static final int USERS = Integer.getInteger("bench.users", 32);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "100"));
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);

    private final Iterator<Map<String, Object>> items = IntStream.iterate(1, n -> n + 1)
            .mapToObj(n -> Map.<String, Object>of("text", "Ingest " + RUN + " item " + n
                    + ": the checkout page times out when I pay by card"))
            .iterator();

    private final ChainBuilder post = feed(items)
            .exec(http("POST /api/feedback (gateway)").post("/api/feedback")
                    .header("Authorization", "Bearer " + TOKEN)
                    .body(StringBody("{\"text\":\"#{text}\",\"channel\":\"API\"}"))
                    .asJson()
                    .check(status().is(201)));

    private final ScenarioBuilder submit = scenario("submit").exec(post);

    private final ScenarioBuilder keepSubmitting = scenario("submit, one after the other").forever().on(post);

    private final ScenarioBuilder live = scenario("liveness")
            .exec(http("GET /q/health/live (gateway)").get("/q/health/live").check(status().is(200)));

    {
        if (TOKEN.isBlank() && !MODE.equals("trivial")) {
            throw new IllegalArgumentException("bench.token is required: a bearer token of the bench client");
        }
        var protocol = http.baseUrl(URL).shareConnections();
        switch (MODE) {
            case "most" -> setUp(keepSubmitting.injectClosed(constantConcurrentUsers(USERS).during(SECONDS)))
                    .protocols(protocol).maxDuration(Duration.ofSeconds(SECONDS));
            case "rate" -> setUp(submit.injectOpen(constantUsersPerSec(RATE).during(SECONDS))).protocols(protocol);
            case "trivial" -> setUp(live.injectOpen(constantUsersPerSec(RATE).during(SECONDS))).protocols(protocol);
            default -> throw new IllegalArgumentException("bench.mode is most, rate or trivial");
        }
    }
}
