package org.feedbackloop.e2e;

import org.feedbackloop.testkit.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.e2e.Gateway.map;

/**
 * A customer's data in their own hands, through the gateway: the export holds what every service keeps about them,
 * and after their erasure no column of any table of the three databases (stored event payloads included) holds
 * their words, their address, their user name or their id, while their feedback still counts.
 */
class DataRightsTest {

    @RegisterExtension
    static Suite suite = new Suite();

    private static final List<String> SERVICES = List.of("feedback-service", "action-service", "notification-service");

    @Test
    void theExportHoldsTheirDataAndTheErasureLeavesNoTraceInAnyDatabase() throws SQLException {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var username = "erin-" + run;
        var address = "erin." + run + "@loop.example.com";
        var token = Api.newCustomer(username, address);
        var subject = Api.subject(token);
        var erin = Gateway.as(token);
        var words = "Wombat" + run;

        var given = erin.post("/api/feedback", map("text", words + " deliveries keep arriving soaked by the rain.",
                        "channel", "WEB", "topic", "delivery", "rating", map("scale", "NPS", "score", 2),
                        "contact", map("email", address), "consentToContact", true),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(given.status()).as(given.toString()).isEqualTo(201);
        var feedbackId = UUID.fromString(given.json().path("id").asText());
        assertThat(erin.put("/api/me/preferences", map("email", true, "inApp", true, "digest", "IMMEDIATE"))
                .status()).isEqualTo(200);
        var actionId = UUID.fromString(Api.actionOf(Api.token("oscar"), feedbackId).path("id").asText());
        Api.change(Api.token("oscar"), actionId, "POST", "/updates",
                map("publicNote", "Drivers now carry covers for parcels on rainy days."));
        Await.until("erin's e-mails", Duration.ofSeconds(60), () -> MailSink.subjects(address),
                subjects -> subjects.stream().anyMatch(s -> s.contains("Thank you, we heard you") || s.contains("updates for you")));

        var export = erin.get("/api/me/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        var data = export.json();
        assertThat(data.path("subject").asText()).isEqualTo(subject);
        assertThat(data.path("feedback").path("feedback").findValuesAsText("id")).contains(feedbackId.toString());
        assertThat(data.path("feedback").toString()).contains(words, address);
        assertThat(data.path("actions").toString()).contains(actionId.toString());
        assertThat(data.path("notifications").toString()).contains(feedbackId.toString());
        Settle.awaitEverythingBefore(); // every event of hers published and consumed: nothing in flight

        var erased = erin.delete("/api/me/data");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);

        var needles = List.of(words, address, username, subject);
        // one record is kept, for the outbox's retention: the announcement of the erasure, naming erin by her id
        // only, so that a service restored from a backup taken before it erases her again when it is replayed
        var announcement = List.of("feedback-service: outbox_event.aggregate_id holds " + subject,
                "feedback-service: outbox_event.payload holds " + subject);
        var traces = Await.until("no trace of erin in any database", Duration.ofSeconds(60),
                () -> traces(needles), announcement::equals);
        assertThat(traces).isEqualTo(announcement);
        try (var feedback = Ledger.connect("feedback-service");
             var kept = feedback.prepareStatement("select type from outbox_event where strpos(payload::text, ?) > 0")) {
            kept.setString(1, subject);
            try (var rows = kept.executeQuery()) {
                var types = new ArrayList<String>();
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
                assertThat(types).as("events that name erin").isNotEmpty().containsOnly("feedback.erased");
            }
        }
        var oscar = Gateway.as(Api.token("oscar"));
        assertThat(oscar.get("/api/feedback/" + feedbackId).json().path("text").asText()).isEqualTo("[erased]");
        assertThat(oscar.get("/api/actions/" + actionId).json().path("feedbackCount").asInt())
                .as("her feedback still counts").isGreaterThanOrEqualTo(1);
        assertThat(erin.get("/api/me/export").json().path("feedback").path("feedback").size()).isZero();
    }

    /** Each column of text, JSON or arrays, in every table of the three databases, that holds one of the needles. */
    private static List<String> traces(List<String> needles) {
        var found = new ArrayList<String>();
        for (var service : SERVICES) {
            try (var connection = Ledger.connect(service)) {
                for (var needle : needles) {
                    Rows.mentions(connection, needle).forEach(column -> found.add(service + ": " + column + " holds " + needle));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }
}
