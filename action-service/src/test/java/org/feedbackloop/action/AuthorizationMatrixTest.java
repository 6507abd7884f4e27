package org.feedbackloop.action;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * Each role against each endpoint, on an action of team billing: owners act on their team's actions only,
 * managers and admins on all, integrators read, customers see nothing here, anonymous callers get 401.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthorizationMatrixTest {

    private static TestBroker broker;

    @BeforeAll
    static void connect() throws Exception {
        broker = new TestBroker("action-service tests");
    }

    @AfterAll
    static void disconnect() throws Exception {
        broker.close();
    }

    /** An endpoint exercised on a fresh billing action; returns the status code. */
    record Endpoint(String name, BiFunction<RequestSpecification, String, Integer> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ANONYMOUS = "nobody";
    private static final List<String> CALLERS = List.of("alice", "olivia", "oscar", "maria", "admin", "integrator", ANONYMOUS);

    private static Integer json(RequestSpecification request, String method, String path, Object body, String action) {
        return request.header("If-Match", Actions.etag(action)).contentType("application/json").body(body)
                .request(method, path).then().extract().statusCode();
    }

    static Stream<Arguments> matrix() {
        var reads = List.of(
                new Endpoint("GET /api/actions", (r, a) -> r.get("/api/actions").then().extract().statusCode()),
                new Endpoint("GET /api/actions/{id}", (r, a) -> r.get("/api/actions/" + a).then().extract().statusCode()),
                new Endpoint("GET /api/actions/{id}/feedback", (r, a) -> r.get("/api/actions/" + a + "/feedback").then().extract().statusCode()));
        var writes = List.of(
                new Endpoint("POST transitions", (r, a) -> json(r, "POST", "/api/actions/" + a + "/transitions", Map.of("to", "PLANNED"), a)),
                new Endpoint("POST updates", (r, a) -> json(r, "POST", "/api/actions/" + a + "/updates", Map.of("publicNote", "Progress"), a)),
                new Endpoint("PUT assignment", (r, a) -> json(r, "PUT", "/api/actions/" + a + "/assignment", Map.of(), a)),
                new Endpoint("PUT due", (r, a) -> json(r, "PUT", "/api/actions/" + a + "/due",
                        Map.of("dueAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()), a)),
                new Endpoint("POST links", (r, a) -> json(r, "POST", "/api/actions/" + a + "/links",
                        Map.of("feedbackIds", List.of(Actions.feedback(broker, "billing"))), a)),
                new Endpoint("POST merge", (r, a) -> json(r, "POST", "/api/actions/" + a + "/merge",
                        Map.of("into", Actions.open(broker, "billing")), a)),
                new Endpoint("POST /api/actions", (r, a) -> r.contentType("application/json")
                        .body(Map.of("feedbackIds", List.of(Actions.feedback(broker, "billing"))))
                        .post("/api/actions").then().extract().statusCode()));
        var rules = List.of(
                new Endpoint("GET /api/routing-rules", (r, a) -> r.get("/api/routing-rules").then().extract().statusCode()),
                new Endpoint("PUT /api/routing-rules/{topic}", (r, a) -> r.contentType("application/json")
                        .body(Map.of("team", "billing")).put("/api/routing-rules/billing").then().extract().statusCode()));

        var cases = new ArrayList<Arguments>();
        for (var caller : CALLERS) {
            for (var endpoint : reads) {
                cases.add(Arguments.of(caller, endpoint, switch (caller) {
                    case ANONYMOUS -> 401;
                    case "alice" -> 403;
                    default -> 200;
                }));
            }
            for (var endpoint : writes) {
                var created = endpoint.name().equals("POST /api/actions") ? 201 : 200;
                cases.add(Arguments.of(caller, endpoint, switch (caller) {
                    case ANONYMOUS -> 401;
                    case "olivia", "maria", "admin" -> created;
                    default -> 403; // alice and the integrator by role, oscar by team
                }));
            }
            cases.add(Arguments.of(caller, rules.get(0), switch (caller) {
                case ANONYMOUS -> 401;
                case "olivia", "oscar", "maria", "admin" -> 200;
                default -> 403;
            }));
            cases.add(Arguments.of(caller, rules.get(1), switch (caller) {
                case ANONYMOUS -> 401;
                case "maria", "admin" -> 200;
                default -> 403;
            }));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @MethodSource("matrix")
    void eachRoleGetsWhatItMay(String caller, Endpoint endpoint, int expected) {
        var action = Actions.open(broker, "billing");
        var before = Actions.etag(action);
        var request = given();
        if (caller.equals("integrator")) {
            request.auth().oauth2(Tokens.integrator());
        } else if (!caller.equals(ANONYMOUS)) {
            request.auth().oauth2(Tokens.of(caller));
        }
        var status = endpoint.call().apply(request, action);
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(expected);
        if (status >= 400) {
            org.assertj.core.api.Assertions.assertThat(Actions.etag(action)).as("a refused request changes nothing")
                    .isEqualTo(before);
        }
    }
}
