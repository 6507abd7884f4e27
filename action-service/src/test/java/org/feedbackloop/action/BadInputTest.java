package org.feedbackloop.action;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.Problems;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.ShortLivedClient;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Careless and hostile requests: the right 4xx as problem+json, and nothing written. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadInputTest {

    private static TestBroker broker;
    private static String action;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() throws Exception {
        broker = new TestBroker("action-service tests");
    }

    /** One action shared by the cases: a refused request leaves it as it was. */
    private static synchronized String action() {
        if (action == null) {
            action = Actions.open(broker, "billing");
        }
        return action;
    }

    @AfterAll
    static void disconnect() throws Exception {
        broker.close();
    }

    /** A bad request against the shared action, what it must answer, and the field it must name (or null). */
    record Case(String name, int status, String field, BiFunction<RequestSpecification, String, Response> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** As owner olivia, with the action's current ETag, JSON body. */
    static Case change(String name, int status, String field, String method, String path, String body) {
        return new Case(name, status, field, (request, id) -> request.auth().oauth2(Tokens.of("olivia"))
                .header("If-Match", Actions.etag(id)).contentType("application/json").body(body)
                .request(method, "/api/actions/" + id + path));
    }

    /** As owner olivia: a progress note holding these bytes, which are not well-formed UTF-8. */
    static Case malformedUtf8(String name, byte... bytes) {
        var body = new ByteArrayOutputStream();
        body.writeBytes("{\"publicNote\": \"bad ".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return new Case(name, 400, null, (request, id) -> request.auth().oauth2(Tokens.of("olivia"))
                .header("If-Match", Actions.etag(id)).contentType("application/json").body(body.toByteArray())
                .post("/api/actions/" + id + "/updates"));
    }

    static Case create(String name, String field, String body) {
        return new Case(name, 400, field, (request, id) -> request.auth().oauth2(Tokens.of("maria"))
                .contentType("application/json").body(body).post("/api/actions"));
    }

    static Case list(String name, String field, String query) {
        return new Case(name, 400, field, (request, id) -> request.auth().oauth2(Tokens.of("maria")).get("/api/actions?" + query));
    }

    static Stream<Case> badRequests() {
        var long2001 = "n".repeat(2001);
        return Stream.of(
                // creating
                create("malformed JSON", null, "{\"feedbackIds\": ["),
                create("a JSON array", null, "[]"),
                create("an empty body", "body", ""),
                create("no feedbackIds", "feedbackIds", "{}"),
                create("empty feedbackIds", "feedbackIds", "{\"feedbackIds\": []}"),
                create("feedbackIds that are not UUIDs", "feedbackIds[0]", "{\"feedbackIds\": [\"abc\"]}"),
                create("101 feedbackIds", "feedbackIds", "{\"feedbackIds\": [" + ("\"" + UUID.randomUUID() + "\",").repeat(100)
                        + "\"" + UUID.randomUUID() + "\"]}"),
                create("unknown feedback", "feedbackIds", "{\"feedbackIds\": [\"" + UUID.randomUUID() + "\"]}"),
                create("an invalid team", "team", "{\"feedbackIds\": [\"" + UUID.randomUUID() + "\"], \"team\": \"Billing!\"}"),
                create("an unknown priority", "priority", "{\"feedbackIds\": [\"" + UUID.randomUUID() + "\"], \"priority\": \"P9\"}"),
                create("a due date that is not a date", "dueAt", "{\"feedbackIds\": [\"" + UUID.randomUUID() + "\"], \"dueAt\": \"soon\"}"),
                create("a title of 201 characters", "title", "{\"feedbackIds\": [\"" + UUID.randomUUID() + "\"], \"title\": \"" + "t".repeat(201) + "\"}"),
                // transitions
                change("a transition without to", 400, "to", "POST", "/transitions", "{}"),
                change("an unknown status", 400, "to", "POST", "/transitions", "{\"to\": \"CLOSED\"}"),
                change("a status as a number", 400, "to", "POST", "/transitions", "{\"to\": 3}"),
                change("an internal note of 2001 characters", 400, "note", "POST", "/transitions",
                        "{\"to\": \"PLANNED\", \"note\": \"" + long2001 + "\"}"),
                change("a public note with a NUL character", 400, "publicNote", "POST", "/transitions",
                        "{\"to\": \"PLANNED\", \"publicNote\": \"bad \\u0000\"}"),
                malformedUtf8("a public note with an overlong encoding of /", (byte) 0xC0, (byte) 0xAF),
                change("DONE straight from OPEN", 422, null, "POST", "/transitions", "{\"to\": \"DONE\", \"publicNote\": \"Done\"}"),
                new Case("no If-Match", 428, null, (request, id) -> request.auth().oauth2(Tokens.of("olivia"))
                        .contentType("application/json").body("{\"to\": \"PLANNED\"}").post("/api/actions/" + id + "/transitions")),
                new Case("an If-Match that is not an ETag", 400, "If-Match", (request, id) -> request.auth().oauth2(Tokens.of("olivia"))
                        .header("If-Match", "\"abc\"").contentType("application/json").body("{\"to\": \"PLANNED\"}")
                        .post("/api/actions/" + id + "/transitions")),
                new Case("a stale If-Match", 409, null, (request, id) -> request.auth().oauth2(Tokens.of("olivia"))
                        .header("If-Match", "\"999\"").contentType("application/json").body("{\"to\": \"PLANNED\"}")
                        .post("/api/actions/" + id + "/transitions")),
                // other changes
                change("an update without a public note", 400, "publicNote", "POST", "/updates", "{}"),
                change("a blank public note", 400, "publicNote", "POST", "/updates", "{\"publicNote\": \" \"}"),
                change("an owner id of 101 characters", 400, "ownerId", "PUT", "/assignment", "{\"ownerId\": \"" + "o".repeat(101) + "\"}"),
                change("a due change without dueAt", 400, "dueAt", "PUT", "/due", "{}"),
                change("a due date in words", 400, "dueAt", "PUT", "/due", "{\"dueAt\": \"tomorrow\"}"),
                change("a due date in the past", 400, "dueAt", "PUT", "/due", "{\"dueAt\": \"2020-01-01T00:00:00Z\"}"),
                change("a due date past the year 9999", 400, "dueAt", "PUT", "/due", "{\"dueAt\": \"+10000-01-01T00:00:00Z\"}"),
                change("a due date PostgreSQL stores as infinity", 400, "dueAt", "PUT", "/due",
                        "{\"dueAt\": \"+300000-12-31T23:59:59Z\"}"),
                change("a due date that overflows the driver", 400, "dueAt", "PUT", "/due",
                        "{\"dueAt\": \"+999999999-12-31T23:59:59Z\"}"),
                change("links without feedbackIds", 400, "feedbackIds", "POST", "/links", "{\"feedbackIds\": null}"),
                change("a merge without into", 400, "into", "POST", "/merge", "{}"),
                change("a merge into a non-UUID", 400, "into", "POST", "/merge", "{\"into\": \"elsewhere\"}"),
                change("a merge into nothing", 400, "into", "POST", "/merge", "{\"into\": \"" + UUID.randomUUID() + "\"}"),
                new Case("a merge into itself", 400, "into", (request, id) -> request.auth().oauth2(Tokens.of("olivia"))
                        .header("If-Match", Actions.etag(id)).contentType("application/json")
                        .body("{\"into\": \"" + id + "\"}").post("/api/actions/" + id + "/merge")),
                // reading
                list("limit 0", "limit", "limit=0"),
                list("limit 1000", "limit", "limit=1000"),
                list("a forged cursor", "cursor", "cursor=RFVFX1NPT05FU1QuMS4wLjA.AAAAAAAAAAAAAAAAAAAAAA"),
                list("an unknown status filter", "status", "status=OPEN,CLOSED"),
                list("overdue that is not a boolean", "overdue", "overdue=maybe"),
                list("an unknown sort", "sort", "sort=priority"),
                list("a feedbackId that is not a UUID", "feedbackId", "feedbackId=abc"),
                list("an invalid team filter", "team", "team=Bad!"),
                new Case("an id that is not a UUID", 400, "id", (request, id) -> request.auth().oauth2(Tokens.of("maria"))
                        .get("/api/actions/not-a-uuid")),
                new Case("an unknown action", 404, null, (request, id) -> request.auth().oauth2(Tokens.of("maria"))
                        .get("/api/actions/" + UUID.randomUUID())),
                new Case("a change to an unknown action", 404, null, (request, id) -> request.auth().oauth2(Tokens.of("maria"))
                        .header("If-Match", "\"0\"").contentType("application/json").body("{\"to\": \"PLANNED\"}")
                        .post("/api/actions/" + UUID.randomUUID() + "/transitions")),
                new Case("an unknown path", 404, null, (request, id) -> request.auth().oauth2(Tokens.of("maria")).get("/api/actionz")),
                new Case("an unsupported method", 405, null, (request, id) -> request.auth().oauth2(Tokens.of("maria"))
                        .delete("/api/actions/" + id)),
                new Case("a plain-text body", 415, null, (request, id) -> request.auth().oauth2(Tokens.of("olivia"))
                        .header("If-Match", Actions.etag(id)).contentType("text/plain").body("PLANNED")
                        .post("/api/actions/" + id + "/transitions")),
                new Case("a body over 64 KiB", 413, null, (request, id) -> request.auth().oauth2(Tokens.of("olivia"))
                        .header("If-Match", Actions.etag(id)).contentType("application/json")
                        .body("{\"publicNote\": \"" + "x".repeat(70_000) + "\"}").post("/api/actions/" + id + "/updates")),
                // routing rules
                new Case("a routing rule without a team", 400, "team", (request, id) -> request.auth().oauth2(Tokens.of("maria"))
                        .contentType("application/json").body("{}").put("/api/routing-rules/billing")),
                new Case("a routing rule for a malformed topic", 400, "topic", (request, id) -> request.auth().oauth2(Tokens.of("maria"))
                        .contentType("application/json").body("{\"team\": \"billing\"}").put("/api/routing-rules/Bad!")),
                // identity
                new Case("no token", 401, null, (request, id) -> request.get("/api/actions")),
                new Case("a token that is not a JWT", 401, null, (request, id) -> request.auth().oauth2("garbage").get("/api/actions")),
                new Case("a tampered token", 401, null, (request, id) -> request.auth().oauth2(tamper(Tokens.of("olivia")))
                        .get("/api/actions")),
                new Case("a customer token", 403, null, (request, id) -> request.auth().oauth2(Tokens.of("alice")).get("/api/actions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAProblemAndWritesNothing(Case bad) {
        var id = action();
        var rows = new Rows(database);
        var before = written(rows);

        Problems.assertProblem(bad.send().apply(given(), id), bad.status(), bad.field());
        assertThat(written(rows)).as("rows written by a refused request").isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void anExpiredTokenIsRefused() throws Exception {
        try (var client = new ShortLivedClient(10)) {
            var token = client.token();
            given().auth().oauth2(token).get("/api/actions").then().statusCode(403); // valid, but a customer
            Keycloak.awaitExpiry(token);
            given().auth().oauth2(token).get("/api/actions").then().statusCode(401)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    /** Every table a change writes to, with the action's version: any write changes the sum. */
    private static String written(Rows rows) {
        return rows.count("select (select count(*) from action) + (select count(*) from action_history)"
                + " + (select count(*) from outbox_event) + (select count(*) from feedback_item)"
                + " + (select count(*) from routing_rule)") + "/"
                + rows.count("select coalesce(sum(version), 0) from action")
                + "/" + rows.count("select count(*) from routing_rule where updated_at > now() - interval '1 second'");
    }

    private static String tamper(String token) {
        var parts = token.split("\\.");
        var claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"owner\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
    }
}
