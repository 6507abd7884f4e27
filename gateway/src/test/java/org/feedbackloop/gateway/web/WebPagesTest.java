package org.feedbackloop.gateway.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.feedbackloop.gateway.web.manager.BarChart;
import org.feedbackloop.gateway.web.portal.InboxEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** The pages as the gateway serves them, without the services behind (nothing listens where they should be). */
@QuarkusTest
class WebPagesTest {

    @Inject
    @Location("web/portal/inboxEntry")
    Template inboxEntry;

    @Inject
    @Location("web/manager/chart")
    Template chart;

    @Test
    void theLandingPageExplainsAndCarriesSecurityHeaders() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .body(containsString("Tell us. We act. We tell you what changed."))
                .body(containsString("href=\"/board\""))
                .body(containsString("href=\"/login\""));
    }

    @Test
    void signInGoesToKeycloakWithPkce() {
        given().redirects().follow(false).get("/portal").then().statusCode(302)
                .header("Location", startsWith("http://localhost:8180/realms/feedbackloop/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=feedbackloop-web"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    @TestSecurity(user = "olivia", roles = "owner")
    void aPageOfAnotherRoleSaysSoPlainly() {
        given().get("/portal").then().statusCode(403).body(containsString("This page is not part of your pages"));
        given().get("/manager").then().statusCode(403).body(containsString("href=\"/login\""));
    }

    @Test
    void aServiceThatIsDownGivesAFriendlyPartNotAnError() {
        given().get("/board").then().statusCode(200)
                .body(containsString("The action service is temporarily unavailable."))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    @Test
    void webAssetsComeFromTheirJars() {
        given().get("/_static/htmx.org/2.0.2/dist/htmx.min.js").then().statusCode(200);
        given().get("/webjars/htmx-ext-sse/2.2.2/sse.js").then().statusCode(200);
        given().get("/web/app.js").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void userWordsAreEscapedInFragments() {
        var entry = new InboxEntry(UUID.randomUUID(), "YOU_SAID_WE_DID", "<script>alert(1)</script>",
                "<img src=x onerror=alert(2)>", null, List.of(), null, Instant.now(), null);

        var html = inboxEntry.data("entry", entry).data("csrf", "t").data("live", true).render();

        assertThat(html).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void chartLabelsAreEscapedAndTheChartIsDescribed() {
        var bars = BarChart.of("c", "Volume", "One bar per topic", List.of(new BarChart.Series("Items", "series-volume")),
                List.of(new BarChart.Entry("<script>x</script>", List.of(3L))));

        var svg = chart.data("chart", bars).render();

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("role=\"img\"").contains("<title id=\"c-title\">Volume</title>")
                .contains("<desc id=\"c-desc\">One bar per topic</desc>").contains("<table>");
    }
}
