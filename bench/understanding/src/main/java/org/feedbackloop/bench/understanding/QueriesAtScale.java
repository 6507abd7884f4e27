package org.feedbackloop.bench.understanding;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.feedbackloop.testkit.Keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * What people read with 1,000,000 feedback items and 120,000 actions loaded: the staff list, full-text searches, a
 * customer's own list, an owner's queue and the manager's counts, each at a steady rate (open loop) against
 * feedback-service (:18081, feedback_bench) and action-service (:18082, actions_bench), with the latency percentiles
 * and the CPU PostgreSQL spent per request. A customer (alice) gets 20 of the loaded items, as the bench's other
 * customers have. Usage: {@code QueriesAtScale <requests per query> <per second>}.
 */
public final class QueriesAtScale {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEEDBACK = "http://127.0.0.1:18081";
    private static final String ACTIONS = "http://127.0.0.1:18082";
    private static final Path RESULTS = Path.of(System.getProperty("bench.work", "bench/understanding/target"), "scale-results.txt");

    private record Query(String name, String token, IntFunction<String> url) {
    }

    private QueriesAtScale() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        int perSecond = Integer.parseInt(args[1]);
        var keycloak = Keycloak.local();
        var customer = keycloak.userToken("alice");
        var owner = keycloak.userToken("olivia");
        var manager = keycloak.userToken("maria");
        giveItemsTo(subject(customer));
        var random = new Random(11);
        var queries = List.of(
                new Query("staff list, newest 20", manager, i -> FEEDBACK + "/api/feedback?limit=20"),
                new Query("search matching 1 item", manager,
                        i -> FEEDBACK + "/api/feedback?limit=20&q=" + (1 + random.nextInt(999_999))),
                new Query("search matching 10,000 items", manager, i -> FEEDBACK + "/api/feedback?limit=20&q=refund"),
                new Query("a customer's own list", customer, i -> FEEDBACK + "/api/feedback?limit=20"),
                new Query("an owner's queue (team billing)", owner, i -> ACTIONS + "/api/actions?team=billing&limit=20"),
                new Query("manager counts: feedback per topic, 30 days", manager, i -> FEEDBACK + "/api/feedback/summary"),
                new Query("manager counts: open actions per team", manager, i -> ACTIONS + "/api/actions/summary"));
        for (var query : queries) {
            run(query, requests / 2, perSecond); // warm-up: the JIT and the caches
            record(run(query, requests, perSecond));
        }
    }

    private static String run(Query query, int requests, int perSecond) throws Exception {
        var before = ProcessCpu.now();
        var outcome = OpenLoop.run(requests, perSecond, 200, i -> HttpRequest.newBuilder(URI.create(query.url().apply(i)))
                .header("Authorization", "Bearer " + query.token()).build());
        var after = ProcessCpu.now();
        return String.format(Locale.ROOT,
                "%s query[%s] requests=%d at %d/s failures=%d | p50=%.1fms p95=%.1fms p99=%.1fms"
                        + " | CPU per request: PostgreSQL %.2f ms, feedback-service %.2f ms, action-service %.2f ms, machine %.2f ms",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), query.name(), requests, perSecond, outcome.failures(),
                outcome.millis(0.5), outcome.millis(0.95), outcome.millis(0.99),
                (after.postgres() - before.postgres()) * 10.0 / requests,
                (after.java("feedback-service") - before.java("feedback-service")) * 10.0 / requests,
                (after.java("action-service") - before.java("action-service")) * 10.0 / requests,
                (after.machine() - before.machine()) * 10.0 / requests);
    }

    /** The 20 items of one bench customer become alice's, once. */
    private static void giveItemsTo(String subject) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/feedback_bench", "postgres", "");
             var statement = connection.prepareStatement("""
                     update feedback set contributor_id = ?, submitted_by = ? where contributor_id = 'bench-customer-4242'
                     and not exists (select 1 from feedback where contributor_id = ?)""")) {
            statement.setString(1, subject);
            statement.setString(2, subject);
            statement.setString(3, subject);
            statement.executeUpdate();
        }
    }

    private static String subject(String token) throws IOException {
        var payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return JSON.readTree(payload).path("sub").asText();
    }

    private static void record(String line) throws IOException {
        System.out.println(line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
