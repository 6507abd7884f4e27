package org.feedbackloop.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.feedback.domain.CustomerAddresses;
import org.feedbackloop.feedback.privacy.Retention;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** A customer exports and erases their data; old feedback loses its words after the retention period. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DataRightsTest {

    @Inject
    AgroalDataSource database;

    @Inject
    Retention retention;

    @Test
    void aCustomerExportsThenErasesTheirFeedbackWhichStaysOnlyAsCounts() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var bob = Tokens.of("bob");
        var subject = Keycloak.subjectOf(bob);
        var address = "bob." + run + "@loop.example.com";
        var words = "Quokka" + run;
        var first = submit(bob, words + " parcels keep arriving crushed.", address);
        var second = submit(bob, "My invoice for " + words + " was wrong.", null);
        var othersItem = submit(Tokens.of("alice"), "Bob asked me to pass this on.", address);

        given().auth().oauth2(bob).get("/api/me/export").then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.is(subject))
                .body("addresses", hasItem(address)).body("addresses", hasItem("bob@example.com"))
                .body("feedback.id", hasItem(first)).body("feedback.id", hasItem(second))
                .body("feedback.find { it.id == '" + first + "' }.contact.email", org.hamcrest.Matchers.is(address));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from outbox_event where published_at is null and aggregate_id in ('%s', '%s')"
                        .formatted(first, second)) == 0);

        var broker = new TestBroker("feedback-service tests").tap("feedback.events", "feedback.erased");
        given().auth().oauth2(bob).delete("/api/me/data").then().statusCode(202)
                .body("feedbackErased", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("contactsRemoved", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("status", org.hamcrest.Matchers.is("ERASING"));

        // every column of the table, as text: neither the words, the address nor who said it is left anywhere
        assertThat(count("select count(*) from feedback f where f::text like '%" + run + "%'")).isZero();
        assertThat(count("select count(*) from feedback f where f::text like '%" + subject + "%'")).isZero();
        assertThat(count("select count(*) from customer_address where contributor_id = '" + subject + "'")).isZero();
        assertThat(count("select count(*) from outbox_event where published_at is not null and payload::text like '%"
                + run + "%'")).isZero();
        // the items stay as counts
        assertThat(count("select count(*) from feedback where id in ('%s', '%s') and text = '[erased]' and topic is not null"
                .formatted(first, second))).isEqualTo(2);
        assertThat(count("select count(*) from feedback where id = '%s' and contact_email is null and text like 'Bob asked%%'"
                .formatted(othersItem))).isEqualTo(1);
        // and the others are told, without the address itself; the announcement is kept for the outbox's retention,
        // so that a service restored from an older backup erases again: the only trace of bob, and no address in it
        try (broker) {
            var announced = broker.awaitEvents("feedback.erased", subject, 1, Duration.ofSeconds(20)).getFirst().event();
            assertThat(announced.toString()).contains(first, second, FeedbackErased.hashOf(address), "REQUESTED")
                    .doesNotContain(address);
        }
        assertThat(count("select count(*) from outbox_event where payload::text like '%" + subject + "%'"))
                .isEqualTo(count("select count(*) from outbox_event where type = 'feedback.erased' and aggregate_id = '"
                        + subject + "' and published_at is not null")).isOne();
        assertThat(count("select count(*) from outbox_event where payload::text like '%" + address + "%'")).isZero();

        given().auth().oauth2(bob).get("/api/feedback/" + first).then().statusCode(404);
        given().auth().oauth2(bob).get("/api/me/export").then().statusCode(200).body("feedback", empty());
        given().auth().oauth2(bob).delete("/api/me/data").then().statusCode(202);
    }

    @Test
    void onlyCustomersHaveDataToExportOrErase() {
        given().auth().oauth2(Tokens.of("maria")).get("/api/me/export").then().statusCode(403);
        given().auth().oauth2(Tokens.of("olivia")).delete("/api/me/data").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/me/export").then().statusCode(401);
    }

    @Test
    void feedbackOlderThanTheRetentionPeriodLosesItsWordsAndContact() throws Throwable {
        var old = List.of(store("2004-03-01T10:00:00Z"), store("2004-06-01T10:00:00Z"));
        var kept = store("2005-02-01T10:00:00Z");

        var broker = new TestBroker("feedback-service tests").tap("feedback.events", "feedback.erased");
        var redacted = VertxContextSupport.subscribeAndAwait(() -> retention.redactBefore(Instant.parse("2005-01-01T00:00:00Z")));

        assertThat(redacted).isGreaterThanOrEqualTo(2);
        for (var id : old) {
            assertThat(text("select text || '|' || coalesce(contact_email, '-') || '|' || topic from feedback where id = '" + id + "'"))
                    .isEqualTo("[redacted]|-|retention");
        }
        assertThat(text("select text from feedback where id = '" + kept + "'")).isEqualTo("Said long ago.");
        try (broker) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.events("feedback.erased", "retention").stream()
                    .map(event -> event.event().toString()).anyMatch(event -> event.contains(old.get(0).toString())
                            && event.contains(old.get(1).toString()) && event.contains("RETENTION")));
        }
        assertThat(VertxContextSupport.subscribeAndAwait(() -> retention.redactBefore(Instant.parse("2005-01-01T00:00:00Z"))))
                .as("nothing twice").isZero();
    }

    @Test
    void aCustomerKeepsTheVerifiedAddressesTheyTookLatestAndTheExportShowsThem() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var bob = Tokens.of("bob");
        var subject = Keycloak.subjectOf(bob);
        var older = CustomerAddresses.MAX_PER_CUSTOMER + 2;
        try {
            // older addresses of bob's, and his current one taken afresh at his next submission
            try (var connection = database.getConnection();
                 var forget = connection.prepareStatement("delete from customer_address where email = 'bob@example.com'");
                 var insert = connection.prepareStatement(
                         "insert into customer_address (email, contributor_id, seen_at) values (?, ?, ?)")) {
                forget.executeUpdate();
                for (int i = 0; i < older; i++) {
                    insert.setString(1, "old" + i + "." + run + "@loop.example.com");
                    insert.setString(2, subject);
                    insert.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofDays(i + 1))));
                    insert.executeUpdate();
                }
            }
            submit(bob, "Counting my addresses " + run + ".", null);

            assertThat(count("select count(*) from customer_address where contributor_id = '" + subject + "'"))
                    .isEqualTo(CustomerAddresses.MAX_PER_CUSTOMER);
            assertThat(count("select count(*) from customer_address where email = 'bob@example.com'")).isEqualTo(1);
            // the newest of the older ones stay: old0 … old8
            assertThat(count("select count(*) from customer_address where email = 'old0." + run + "@loop.example.com'"))
                    .isEqualTo(1);
            assertThat(count("select count(*) from customer_address where email = 'old" + (older - 1) + "." + run
                    + "@loop.example.com'")).isZero();
            given().auth().oauth2(bob).get("/api/me/export").then().statusCode(200)
                    .body("addresses", hasItem("bob@example.com"))
                    .body("addresses.findAll { it.endsWith('." + run + "@loop.example.com') }",
                            hasSize(CustomerAddresses.MAX_PER_CUSTOMER - 1));
        } finally {
            try (var connection = database.getConnection(); var delete = connection.prepareStatement(
                    "delete from customer_address where email like ?")) {
                delete.setString(1, "old%." + run + "@loop.example.com");
                delete.executeUpdate();
            }
        }
    }

    private static String submit(String token, String text, String email) {
        var body = email == null ? Map.<String, Object>of("text", text, "channel", "WEB")
                : Map.<String, Object>of("text", text, "channel", "WEB", "contact", Map.of("email", email));
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/api/feedback")
                .then().statusCode(201).extract().path("id");
    }

    private UUID store(String at) throws SQLException {
        var id = UUID.randomUUID();
        var sql = """
                insert into feedback (id, text, channel, topic, topic_source, sentiment, sentiment_label, status,
                                      submitted_by, contact_email, consent_to_contact, created_at, updated_at, analysed_at)
                values (?, 'Said long ago.', 'PHONE', 'retention', 'PROVIDED', 0, 'NEUTRAL', 'RECEIVED', 'retention-test',
                        'old@example.com', true, ?, ?, ?)""";
        try (var connection = database.getConnection(); var insert = connection.prepareStatement(sql)) {
            var moment = Timestamp.from(Instant.parse(at));
            insert.setObject(1, id);
            insert.setTimestamp(2, moment);
            insert.setTimestamp(3, moment);
            insert.setTimestamp(4, moment);
            insert.executeUpdate();
        }
        return id;
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
