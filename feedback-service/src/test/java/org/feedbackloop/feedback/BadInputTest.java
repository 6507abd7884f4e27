package org.feedbackloop.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.feedback.support.Rows;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.BadRequest;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.Problems;
import org.feedbackloop.testkit.ShortLivedClient;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Hostile and careless input: each request gets the right 4xx as problem+json, and nothing is stored.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadInputTest {

    private static final String VALID = "{\"text\": \"Fine words\", \"channel\": \"WEB\"}";

    @Inject
    AgroalDataSource database;

    static BadRequest post(String name, int status, String field, String user, String body) {
        return new BadRequest(name, status, field, request -> request.auth().oauth2(Tokens.of(user))
                .contentType("application/json").body(body).post("/api/feedback"));
    }

    static BadRequest postAsAlice(String name, String field, String body) {
        return post(name, 400, field, "alice", body);
    }

    /** Text holding these bytes, which are not well-formed UTF-8. */
    static BadRequest malformedUtf8(String name, byte... bytes) {
        var body = new ByteArrayOutputStream();
        body.writeBytes("{\"text\": \"bad ".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\", \"channel\": \"WEB\"}".getBytes(StandardCharsets.UTF_8));
        return new BadRequest(name, 400, null, request -> request.auth().oauth2(Tokens.of("alice"))
                .contentType("application/json").body(body.toByteArray()).post("/api/feedback"));
    }

    static BadRequest get(String name, int status, String field, String user, String path) {
        return new BadRequest(name, status, field, request -> request.auth().oauth2(Tokens.of(user)).get(path));
    }

    static BadRequest withToken(String name, Function<String, String> token) {
        return new BadRequest(name, 401, null, request -> request.auth().oauth2(token.apply(Tokens.of("alice")))
                .contentType("application/json").body(VALID).post("/api/feedback"));
    }

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                // body shape
                postAsAlice("malformed JSON", null, "{\"text\": \"unfinished\", "),
                postAsAlice("not JSON at all", null, "text=hello"),
                postAsAlice("a JSON array", null, "[]"),
                postAsAlice("a JSON string", null, "\"hello\""),
                postAsAlice("JSON null", "body", "null"),
                postAsAlice("an empty body", "body", ""),
                postAsAlice("two JSON documents", null, VALID + VALID),
                // text
                postAsAlice("missing text", "text", "{\"channel\": \"WEB\"}"),
                postAsAlice("empty text", "text", "{\"text\": \"\", \"channel\": \"WEB\"}"),
                postAsAlice("blank text", "text", "{\"text\": \"  \\n\\t \", \"channel\": \"WEB\"}"),
                postAsAlice("text of 5001 characters", "text", "{\"text\": \"" + "a".repeat(5001) + "\", \"channel\": \"WEB\"}"),
                postAsAlice("text as a number", "text", "{\"text\": 42, \"channel\": \"WEB\"}"),
                postAsAlice("text as an object", "text", "{\"text\": {\"a\": 1}, \"channel\": \"WEB\"}"),
                postAsAlice("text with a NUL character", "text", "{\"text\": \"bad \\u0000 byte\", \"channel\": \"WEB\"}"),
                postAsAlice("text with an unpaired surrogate", "text", "{\"text\": \"late again \\ud83d\", \"channel\": \"WEB\"}"),
                malformedUtf8("text with an overlong encoding of /", (byte) 0xC0, (byte) 0xAF),
                malformedUtf8("text with a byte that starts no UTF-8 character", (byte) 0xFF),
                // channel
                postAsAlice("missing channel", "channel", "{\"text\": \"words\"}"),
                postAsAlice("unknown channel", "channel", "{\"text\": \"words\", \"channel\": \"FAX\"}"),
                postAsAlice("lower-case channel", "channel", "{\"text\": \"words\", \"channel\": \"web\"}"),
                postAsAlice("channel as a number", "channel", "{\"text\": \"words\", \"channel\": 1}"),
                // rating
                postAsAlice("NPS above 10", "rating.score", rating("NPS", "11")),
                postAsAlice("NPS below 0", "rating.score", rating("NPS", "-1")),
                postAsAlice("CSAT of 0", "rating.score", rating("CSAT", "0")),
                postAsAlice("CSAT above 5", "rating.score", rating("CSAT", "6")),
                postAsAlice("unknown rating scale", "rating.scale", rating("STARS", "4")),
                postAsAlice("rating without a score", "rating.score", "{\"text\": \"words\", \"channel\": \"WEB\", \"rating\": {\"scale\": \"NPS\"}}"),
                postAsAlice("fractional score", "rating.score", rating("NPS", "3.5")),
                postAsAlice("score as a string", "rating.score", rating("NPS", "\"7\"")),
                postAsAlice("rating as a string", "rating", "{\"text\": \"words\", \"channel\": \"WEB\", \"rating\": \"NPS 7\"}"),
                // other fields
                postAsAlice("unknown topic", "topic", "{\"text\": \"words\", \"channel\": \"WEB\", \"topic\": \"weather\"}"),
                postAsAlice("malformed topic", "topic", "{\"text\": \"words\", \"channel\": \"WEB\", \"topic\": \"Billing!\"}"),
                postAsAlice("invalid contact e-mail", "contact.email", "{\"text\": \"words\", \"channel\": \"WEB\", \"contact\": {\"email\": \"not-an-email\"}}"),
                postAsAlice("consent as a string", "consentToContact", "{\"text\": \"words\", \"channel\": \"WEB\", \"consentToContact\": \"yes\"}"),
                postAsAlice("external reference of 201 characters", "externalRef", "{\"text\": \"words\", \"channel\": \"WEB\", \"externalRef\": \"" + "r".repeat(201) + "\"}"),
                // transport
                new BadRequest("plain-text content type", 415, null, request -> request.auth().oauth2(Tokens.of("alice"))
                        .contentType("text/plain").body(VALID).post("/api/feedback")),
                new BadRequest("a body over 64 KiB", 413, null, request -> request.auth().oauth2(Tokens.of("alice"))
                        .contentType("application/json").body("{\"text\": \"" + "x".repeat(70_000) + "\", \"channel\": \"WEB\"}")
                        .post("/api/feedback")),
                new BadRequest("an Idempotency-Key of 300 characters", 400, "Idempotency-Key", request -> request
                        .auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", "k".repeat(300))
                        .contentType("application/json").body(VALID).post("/api/feedback")),
                // identity and roles
                new BadRequest("no token", 401, null, request -> request.contentType("application/json").body(VALID).post("/api/feedback")),
                new BadRequest("no token on a read", 401, null, request -> request.get("/api/feedback")),
                withToken("a token that is not a JWT", token -> "not-a-token"),
                withToken("a tampered token", BadInputTest::tamper),
                withToken("a token signed by someone else", BadInputTest::forge),
                withToken("a token with an unsigned header", BadInputTest::unsigned),
                post("an owner submitting feedback", 403, null, "olivia", VALID),
                post("a manager submitting feedback", 403, null, "maria", VALID),
                new BadRequest("a customer editing the taxonomy", 403, null, request -> request.auth().oauth2(Tokens.of("alice"))
                        .contentType("application/json").body("{\"keywords\": [\"x\"], \"position\": 9}")
                        .put("/api/feedback/topics/weather")),
                // reads
                get("an id that is not a UUID", 400, "id", "maria", "/api/feedback/not-a-uuid"),
                get("limit 0", 400, "limit", "maria", "/api/feedback?limit=0"),
                get("limit 1000", 400, "limit", "maria", "/api/feedback?limit=1000"),
                get("limit that is not a number", 400, "limit", "maria", "/api/feedback?limit=ten"),
                get("a forged cursor", 400, "cursor", "maria", "/api/feedback?cursor=MTIzNDU2Nzg5MC4wLjA.AAAAAAAAAAAAAAAAAAAAAA"),
                get("a cursor that is not base64", 400, "cursor", "maria", "/api/feedback?cursor=%25%25%25"),
                get("an unknown status filter", 400, "status", "maria", "/api/feedback?status=OPEN"),
                get("an unknown channel filter", 400, "channel", "maria", "/api/feedback?channel=FAX"),
                get("a date that is not a date", 400, "from", "maria", "/api/feedback?from=yesterday"),
                get("a year the database cannot hold", 400, "from", "maria", "/api/feedback?from=%2B999999999-12-31T23:59:59Z"),
                get("a year before the calendar", 400, "to", "maria", "/api/feedback?to=-999999999-01-01T00:00:00Z"),
                get("a five-digit year", 400, "to", "maria", "/api/feedback?to=%2B10000-01-01"),
                get("from after to", 400, "to", "maria", "/api/feedback?from=2026-02-01&to=2026-01-01"),
                get("an unknown path", 404, null, "maria", "/api/feedbacks"),
                new BadRequest("an unsupported method", 405, null, request -> request.auth().oauth2(Tokens.of("maria")).delete("/api/feedback")));
    }

    private static String rating(String scale, String score) {
        return "{\"text\": \"words\", \"channel\": \"WEB\", \"rating\": {\"scale\": \"%s\", \"score\": %s}}".formatted(scale, score);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAProblemAndStoresNothing(BadRequest bad) {
        var rows = new Rows(database);
        var before = rows.stored();

        var response = Problems.assertProblem(bad.send().apply(given()), bad.status(), bad.field());
        if (bad.status() == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        }
        assertThat(rows.stored()).as("rows stored by a refused request").isEqualTo(before);
    }

    @Test
    void anotherCustomersItemAnswersNotFound() {
        var bobs = given().auth().oauth2(Tokens.of("bob")).contentType("application/json").body(VALID)
                .post("/api/feedback").then().statusCode(201).extract().<String>path("id");
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + bobs)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aTamperedCursorIsRefused() {
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(Tokens.of("bob")).contentType("application/json").body(VALID).post("/api/feedback")
                    .then().statusCode(201);
        }
        var page = given().auth().oauth2(Tokens.of("maria")).queryParam("limit", 1).get("/api/feedback")
                .then().statusCode(200).extract();
        String cursor = page.path("nextCursor");
        assertThat(cursor).isNotNull();
        var parts = cursor.split("\\.");
        var position = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.US_ASCII);
        var digit = position.chars().filter(Character::isDigit).findFirst().orElseThrow();
        var shifted = Base64.getUrlEncoder().withoutPadding().encodeToString(position
                .replaceFirst(String.valueOf((char) digit), String.valueOf((char) ('0' + (digit - '0' + 1) % 10)))
                .getBytes(StandardCharsets.US_ASCII));
        given().auth().oauth2(Tokens.of("maria")).queryParam("cursor", shifted + "." + parts[1]).get("/api/feedback")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        try (var client = new ShortLivedClient(10)) {
            var token = client.token();
            given().auth().oauth2(token).get("/api/feedback").then().statusCode(200);
            Keycloak.awaitExpiry(token);
            given().auth().oauth2(token).get("/api/feedback")
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
    }

    // --- tokens that must not pass -----------------------------------------------------------------

    private static final ObjectMapper JSON = new ObjectMapper();

    private static com.fasterxml.jackson.databind.JsonNode payload(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String encode(Object json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token whose payload now claims the manager role, with the original signature. */
    private static String tamper(String token) {
        try {
            var parts = token.split("\\.");
            var claims = (ObjectNode) payload(token);
            claims.putObject("realm_access").putArray("roles").add("customer").add("manager");
            return parts[0] + "." + encode(claims) + "." + parts[2];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real token's header and claims, signed with a key of our own. */
    private static String forge(String token) {
        try {
            var parts = token.split("\\.");
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.generateKeyPair().getPrivate());
            signer.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real claims under {@code "alg": "none"} and no signature. */
    private static String unsigned(String token) {
        var parts = token.split("\\.");
        return encode(java.util.Map.of("alg", "none", "typ", "JWT")) + "." + parts[1] + ".";
    }
}
