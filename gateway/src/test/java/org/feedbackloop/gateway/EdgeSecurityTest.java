package org.feedbackloop.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.feedbackloop.gateway.support.RawHttp;
import org.feedbackloop.gateway.support.TestInfrastructure;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.ShortLivedClient;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Who gets past the edge: tokens, public paths, ambiguous paths and oversized bodies. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EdgeSecurityTest {

    @BeforeEach
    void freshUpstreams() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestInfrastructure.resetUpstreams();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/feedback", "/api/actions", "/api/me/notifications", "/api/me/notifications/stream",
            "/api/webhooks", "/api/me/timeline", "/api/nothing"})
    void protectedPathsWithoutATokenAnswer401AtTheEdge(String path) {
        given().get(path).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"feedbackloop\"")
                .contentType(startsWith("application/problem+json"))
                .body("type", is("urn:feedbackloop:problem:unauthenticated"));
        assertThat(TestInfrastructure.feedback().received("/api")).isEmpty();
        assertThat(TestInfrastructure.actions().received("/api")).isEmpty();
        assertThat(TestInfrastructure.notifications().received("/api")).isEmpty();
    }

    @Test
    void aGarbageTokenIsRefusedEvenOnPublicPaths() {
        for (var path : new String[]{"/api/feedback", "/api/public/updates"}) {
            given().auth().oauth2("not-a-jwt").get(path).then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer realm=\"feedbackloop\", error=\"invalid_token\"")
                    .contentType(startsWith("application/problem+json"));
        }
        given().auth().oauth2(forged(Tokens.of("alice"))).get("/api/feedback").then().statusCode(401);
        assertThat(TestInfrastructure.feedback().received("/api")).isEmpty();
        assertThat(TestInfrastructure.actions().received("/api")).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        try (var client = new ShortLivedClient(5)) {
            given().get("/q/health/live").then().statusCode(200); // the first call of a JVM is slow: not with this token
            var token = client.token();
            given().auth().oauth2(token).get("/api/feedback").then().statusCode(200);
            Keycloak.awaitExpiry(token);
            given().auth().oauth2(token).get("/api/feedback").then().statusCode(401)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        try (var client = ShortLivedClient.withoutAudience(300)) {
            given().auth().oauth2(client.token()).get("/api/feedback").then().statusCode(401);
        }
    }

    @Test
    void publicPathsNeedNoToken() {
        given().get("/api/public/updates").then().statusCode(200).body("upstream", is("action-service"));
        given().get("/api/public/unsubscribe?token=abc").then().statusCode(200).body("upstream", is("notification-service"));
        given().get("/api/public/follow-up?answer=yes&token=abc").then().statusCode(200);
        given().get("/openapi").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        assertThat(TestInfrastructure.actions().last("/api/public/updates").header("Authorization")).isNull();
    }

    @Test
    void aValidTokenOnAPublicPathIsRelayed() {
        var token = Tokens.of("bob");
        given().auth().oauth2(token).post("/api/public/updates/a-1/me-too").then().statusCode(200);
        assertThat(TestInfrastructure.actions().last("/api/public/updates").header("Authorization")).isEqualTo("Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/feedback/../actions", "/api/feedback/%2e%2e/actions", "/api/feedback/%2E%2E/actions",
            "/api/feedback/.%2e/actions", "/api/feedback%2f..%2factions", "/api/feedback/..%2Factions",
            "/api/public/../actions", "/api/public/%2e%2e/actions", "/api/./actions", "/api//actions",
            "/api/feedback;x=1", "/api/feedback/..\\actions", "/api/feedback/%5c..%5cactions"})
    void ambiguousPathsNeverReachAnUpstream(String rawPath) {
        var answer = RawHttp.get(rawPath, Tokens.of("olivia"));
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(400);
        assertThat(TestInfrastructure.actions().received("/")).isEmpty();
        assertThat(TestInfrastructure.feedback().received("/")).isEmpty();
    }

    @Test
    void ambiguousPathsAreRefusedAsProblems() {
        var answer = RawHttp.get("/api/public/%2e%2e/actions", Tokens.of("olivia"));
        assertThat(answer).contains("application/problem+json").contains("urn:feedbackloop:problem:malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Host: a b\r\n", "Host: 127.0.0.1:99999\r\n", "Host: 127.0.0.1\r\nHost: evil.example\r\n"})
    void aRequestWithoutExactlyOneValidHostIsMalformed(String hostLines) {
        var answer = RawHttp.send("GET /api/public/updates HTTP/1.1\r\n" + hostLines + "Connection: close\r\n\r\n");
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(400);
        assertThat(answer).contains("application/problem+json").contains("urn:feedbackloop:problem:malformed-request");
        assertThat(TestInfrastructure.actions().received("/")).isEmpty();
    }

    @Test
    void anAnnouncedBodyOverTheLimitAnswers413() {
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").body("x".repeat(64 * 1024 + 1))
                .post("/api/feedback")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", is("urn:feedbackloop:problem:payload-too-large"));
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").body("x".repeat(64 * 1024))
                .post("/api/feedback").then().statusCode(200);
        assertThat(TestInfrastructure.feedback().received("/api/feedback")).hasSize(1);
    }

    @Test
    void aFileForImportPassesTheGeneralLimitAndArrivesWhole() {
        var file = "text,channel\n" + "A row of history from the old tool,PHONE\n".repeat(25_000); // about 1 MB
        given().auth().oauth2(Tokens.integrator()).contentType("text/csv").body(file)
                .post("/api/feedback/imports").then().statusCode(200);
        var received = TestInfrastructure.feedback().last("/api/feedback/imports");
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(file);
        // the general limit still holds for everything else under /api/feedback
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").body("x".repeat(1024 * 1024))
                .post("/api/feedback").then().statusCode(413);
    }

    @Test
    void aChunkedBodyOverTheLimitAnswers413() {
        var chunk = "x".repeat(8 * 1024);
        var request = new StringBuilder("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ")
                .append(Tokens.of("alice")).append("\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 9; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        var answer = RawHttp.send(request.toString());
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(413);
        assertThat(answer).contains("application/problem+json");
        assertThat(TestInfrastructure.feedback().received("/api")).isEmpty();
    }

    /** A real token whose payload was changed: the signature no longer matches. */
    private static String forged(String token) {
        var parts = token.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"customer\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }
}
