package org.feedbackloop.notification.webhooks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.BadRequest;
import org.feedbackloop.testkit.Problems;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Careless and hostile requests to the webhook API, and URLs the SSRF guard refuses: the right 4xx as
 * problem+json naming the field, and nothing written.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookBadInputTest {

    private static final String GOOD_URL = "http://127.0.0.1:9/hook";

    @Inject
    AgroalDataSource database;

    static BadRequest subscribe(String name, String field, String body) {
        return new BadRequest(name, 400, field, request -> request.auth().oauth2(Tokens.integrator())
                .contentType("application/json").body(body).post("/api/webhooks"));
    }

    /** A webhook whose description holds these bytes, which are not well-formed UTF-8. */
    static BadRequest malformedUtf8(String name, byte... bytes) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": [\"action.*\"], \"description\": \"bad ")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return new BadRequest(name, 400, null, request -> request.auth().oauth2(Tokens.integrator())
                .contentType("application/json").body(body.toByteArray()).post("/api/webhooks"));
    }

    static BadRequest url(String name, String url) {
        return subscribe(name, "url", "{\"url\": \"" + url + "\", \"eventTypes\": [\"feedback.received\"]}");
    }

    static BadRequest integrator(String name, int status, String field, String method, String path) {
        return new BadRequest(name, status, field, request -> request.auth().oauth2(Tokens.integrator()).request(method, path));
    }

    static Stream<BadRequest> badRequests() {
        var unknown = UUID.randomUUID();
        return Stream.of(
                subscribe("malformed JSON", null, "{\"url\": "),
                subscribe("a JSON array", null, "[]"),
                subscribe("an empty body", "body", ""),
                subscribe("no url", "url", "{\"eventTypes\": [\"feedback.received\"]}"),
                subscribe("a blank url", "url", "{\"url\": \" \", \"eventTypes\": [\"feedback.received\"]}"),
                subscribe("a url as a number", "url", "{\"url\": 42, \"eventTypes\": [\"feedback.received\"]}"),
                subscribe("no eventTypes", "eventTypes", "{\"url\": \"" + GOOD_URL + "\"}"),
                subscribe("empty eventTypes", "eventTypes", "{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": []}"),
                subscribe("an unknown event type", "eventTypes[1]",
                        "{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": [\"feedback.received\", \"feedback.deleted\"]}"),
                subscribe("a wildcard for everything", "eventTypes[0]", "{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": [\"*\"]}"),
                subscribe("an event type as a number", "eventTypes[0]", "{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": [7]}"),
                subscribe("a null event type", "eventTypes[0]", "{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": [null]}"),
                subscribe("21 event types", "eventTypes", "{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": ["
                        + "\"action.*\",".repeat(20) + "\"action.*\"]}"),
                subscribe("a description of 201 characters", "description", "{\"url\": \"" + GOOD_URL
                        + "\", \"eventTypes\": [\"action.*\"], \"description\": \"" + "d".repeat(201) + "\"}"),
                subscribe("a description with a NUL character", "description", "{\"url\": \"" + GOOD_URL
                        + "\", \"eventTypes\": [\"action.*\"], \"description\": \"bad \\u0000\"}"),
                malformedUtf8("a description with an overlong encoding of /", (byte) 0xC0, (byte) 0xAF),
                url("a url of 2001 characters", "http://127.0.0.1/" + "p".repeat(2001 - "http://127.0.0.1/".length())),
                url("a url that is not a URL", "not a url"),
                url("a relative url", "/hooks"),
                // the SSRF guard
                url("a private 10/8 address", "http://10.0.0.1/hook"),
                url("the cloud metadata address", "http://169.254.169.254/latest/meta-data/"),
                url("IPv6 loopback", "http://[::1]/"),
                url("a private 192.168/16 address", "http://192.168.1.10/hook"),
                url("a private 172.16/12 address", "https://172.16.5.4/hook"),
                url("a carrier-grade NAT address", "http://100.64.0.1/hook"),
                url("an IPv6 unique local address", "http://[fd00::1]/hook"),
                url("an IPv6 link-local address", "http://[fe80::1]/hook"),
                url("a private address mapped into IPv6", "http://[::ffff:10.0.0.1]/hook"),
                url("the unspecified address", "http://0.0.0.0/hook"),
                url("a multicast address", "http://224.0.0.1/hook"),
                url("ftp", "ftp://example.com/hook"),
                url("a url with user and password", "https://user:pass@127.0.0.1/hook"),
                url("a host that does not resolve", "https://does-not-exist.invalid/hook"),
                // reading and deleting
                integrator("an id that is not a UUID", 400, "id", "GET", "/api/webhooks/not-a-uuid"),
                integrator("deleting a non-UUID", 400, "id", "DELETE", "/api/webhooks/42"),
                integrator("an unknown webhook", 404, null, "GET", "/api/webhooks/" + unknown),
                integrator("deleting an unknown webhook", 404, null, "DELETE", "/api/webhooks/" + unknown),
                integrator("the log of an unknown webhook", 404, null, "GET", "/api/webhooks/" + unknown + "/deliveries"),
                integrator("limit 0", 400, "limit", "GET", "/api/webhooks?limit=0"),
                integrator("limit 101 on a log", 400, "limit", "GET", "/api/webhooks/" + unknown + "/deliveries?limit=101"),
                integrator("a forged cursor", 400, "cursor", "GET", "/api/webhooks?cursor=RFVFX1NPT05FU1QuMS4wLjA.AAAAAAAAAAAAAAAAAAAAAA"),
                new BadRequest("a plain-text body", 415, null, request -> request.auth().oauth2(Tokens.integrator())
                        .contentType("text/plain").body(GOOD_URL).post("/api/webhooks")),
                // identity
                new BadRequest("no token", 401, null, request -> request.contentType("application/json")
                        .body("{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": [\"action.*\"]}").post("/api/webhooks")),
                new BadRequest("a customer token", 403, null, request -> request.auth().oauth2(Tokens.of("alice")).get("/api/webhooks")),
                new BadRequest("an owner subscribing", 403, null, request -> request.auth().oauth2(Tokens.of("olivia"))
                        .contentType("application/json")
                        .body("{\"url\": \"" + GOOD_URL + "\", \"eventTypes\": [\"action.*\"]}").post("/api/webhooks")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAProblemAndWritesNothing(BadRequest bad) {
        var rows = new Rows(database);
        var before = written(rows);

        Problems.assertProblem(bad.send().apply(given()), bad.status(), bad.field());
        assertThat(written(rows)).as("rows written by a refused request").isEqualTo(before);
    }

    private static String written(Rows rows) {
        return rows.count("select count(*) from webhook_subscription") + "/"
                + rows.count("select count(*) from webhook_subscription where deleted_at is not null") + "/"
                // what a deletion retires (deliveries that die of failed attempts meanwhile, from earlier tests, are not
                // this request's doing)
                + rows.count("select count(*) from webhook_delivery where status = 'DEAD' and last_error = ?",
                "subscription deleted");
    }
}
