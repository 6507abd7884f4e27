package org.feedbackloop.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code insight.silence-detected}, as feedback-service publishes it on {@code feedback.events}: the managers hear
 * that a topic went quiet, in their inbox, once, however often the event is delivered.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SilenceDetectedTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource database;

    private Events events;

    @BeforeEach
    void connect() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        events = new Events();
    }

    @AfterEach
    void disconnect() throws Exception {
        events.close();
    }

    @Test
    void managersHearThatATopicWentQuietOnce() throws Exception {
        var topic = "parcel-lockers-" + UUID.randomUUID().toString().substring(0, 8);
        // nothing in the 7 days before 2 October where the 8 weeks before had 10 a week: P(X = 0) = e^-10
        var silence = Events.silenceDetected("TOPIC", topic, Instant.parse("2026-10-02T00:00:00Z"), 0, 10.0,
                Math.exp(-10));
        var title = "Gone quiet: " + topic + " feedback";

        events.publishOnFeedbackEvents(silence);

        await().atMost(SOON).until(() -> inbox("maria", title).size() == 1);
        var item = inbox("maria", title).getFirst();
        assertThat(item).containsEntry("kind", "SILENCE_DETECTED").containsEntry("body", "Only 0 items in the 7 days"
                + " before 2 October 2026, where about 10 were expected from the 8 weeks before (so few would happen by"
                + " chance with probability 0.00005). Silence is a signal: check the channels work and whether"
                + " customers have given up on telling us.");
        assertThat(item).doesNotContainKey("actionId");
        @SuppressWarnings("unchecked")
        var data = (Map<String, Object>) item.get("data");
        assertThat(data).containsEntry("dimension", "TOPIC").containsEntry("segment", topic)
                .containsEntry("windowStart", "2026-09-25T00:00:00Z").containsEntry("windowEnd", "2026-10-02T00:00:00Z");
        assertThat(((Number) data.get("observed")).longValue()).isZero();
        assertThat(((Number) data.get("expected")).doubleValue()).isEqualTo(10.0);

        // the same event again (a redelivery after a lost acknowledgement): nobody is told twice
        events.publishOnFeedbackEvents(silence);
        events.awaitFeedbackEventsHandled();
        assertThat(inbox("maria", title)).hasSize(1);
        // the managers' role has an inbox and no address: one in-app notification, no e-mail, as for escalations
        var id = UUID.fromString(silence.path("id").asText());
        assertThat(new Rows(database).count("select count(*) from notification where source_event_id = ?", id))
                .isEqualTo(1);
        assertThat(new Rows(database).count("select count(*) from notification where source_event_id = ? "
                + "and recipient = 'role:manager' and channel = 'IN_APP' and status = 'SENT'", id)).isEqualTo(1);
        // not for owners nor contributors
        assertThat(inbox("olivia", title)).isEmpty();
        assertThat(inbox("alice", title)).isEmpty();
    }

    /** The caller's inbox items of this title. */
    private static List<Map<String, Object>> inbox(String user, String title) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("limit", 100).get("/api/me/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.title == '" + title + "' }");
    }
}
