package org.feedbackloop.feedback;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.feedbackloop.feedback.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ListFeedbackTest {

    private static String submit(String user, String text, String channel) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"text\": \"%s\", \"channel\": \"%s\"}".formatted(text, channel))
                .post("/api/feedback").then().statusCode(201).extract().path("id");
    }

    /** Every page of bob's search for {@code text} since {@code since}, following the cursors (at most 10 pages). */
    private static List<List<String>> bobsSearch(String text, String since, int limit) {
        var pages = new ArrayList<List<String>>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Tokens.of("bob")).queryParam("q", text).queryParam("limit", limit)
                    .queryParam("from", since);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/feedback").then().statusCode(200).extract();
            pages.add(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && pages.size() < 10);
        return pages;
    }

    @Test
    void customersSeeOnlyTheirOwnFeedbackAndAnotherCustomersItemIsNotFound() {
        var bobs = submit("bob", "Bob's private words about the invoice", "WEB");
        var alices = submit("alice", "Alice's private words about the invoice", "WEB");

        given().auth().oauth2(Tokens.of("alice")).queryParam("limit", 100).get("/api/feedback")
                .then().statusCode(200)
                .body("items.id", hasItem(alices))
                .body("items.id", not(hasItem(bobs)));
        given().auth().oauth2(Tokens.of("alice")).get("/api/feedback/" + bobs)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void staffAndIntegratorsSeeEveryonesFeedback() {
        var bobs = submit("bob", "Visible to staff", "PHONE");
        var alices = submit("alice", "Also visible to staff", "PHONE");
        for (var reader : List.of(Tokens.of("olivia"), Tokens.of("maria"), Tokens.of("admin"), Tokens.integrator())) {
            given().auth().oauth2(reader).queryParam("limit", 10).get("/api/feedback")
                    .then().statusCode(200)
                    .body("items.id", hasItem(bobs))
                    .body("items.id", hasItem(alices));
        }
    }

    @Test
    void pagesFollowCursorsWithoutGapsOrRepeats() {
        var since = Instant.now().minusSeconds(1).toString();
        var marker = "pager" + UUID.randomUUID().toString().replace("-", "");
        var submitted = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit("bob", "Paging sample " + marker + " number " + i, "API"));
        }
        var pages = bobsSearch(marker, since, 2);

        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(submitted.reversed());
    }

    @Test
    void aSearchFindsMatchesOlderThanTheNewestItemsItReadsFirst() {
        var since = Instant.now().minusSeconds(1).toString();
        var marker = "older" + UUID.randomUUID().toString().replace("-", "");
        var first = submit("bob", "The " + marker + " voucher was refused", "WEB");
        var second = submit("bob", "The " + marker + " voucher expired too soon", "WEB");
        for (int i = 0; i < 4; i++) { // newer than the matches, more than the search window of the tests (3)
            submit("bob", "Unrelated words about delivery number " + i, "WEB");
        }
        assertThat(bobsSearch(marker, since, 1)).containsExactly(List.of(second), List.of(first));
    }

    @Test
    void searchesTheTextWithWebSearchSyntax() {
        var marker = "zebra" + UUID.randomUUID().toString().substring(0, 8);
        var refund = submit("alice", "The " + marker + " refund took forever to arrive", "WEB");
        var card = submit("alice", "The " + marker + " refund went to the wrong card", "WEB");
        var other = submit("alice", "The " + marker + " packaging was lovely", "WEB");

        given().auth().oauth2(Tokens.of("maria")).queryParam("q", marker + " refunds").get("/api/feedback")
                .then().statusCode(200)
                .body("items.id", hasItem(refund)).body("items.id", hasItem(card)).body("items.id", not(hasItem(other)));
        given().auth().oauth2(Tokens.of("maria")).queryParam("q", marker + " refund -card").get("/api/feedback")
                .then().statusCode(200)
                .body("items.id", hasItem(refund)).body("items.id", not(hasItem(card)));
    }

    @Test
    void filtersByTopicChannelStatusAndTime() {
        var since = Instant.now().minusSeconds(1).toString();
        var delivery = submit("bob", "My parcel was lost by the courier", "SOCIAL");
        var billing = submit("bob", "I was overcharged on my invoice", "SOCIAL");

        given().auth().oauth2(Tokens.of("oscar")).queryParams("topic", "delivery", "channel", "SOCIAL", "from", since)
                .get("/api/feedback").then().statusCode(200)
                .body("items.id", hasItem(delivery)).body("items.id", not(hasItem(billing)))
                .body("items.topic", everyItem(is("delivery")))
                .body("items.channel", everyItem(is("SOCIAL")));
        given().auth().oauth2(Tokens.of("oscar")).queryParams("status", "RECEIVED", "from", since)
                .get("/api/feedback").then().statusCode(200)
                .body("items.id", hasItem(delivery)).body("items.status", everyItem(is("RECEIVED")));
        given().auth().oauth2(Tokens.of("oscar")).queryParams("status", "CLOSED", "from", since)
                .get("/api/feedback").then().statusCode(200)
                .body("items.id", not(hasItem(delivery)));
        given().auth().oauth2(Tokens.of("oscar")).queryParams("to", since)
                .get("/api/feedback").then().statusCode(200)
                .body("items.id", not(hasItem(delivery)));
    }
}
