package org.feedbackloop.gateway.openapi;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicResponsesTest {

    private static JsonObject document() {
        return new JsonObject("""
                {"openapi":"3.1.0","info":{"title":"API"},
                 "paths":{
                   "/api/feedback":{"get":{"security":[{"bearer":[]}],"responses":{
                       "200":{"description":"A page"},
                       "400":{"description":"Invalid filter","content":{"application/problem+json":{}}},
                       "404":{"description":"No such feedback","content":{"application/problem+json":{}}}}}},
                   "/api/public/updates":{"get":{"responses":{"200":{"description":"The board"}}}},
                   "/q/health":{"get":{"responses":{"200":{"description":"Up"}}}}},
                 "components":{"schemas":{"Problem":{"type":"object"}}}}""");
    }

    @Test
    void aSecuredOperationAnswersWhatTheGatewayAnswersWithItsHeaders() {
        var document = document();
        PublicResponses.addTo(document);
        var responses = document.getJsonObject("paths").getJsonObject("/api/feedback").getJsonObject("get")
                .getJsonObject("responses");

        assertThat(responses.fieldNames()).containsExactlyInAnyOrder("200", "400", "401", "403", "404", "429", "500",
                "503", "504");
        assertThat(responses.getJsonObject("404").getString("description")).isEqualTo("No such feedback");
        for (var code : new String[]{"200", "400", "403", "404", "429"}) {
            assertThat(responses.getJsonObject(code).getJsonObject("headers").fieldNames()).as(code)
                    .contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        }
        // refused before the limiter counts it
        assertThat(responses.getJsonObject("401").getJsonObject("headers").fieldNames())
                .containsExactlyInAnyOrder("WWW-Authenticate", "Access-Control-Allow-Origin");
        assertThat(responses.getJsonObject("429").getJsonObject("headers").fieldNames()).contains("Retry-After");
        assertThat(responses.getJsonObject("503").getJsonObject("headers").fieldNames())
                .containsExactlyInAnyOrder("Retry-After", "Access-Control-Allow-Origin");
        assertThat(responses.getJsonObject("400").getJsonObject("content").getJsonObject("application/problem+json")
                .getJsonObject("schema").getString("$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(document.getJsonObject("components").getJsonObject("headers").getJsonObject("Retry-After")
                .getJsonObject("schema").getInteger("maximum")).isEqualTo(86_400);
    }

    @Test
    void aPublicOperationHasNoAuthenticationAnswersAndOperationsOutsideTheApiAreLeftAlone() {
        var document = document();
        PublicResponses.addTo(document);
        var paths = document.getJsonObject("paths");

        assertThat(paths.getJsonObject("/api/public/updates").getJsonObject("get").getJsonObject("responses").fieldNames())
                .containsExactlyInAnyOrder("200", "400", "429", "500", "503", "504");
        assertThat(paths.getJsonObject("/q/health").getJsonObject("get").getJsonObject("responses").fieldNames())
                .containsExactly("200");
    }
}
