package org.feedbackloop.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * Ratings over time and volume by topic and channel, checked against a dataset worked out by hand. The dataset lives
 * in March 2005, a period no other test writes to, and is stored once.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InsightsTest {

    private static final String FROM = "2005-03-07"; // a Monday
    private static final String TO = "2005-03-28";

    @Inject
    AgroalDataSource database;

    /** Stored afresh each time: the re-reading that follows another test's topic change may have rewritten it. */
    @BeforeEach
    void storeTheDataset() throws SQLException {
        try (var connection = database.getConnection(); var earlier = connection.createStatement()) {
            earlier.executeUpdate("delete from feedback where created_at >= '2005-03-01' and created_at < '2005-04-01'");
        }
        // week of 7 March: NPS 10, 9, 8, 6, 0 (2 promoters, 1 passive, 2 detractors) and CSAT 5, 4, 3, 1
        for (int score : new int[]{10, 9, 8, 6, 0}) {
            store("2005-03-08T10:00:00Z", "insight-beta", "SURVEY", "NEUTRAL", 0, "NPS", score);
        }
        for (int score : new int[]{5, 4, 3, 1}) {
            store("2005-03-09T10:00:00Z", "insight-beta", "SURVEY", "NEUTRAL", 0, "CSAT", score);
        }
        // week of 14 March: nothing rated; two comments
        store("2005-03-15T10:00:00Z", "insight-alpha", "WEB", "POSITIVE", 0.8, null, 0);
        store("2005-03-16T10:00:00Z", "insight-alpha", "WEB", "NEGATIVE", -0.6, null, 0);
        // week of 21 March: NPS 10, 10, 10, 7, the last one on the period's last day
        for (int score : new int[]{10, 10, 10}) {
            store("2005-03-21T00:00:00Z", "insight-beta", "SURVEY", "NEUTRAL", 0, "NPS", score);
        }
        store("2005-03-27T23:59:59Z", "insight-beta", "SURVEY", "NEUTRAL", 0, "NPS", 7);
        // after the period
        store("2005-03-28T00:00:00Z", "insight-beta", "SURVEY", "NEUTRAL", 0, "NPS", 0);
    }

    private void store(String at, String topic, String channel, String label, double sentiment, String scale, int score)
            throws SQLException {
        var sql = """
                insert into feedback (id, text, channel, rating_scale, rating_score, topic, topic_source, sentiment,
                                      sentiment_label, status, submitted_by, consent_to_contact, created_at, updated_at,
                                      analysed_at)
                values (?, 'Said in 2005.', ?, ?, ?, ?, 'PROVIDED', ?, ?, 'RECEIVED', 'insights-test', false, ?, ?, ?)""";
        try (var connection = database.getConnection(); var insert = connection.prepareStatement(sql)) {
            var moment = Timestamp.from(Instant.parse(at));
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, channel);
            insert.setString(3, scale);
            insert.setObject(4, scale == null ? null : score);
            insert.setString(5, topic);
            insert.setDouble(6, sentiment);
            insert.setString(7, label);
            insert.setTimestamp(8, moment);
            insert.setTimestamp(9, moment);
            insert.setTimestamp(10, moment);
            insert.executeUpdate();
        }
    }

    private static JsonPath get(String path, String query) {
        return given().auth().oauth2(Tokens.of("maria")).get(path + "?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void npsWeekByWeekWithEmptyWeeksAndTheWholePeriod() {
        var trend = get("/api/insights/ratings", "from=" + FROM + "&to=" + TO);
        assertThat(trend.getString("scale")).isEqualTo("NPS");
        assertThat(trend.getList("weeks.weekStart")).containsExactly("2005-03-07", "2005-03-14", "2005-03-21");
        assertThat(trend.getList("weeks.partial")).containsExactly(false, false, false);
        // 2 promoters and 2 detractors of 5: 0, interval ±78.4
        assertThat(trend.getInt("weeks[0].rating.responses")).isEqualTo(5);
        assertThat(trend.getDouble("weeks[0].rating.score")).isEqualTo(0.0);
        assertThat(trend.getDouble("weeks[0].rating.low")).isEqualTo(-78.4);
        assertThat(trend.getInt("weeks[1].rating.responses")).isZero();
        assertThat(trend.getString("weeks[1].rating.score")).isNull();
        // 3 promoters, 1 passive: 75
        assertThat(trend.getDouble("weeks[2].rating.score")).isEqualTo(75.0);
        assertThat(trend.getInt("weeks[2].rating.neutral")).isEqualTo(1);
        // 9 ratings: (5 - 2) / 9 = 33.3, interval -20.0 to 86.7; the 28 March rating is after the period
        assertThat(trend.getInt("total.responses")).isEqualTo(9);
        assertThat(trend.getDouble("total.score")).isEqualTo(33.3);
        assertThat(trend.getDouble("total.low")).isEqualTo(-20.0);
        assertThat(trend.getDouble("total.high")).isEqualTo(86.7);
        assertThat(trend.getBoolean("total.smallSample")).isTrue();
    }

    @Test
    void csatAndAPeriodStartingMidWeek() {
        var trend = get("/api/insights/ratings", "scale=CSAT&from=2005-03-09T00:00:00Z&to=" + TO);
        assertThat(trend.getList("weeks.partial")).containsExactly(true, false, false);
        // 5, 4, 3, 1 on 9 March: 2 of 4 satisfied, Wilson 15.0 to 85.0
        assertThat(trend.getDouble("total.score")).isEqualTo(50.0);
        assertThat(trend.getDouble("total.low")).isEqualTo(15.0);
        assertThat(trend.getDouble("total.high")).isEqualTo(85.0);
        assertThat(trend.getInt("total.negative")).isEqualTo(1);
    }

    @Test
    void volumeAndSentimentByTopicAndChannel() {
        var volume = get("/api/insights/volume", "from=" + FROM + "&to=" + TO);
        // 9 NPS + 4 CSAT survey answers (neutral, 0) and two web comments (+0.8, -0.6)
        assertThat(volume.getInt("total.count")).isEqualTo(15);
        assertThat(volume.getDouble("total.meanSentiment")).isEqualTo(0.013);
        assertThat(volume.getList("byTopic.key")).containsExactly("insight-beta", "insight-alpha");
        assertThat(volume.getInt("byTopic[0].neutral")).isEqualTo(13);
        assertThat(volume.getInt("byTopic[1].positive")).isEqualTo(1);
        assertThat(volume.getInt("byTopic[1].negative")).isEqualTo(1);
        assertThat(volume.getDouble("byTopic[1].meanSentiment")).isEqualTo(0.1);
        assertThat(volume.getList("byChannel.key")).containsExactly("SURVEY", "WEB");
    }

    @Test
    void badPeriodsAndScalesAreRefusedAndOnlyManagersRead() {
        given().auth().oauth2(Tokens.of("maria")).get("/api/insights/ratings?scale=STARS&from=2026-02-01&to=2026-01-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("scale")).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("maria")).get("/api/insights/volume?from=2020-01-01&to=2026-01-01")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("admin")).get("/api/insights/volume").then().statusCode(200);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/insights/ratings").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("alice")).get("/api/insights/volume").then().statusCode(403);
        given().get("/api/insights/ratings").then().statusCode(401);
    }
}
