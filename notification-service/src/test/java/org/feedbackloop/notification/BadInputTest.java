package org.feedbackloop.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.feedbackloop.notification.email.LinkTokens;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.BadRequest;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.Problems;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.ShortLivedClient;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Careless and hostile requests on the inbox, preferences and public links: a 4xx problem, nothing written. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadInputTest {

    private static final String PREFERENCES = "{\"email\": true, \"inApp\": true, \"digest\": \"IMMEDIATE\"}";

    @Inject
    AgroalDataSource database;

    @Inject
    LinkTokens tokens;

    static BadRequest asAlice(String name, int status, String field, Function<RequestSpecification, Response> send) {
        return new BadRequest(name, status, field, request -> send.apply(request.auth().oauth2(Tokens.of("alice"))));
    }

    static BadRequest preferences(String name, String field, String body) {
        return asAlice(name, 400, field, r -> r.contentType("application/json").body(body).put("/api/me/preferences"));
    }

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                new BadRequest("the inbox without a token", 401, null, r -> r.get("/api/me/notifications")),
                new BadRequest("the inbox with an integrator's token", 403, null, r -> r.auth().oauth2(Tokens.integrator())
                        .get("/api/me/notifications")),
                new BadRequest("the inbox with a tampered token", 401, null, r -> r.auth().oauth2(tamper(Tokens.of("alice")))
                        .get("/api/me/notifications")),
                asAlice("limit 0", 400, "limit", r -> r.get("/api/me/notifications?limit=0")),
                asAlice("limit 1000", 400, "limit", r -> r.get("/api/me/notifications?limit=1000")),
                asAlice("limit that is not a number", 400, "limit", r -> r.get("/api/me/notifications?limit=many")),
                asAlice("a forged cursor", 400, "cursor", r -> r.get("/api/me/notifications?cursor=MTIzLjAu.AAAAAAAAAAAAAAAAAAAAAA")),
                asAlice("unread that is not a boolean", 400, "unread", r -> r.get("/api/me/notifications?unread=maybe")),
                asAlice("marking read a non-UUID", 400, "id", r -> r.put("/api/me/notifications/not-a-uuid/read")),
                asAlice("marking read a notification that is not there", 404, null,
                        r -> r.put("/api/me/notifications/" + UUID.randomUUID() + "/read")),
                new BadRequest("marking read without a token", 401, null, r -> r.put("/api/me/notifications/" + UUID.randomUUID() + "/read")),
                new BadRequest("the live stream without a token", 401, null, r -> r.accept("text/event-stream")
                        .get("/api/me/notifications/stream")),
                asAlice("deleting the inbox", 405, null, r -> r.delete("/api/me/notifications")),
                asAlice("an unknown path", 404, null, r -> r.get("/api/me/notificationz")),
                preferences("malformed preferences", null, "{\"email\": tru"),
                preferences("preferences without email", "email", "{\"inApp\": true, \"digest\": \"DAILY\"}"),
                preferences("an unknown digest", "digest", "{\"email\": true, \"inApp\": true, \"digest\": \"WEEKLY\"}"),
                preferences("email as a string", "email", "{\"email\": \"yes\", \"inApp\": true, \"digest\": \"DAILY\"}"),
                preferences("stories as a string", "stories",
                        "{\"email\": true, \"inApp\": true, \"digest\": \"DAILY\", \"stories\": \"no\"}"),
                preferences("empty preferences", "body", ""),
                preferences("preferences as an array", null, "[" + PREFERENCES + "]"),
                asAlice("preferences as plain text", 415, null, r -> r.contentType("text/plain").body(PREFERENCES)
                        .put("/api/me/preferences")),
                asAlice("preferences over 64 KiB", 413, null, r -> r.contentType("application/json")
                        .body("{\"email\": true, \"pad\": \"" + "x".repeat(70_000) + "\"}").put("/api/me/preferences")),
                new BadRequest("preferences of an integrator", 403, null, r -> r.auth().oauth2(Tokens.integrator())
                        .get("/api/me/preferences")),
                new BadRequest("unsubscribing without a token", 400, "token", r -> r.get("/api/public/unsubscribe")),
                new BadRequest("unsubscribing with a forged token", 400, "token", r -> r.get("/api/public/unsubscribe?token="
                        + Base64.getUrlEncoder().withoutPadding().encodeToString("unsubscribe\nvictim@example.com".getBytes())
                        + ".AAAAAAAAAAAAAAAAAAAAAAAAAAA")),
                new BadRequest("unsubscribing with garbage", 400, "token", r -> r.post("/api/public/unsubscribe?token=%00%01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAProblemAndWritesNothing(BadRequest bad) {
        var rows = new Rows(database);
        var before = written(rows);
        Problems.assertProblem(bad.send().apply(given()), bad.status(), bad.field());
        assertThat(written(rows)).as("rows written by a refused request").isEqualTo(before);
    }

    @Test
    void aTokenSignedForAnotherPurposeDoesNotUnsubscribe() {
        var token = tokens.sign("follow-up", "victim@example.com");
        given().get("/api/public/unsubscribe?token=" + token).then().statusCode(400).body("errors.field", hasItem("token"));
        var real = tokens.sign("unsubscribe", "victim@example.com");
        var tampered = real.substring(0, real.length() - 2) + (real.endsWith("A") ? "BB" : "AA");
        given().get("/api/public/unsubscribe?token=" + tampered).then().statusCode(400);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        try (var client = new ShortLivedClient(10)) {
            var token = client.token();
            given().auth().oauth2(token).get("/api/me/notifications").then().statusCode(200);
            Keycloak.awaitExpiry(token);
            given().auth().oauth2(token).get("/api/me/notifications").then().statusCode(401)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    private static long written(Rows rows) {
        return rows.count("select (select count(*) from notification) + (select count(*) from preference)"
                + " + (select count(*) from email_suppression)")
                + rows.count("select count(*) from preference where updated_at > now() - interval '2 seconds'");
    }

    private static String tamper(String token) {
        var parts = token.split("\\.");
        var claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"customer\"", "\"manager\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
    }
}
