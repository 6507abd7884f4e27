package org.feedbackloop.action.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.feedbackloop.testkit.Vectors;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Builds {@code feedback.received} CloudEvents as feedback-service publishes them, and waits for triage. */
public final class FeedbackEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackEvents() {
    }

    /** A feedback.received event; {@code scale} null means no rating. */
    public static ObjectNode received(UUID eventId, UUID feedbackId, String topic, String text, String scale,
                                      Integer score, double sentiment, String contributorId, String email) {
        var event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", eventId.toString())
                .put("source", "/feedback-service")
                .put("type", "feedback.received")
                .put("time", Instant.now().toString())
                .put("subject", feedbackId.toString())
                .put("datacontenttype", "application/json");
        var data = event.putObject("data")
                .put("feedbackId", feedbackId.toString())
                .put("consentToContact", email != null)
                .put("channel", "WEB")
                .put("text", text)
                .put("topic", topic)
                .put("sentiment", sentiment)
                .put("receivedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        if (contributorId != null) {
            data.put("contributorId", contributorId);
        }
        if (email != null) {
            data.put("contactEmail", email);
        }
        if (scale != null) {
            data.putObject("rating").put("scale", scale).put("score", score);
        }
        var problem = data.putObject("problem").put("space", "all-minilm-l6-v2-q/problem-v1");
        var vector = problem.putArray("vector");
        for (float v : problemOf(text)) {
            vector.add(v);
        }
        return event;
    }

    /**
     * A feedback.received event of praise, which triage passes on as kudos: strongly positive words (sentiment 0.8,
     * labelled POSITIVE) from a promoter (NPS 10).
     */
    public static ObjectNode praise(UUID eventId, UUID feedbackId, String topic, String text, String contributorId,
                                    String email) {
        var event = received(eventId, feedbackId, topic, text, "NPS", 10, 0.8, contributorId, email);
        ((ObjectNode) event.path("data")).put("sentimentLabel", "POSITIVE");
        return event;
    }

    /**
     * A feedback.erased event: {@code REQUESTED} names the person ({@code contributorId}, the {@code sub} of their
     * token) and their addresses by {@code FeedbackErased.hashOf}; {@code RETENTION} names only items.
     */
    public static ObjectNode erased(UUID eventId, String reason, String contributorId, List<UUID> feedbackIds,
                                    List<String> addressHashes) {
        var event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", eventId.toString())
                .put("source", "/feedback-service")
                .put("type", "feedback.erased")
                .put("time", Instant.now().toString())
                .put("subject", contributorId != null ? contributorId : "retention")
                .put("datacontenttype", "application/json");
        var data = event.putObject("data")
                .put("reason", reason)
                .put("erasedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        if (contributorId != null) {
            data.put("contributorId", contributorId);
        }
        var ids = data.putArray("feedbackIds");
        feedbackIds.forEach(id -> ids.add(id.toString()));
        if (addressHashes != null) {
            var hashes = data.putArray("addressHashes");
            addressHashes.forEach(hashes::add);
        }
        return event;
    }

    /**
     * The problem vector feedback-service would send, as this test's stand-in for its sentence model: texts that
     * share {@link #uniqueWords} are about one problem (vectors at cosine ≈ 0.9), any other two texts are about
     * different problems (random vectors in 384 dimensions: cosine ≈ 0).
     */
    public static float[] problemOf(String text) {
        var unique = uniqueWordsIn(text);
        var problem = Vectors.randomUnit(new Random(unique != null ? unique.hashCode() : text.hashCode()));
        var wording = Vectors.randomUnit(new Random(text.hashCode() * 31L + 7));
        var vector = new float[problem.length];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = problem[i] + 0.45f * wording[i];
        }
        return Vectors.unit(vector);
    }

    /** The last eight words of eight lowercase letters in a row: what {@link #uniqueWords} put there, or null. */
    private static String uniqueWordsIn(String text) {
        var run = new java.util.ArrayList<String>();
        String found = null;
        for (var token : text.split("\\s+")) {
            if (token.matches("[a-z]{8}")) {
                run.add(token);
                if (run.size() >= 8) {
                    found = String.join(" ", run.subList(run.size() - 8, run.size()));
                }
            } else {
                run.clear();
            }
        }
        return found;
    }


    public static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Words nobody else uses: feedback that shares them is about one problem, and no other test's. */
    public static String uniqueWords() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var words = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            words.append(' ');
            for (int j = 0; j < 8; j++) {
                words.append((char) ('a' + random.nextInt(26)));
            }
        }
        return words.toString().strip();
    }

    /**
     * Waits until triage has passed the feedback on as kudos and the relay published {@code action.kudos-passed}
     * ({@code broker} must tap {@code action.events}); returns that event.
     */
    public static JsonNode awaitKudos(TestBroker broker, UUID feedbackId) {
        return broker.awaitEvents("action.kudos-passed", feedbackId.toString(), 1, Duration.ofSeconds(10)).getFirst().event();
    }

    /** Waits until triage has linked the feedback and returns the id of its action. */
    public static String awaitAction(UUID feedbackId) {
        var token = Tokens.of("maria");
        String[] actionId = new String[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            actionId[0] = given().auth().oauth2(token).queryParam("feedbackId", feedbackId.toString())
                    .get("/api/actions").then().statusCode(200).extract().path("items[0].id");
            return actionId[0] != null;
        });
        return actionId[0];
    }
}
