package org.feedbackloop.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.feedbackloop.feedback.support.Rows;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** Bulk imports: a file of submissions, each row with its result, history kept, nothing told unless asked. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ImportTest {

    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";

    @Inject
    AgroalDataSource database;

    private TestBroker tap;

    @BeforeEach
    void tapTheEvents() throws Exception {
        tap = new TestBroker("feedback-service import tap").tap("feedback.events", "feedback.received");
    }

    @AfterEach
    void unbind() throws Exception {
        tap.close();
    }

    @Test
    void importsACsvFileRowByRowWithAResultForEach() {
        var run = unique();
        var file = """
                text,channel,externalRef,createdAt,contact.email,rating.scale,rating.score,consentToContact
                "Charged twice in March, and
                still no refund",PHONE,%1$s-1,2023-03-02,ann@example.com,NPS,3,true
                Parcel left in the rain,SOCIAL,%1$s-2,2024-01-15T08:30:00+01:00,,,,
                Nothing to say,FAX,%1$s-3,,,,,
                ,WEB,%1$s-4,,,,,
                The same call again,PHONE,%1$s-1,,,,,
                Score out of range,WEB,%1$s-5,,,NPS,11,
                """.formatted(run);

        var location = post(file, CSV, Tokens.integrator()).statusCode(202)
                .body("status", is("RUNNING")).body("totalRows", is(6))
                .extract().header("Location");
        var done = awaitDone(location, Tokens.integrator());
        done.body("accepted", is(2)).body("duplicates", is(1)).body("rejected", is(3)).body("rowsDone", is(6))
                .body("notify", is(false)).body("finishedAt", notNullValue());

        var rows = given().auth().oauth2(Tokens.integrator()).get(location + "/rows").then().statusCode(200);
        rows.body("items.line", equalTo(java.util.List.of(2, 4, 5, 6, 7, 8)))
                .body("items.outcome", equalTo(java.util.List.of("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "DUPLICATE", "REJECTED")))
                .body("items[2].reason", containsString("channel: must be one of"))
                .body("items[2].externalRef", is(run + "-3"))
                .body("items[3].reason", containsString("text: must not be blank"))
                .body("items[4].reason", containsString("was imported before"))
                .body("items[5].reason", containsString("rating"));
        String first = rows.extract().path("items[0].feedbackId");

        given().auth().oauth2(Tokens.integrator()).get("/api/feedback/" + first).then().statusCode(200)
                .body("text", is("Charged twice in March, and\nstill no refund"))
                .body("channel", is("PHONE"))
                .body("createdAt", is("2023-03-02T00:00:00Z"))
                .body("rating.score", is(3));
        // history that nobody asked to tell: announced (triage and insights count it), marked silent
        var received = tap.awaitAbout(first, Duration.ofSeconds(20)).getFirst().event().path("data");
        assertThat(received.path("silent").asBoolean()).isTrue();
        assertThat(received.path("receivedAt").asText()).isEqualTo("2023-03-02T00:00:00Z");

        var rejected = given().auth().oauth2(Tokens.integrator()).queryParam("outcome", "REJECTED").queryParam("limit", 2)
                .get(location + "/rows").then().statusCode(200).body("items", hasSize(2)).body("nextAfter", is(6));
        given().auth().oauth2(Tokens.integrator()).queryParam("outcome", "REJECTED").queryParam("after", 6)
                .get(location + "/rows").then().statusCode(200).body("items.line", equalTo(java.util.List.of(8)));
        assertThat(rejected.extract().path("items[0].line").toString()).isEqualTo("5");
    }

    @Test
    void theSameFileAgainIsTheSameImportAndAnExternalRefComesInOnce() {
        var run = unique();
        var file = "text,channel,externalRef\nSlow checkout on mobile,WEB," + run + "-a\n";
        var location = post(file, CSV, Tokens.integrator()).statusCode(202).extract().header("Location");
        awaitDone(location, Tokens.integrator()).body("accepted", is(1));

        var id = location.substring(location.lastIndexOf('/') + 1);
        post(file, CSV, Tokens.integrator()).statusCode(200).body("id", is(id)).body("status", is("DONE"));

        var again = "text,channel,externalRef\nSlow checkout on mobile (again),WEB," + run + "-a\nNew row,WEB," + run + "-b\n";
        var second = post(again, CSV, Tokens.integrator()).statusCode(202).extract().header("Location");
        awaitDone(second, Tokens.integrator()).body("accepted", is(1)).body("duplicates", is(1));
        assertThat(rows().count("select count(*) from feedback where external_ref = ?", run + "-a")).isEqualTo(1);
    }

    @Test
    void importsJsonLinesAndTellsContributorsWhenAsked() {
        var run = unique();
        var file = """
                {"text": "The app logs me out every day", "channel": "IN_APP", "externalRef": "%1$s-1", "contact": {"email": "lee@example.com"}}

                {"text": "broken json",
                {"text": "Unknown field", "channel": "WEB", "colour": "blue"}
                ["not", "an", "object"]
                {"text": "Great support call", "channel": "PHONE", "createdAt": "2025-06-01T12:00:00Z", "rating": {"scale": "CSAT", "score": 5}}
                """.formatted(run);
        var location = given().auth().oauth2(Tokens.of("maria")).contentType(NDJSON).queryParam("notify", true)
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/feedback/imports")
                .then().statusCode(202).extract().header("Location");
        awaitDone(location, Tokens.of("maria")).body("accepted", is(2)).body("rejected", is(3)).body("notify", is(true));

        var rows = given().auth().oauth2(Tokens.of("maria")).get(location + "/rows").then().statusCode(200);
        rows.body("items.line", equalTo(java.util.List.of(1, 3, 4, 5, 6)))
                .body("items[1].reason", containsString("is not JSON"))
                .body("items[2].reason", is("unknown field colour"))
                .body("items[3].reason", is("is not a JSON object"));
        String first = rows.extract().path("items[0].feedbackId");
        var received = tap.awaitAbout(first, Duration.ofSeconds(20)).getFirst().event().path("data");
        assertThat(received.has("silent")).isFalse();
        assertThat(received.path("contactEmail").asText()).isEqualTo("lee@example.com");

        // an integrator sees its own imports only; the manager's is not one of them
        given().auth().oauth2(Tokens.integrator()).get(location).then().statusCode(404);
        given().auth().oauth2(Tokens.of("maria")).get("/api/feedback/imports").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(location.substring(location.lastIndexOf('/') + 1)));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeAndLeavesNothing() {
        long before = rows().count("select count(*) from feedback_import");
        var bytes = "text,channel\nCaf\u00e9 was closed,WEB\n".getBytes(StandardCharsets.ISO_8859_1);
        given().auth().oauth2(Tokens.integrator()).contentType(CSV).body(bytes).post("/api/feedback/imports")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", is("Line 2 is not UTF-8: save the file as UTF-8 and post it again"));
        post("channel,comment\nWEB,hello\n", CSV, Tokens.integrator()).statusCode(422)
                .body("detail", containsString("missing: [text]")).body("detail", containsString("unknown: [comment]"));
        post("", CSV, Tokens.integrator()).statusCode(422).body("detail", is("The file is empty"));
        post("text,channel\n\"never closed,WEB\n", CSV, Tokens.integrator()).statusCode(422)
                .body("detail", containsString("cannot be read"));
        post("text,channel\n" + "x".repeat(70_000) + ",WEB\n", CSV, Tokens.integrator()).statusCode(422)
                .body("detail", containsString("Line 2 is longer than 65,536 characters"));
        post("text,channel\n" + "Row,WEB\n".repeat(1001), CSV, Tokens.integrator()).statusCode(413)
                .body("detail", containsString("at most 1,000 rows"));
        given().auth().oauth2(Tokens.integrator()).contentType("application/json").body("{}")
                .post("/api/feedback/imports").then().statusCode(415);
        post("text,channel\nx,WEB\n", CSV, Tokens.of("alice")).statusCode(403);
        given().auth().oauth2(Tokens.integrator()).get("/api/feedback/imports/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.integrator()).get("/api/feedback/imports/x/rows").then().statusCode(400);
        assertThat(rows().count("select count(*) from feedback_import")).isEqualTo(before);
    }

    @Test
    void anImportThatStoppedGoesOnWhereItStoppedWhenItsFileIsPostedAgain() throws Exception {
        var run = unique();
        var file = "text,channel,externalRef\n" + IntStream.rangeClosed(1, 120)
                .mapToObj(i -> "Row %d of a long history,PHONE,%s-%d\n".formatted(i, run, i)).collect(Collectors.joining());
        // as a replica that died after storing the rows up to line 51 leaves it
        var id = UUID.randomUUID();
        rows().execute("""
                insert into feedback_import (id, submitted_by, file_sha256, format, notify, total_rows, lines_done,
                    accepted, status, heartbeat_at, created_at)
                values (?, ?, ?, 'CSV', false, 120, 51, 50, 'RUNNING', now() - interval '10 minutes', now() - interval '10 minutes')""",
                id, org.feedbackloop.testkit.Keycloak.subjectOf(Tokens.integrator()), sha256(file));
        given().auth().oauth2(Tokens.integrator()).get("/api/feedback/imports/" + id).then().statusCode(200)
                .body("status", is("INTERRUPTED"));

        post(file, CSV, Tokens.integrator()).statusCode(202).body("id", is(id.toString()));
        awaitDone("/api/feedback/imports/" + id, Tokens.integrator()).body("accepted", is(120)).body("rowsDone", is(120));
        // rows 1 to 50 belonged to the part done before: this run stored lines 52 to 121 only
        assertThat(rows().count("select count(*) from feedback where import_id = ?", id)).isEqualTo(70);
        assertThat(rows().count("select min(line) from feedback_import_row where import_id = ?", id)).isEqualTo(52);
    }

    private static ValidatableResponse post(String body, String type, String token) {
        return given().auth().oauth2(token).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/feedback/imports").then();
    }

    private static ValidatableResponse awaitDone(String location, String token) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(
                given().auth().oauth2(token).get(location).then().statusCode(200).extract().path("status")));
        return given().auth().oauth2(token).get(location).then().statusCode(200);
    }

    private Rows rows() {
        return new Rows(database);
    }

    private static String unique() {
        return "imp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
