package org.feedbackloop.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.feedbackloop.feedback.insights.SilenceDetector;
import org.feedbackloop.feedback.insights.SilenceFlag;
import org.feedbackloop.feedback.insights.SilenceRule;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * A topic or a channel that goes quiet is flagged once and announced; one that only dips is not. The feedback lives
 * in 2006, where no other test writes, and the detector is asked as if it were 2 October 2006.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SilenceTest {

    private static final Instant NOW = Instant.parse("2006-10-02T15:00:00Z"); // window: 25 Sep to 2 Oct
    private static final Instant WINDOW_START = Instant.parse("2006-09-25T00:00:00Z");

    @Inject
    AgroalDataSource database;

    @Inject
    SilenceDetector detector;

    @Test
    void aQuietTopicAndChannelAreFlaggedOnceAndAnnounced() throws Throwable {
        for (var sql : new String[]{"delete from feedback where submitted_by = 'silence-test'",
                "delete from silence_flag where week = '2006-10-02'",
                "delete from outbox_event where type = 'insight.silence-detected' and aggregate_id in ('TOPIC:silence-quiet', 'CHANNEL:SOCIAL')"}) {
            execute(sql); // an earlier run's
        }
        // 8 weeks of 10 items a week for each topic, all on SOCIAL; then "silence-quiet" falls to 0 and
        // "silence-dip" to 7 in the last 7 days: P(X <= 0 | 10) = 0.00005, P(X <= 7 | 10) = 0.22;
        // SOCIAL had 20 a week and has 7: P(X <= 7 | 20) = 0.0008
        for (int week = 1; week <= SilenceRule.BASELINE_WEEKS; week++) {
            var monday = WINDOW_START.minus(Duration.ofDays(7L * week));
            for (int i = 0; i < 10; i++) {
                store("silence-quiet", monday.plus(Duration.ofHours(i * 12 + 1)));
                store("silence-dip", monday.plus(Duration.ofHours(i * 12 + 2)));
            }
        }
        for (int i = 0; i < 7; i++) {
            store("silence-dip", WINDOW_START.plus(Duration.ofHours(i * 20 + 1)));
        }

        var flagged = VertxContextSupport.subscribeAndAwait(() -> detector.detect(NOW));
        assertThat(flagged).extracting(SilenceFlag::segment).containsExactlyInAnyOrder("silence-quiet", "SOCIAL");
        var topic = flagged.stream().filter(f -> f.segment().equals("silence-quiet")).findFirst().orElseThrow();
        assertThat(topic.dimension()).isEqualTo("TOPIC");
        assertThat(topic.observed()).isZero();
        assertThat(topic.expected()).isEqualTo(10.0);
        assertThat(topic.pValue()).isCloseTo(Math.exp(-10), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(topic.windowEnd()).isEqualTo(Instant.parse("2006-10-02T00:00:00Z"));

        assertThat(VertxContextSupport.subscribeAndAwait(() -> detector.detect(NOW.plus(Duration.ofHours(1)))))
                .as("flagged once a week").isEmpty();
        assertThat(count("select count(*) from outbox_event where type = 'insight.silence-detected' "
                + "and aggregate_id in ('TOPIC:silence-quiet', 'CHANNEL:SOCIAL')")).isEqualTo(2);

        given().auth().oauth2(Tokens.of("maria")).get("/api/insights/silence?from=2006-10-01T00:00:00Z&to=2030-01-01")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("maria")).get("/api/insights/silence?from=" + NOW.minusSeconds(1) + "&to=" + NOW.plusSeconds(1))
                .then().statusCode(200).body("segment", hasItem("silence-quiet")).body("week", hasItem("2006-10-02"));
        given().auth().oauth2(Tokens.of("olivia")).get("/api/insights/silence").then().statusCode(403);
    }

    @Test
    void thePoissonTailIsRightAndSmallSegmentsAreNeverQuiet() {
        assertThat(SilenceRule.poissonAtMost(0, 10)).isCloseTo(4.54e-5, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(SilenceRule.poissonAtMost(7, 10)).isCloseTo(0.2202, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(SilenceRule.poissonAtMost(7, 20)).isCloseTo(0.000779, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(SilenceRule.poissonAtMost(900, 1000)).isCloseTo(0.000698, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(SilenceRule.isQuiet(0, 4.9)).isFalse();
        assertThat(SilenceRule.isQuiet(0, 5)).isTrue();
        assertThat(SilenceRule.isQuiet(9, 10)).isFalse();
    }

    private void store(String topic, Instant at) throws SQLException {
        var sql = """
                insert into feedback (id, text, channel, topic, topic_source, sentiment, sentiment_label, status,
                                      submitted_by, consent_to_contact, created_at, updated_at, analysed_at)
                values (?, 'Said in 2006.', 'SOCIAL', ?, 'PROVIDED', 0, 'NEUTRAL', 'RECEIVED', 'silence-test', false, ?, ?, ?)""";
        try (var connection = database.getConnection(); var insert = connection.prepareStatement(sql)) {
            var moment = Timestamp.from(at);
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, topic);
            insert.setTimestamp(3, moment);
            insert.setTimestamp(4, moment);
            insert.setTimestamp(5, moment);
            insert.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
