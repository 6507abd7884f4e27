package org.feedbackloop.notification.webhooks;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Subscribing, reading and deleting webhooks as an integrator. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookApiTest {

    private Webhooks webhooks;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        webhooks = new Webhooks();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        webhooks.close();
        receiver.close();
    }

    @Test
    void aSubscriptionShowsItsSecretOnceAndIsReadableByItsIntegrator() {
        var created = given().auth().oauth2(Tokens.integrator()).contentType("application/json")
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("action.status-changed", "feedback.*",
                        "action.status-changed"), "description", "CRM sync"))
                .post("/api/webhooks").then().statusCode(201)
                .header("Location", startsWith("/api/webhooks/"))
                .body("url", is(receiver.url()))
                .body("eventTypes", is(List.of("action.status-changed", "feedback.*")))
                .body("description", is("CRM sync"))
                .body("secret", startsWith("whsec_"))
                .extract();
        var id = created.path("id").toString();
        assertThat(created.header("Location")).endsWith(id);

        given().auth().oauth2(Tokens.integrator()).get("/api/webhooks/" + id).then().statusCode(200)
                .body("id", is(id)).body("createdAt", endsWith("Z")).body("$", not(hasKey("secret")));
        given().auth().oauth2(Tokens.integrator()).get("/api/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items", is(List.of()));

        Webhooks.delete(id(id));
        given().auth().oauth2(Tokens.integrator()).get("/api/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.integrator()).delete("/api/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void theListIsNewestFirstInPages() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.addFirst(webhooks.subscribe(receiver.url(), "action.*").id().toString());
        }

        var first = given().auth().oauth2(Tokens.integrator()).queryParam("limit", 2).get("/api/webhooks")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.getList("items.secret")).containsOnlyNulls();
        var second = given().auth().oauth2(Tokens.integrator()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/webhooks")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id", String.class)).startsWith(ids.get(2));
    }

    @Test
    void theOpenApiDescribesEveryWebhookEndpoint() {
        var paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (var operation : List.of("paths.'/api/webhooks'.post", "paths.'/api/webhooks'.get",
                "paths.'/api/webhooks/{id}'.get", "paths.'/api/webhooks/{id}'.delete",
                "paths.'/api/webhooks/{id}/deliveries'.get")) {
            assertThat(paths.getString(operation + ".summary")).as(operation).isNotBlank();
        }
    }

    private static java.util.UUID id(String id) {
        return java.util.UUID.fromString(id);
    }
}
