package org.feedbackloop.action;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.feedbackloop.action.board.BoardFilter;
import org.feedbackloop.action.domain.ActionSort;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.kit.signing.CursorCodec;
import org.feedbackloop.testkit.BadRequest;
import org.feedbackloop.testkit.Problems;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.action.support.FeedbackEvents.awaitAction;
import static org.feedbackloop.action.support.FeedbackEvents.bytes;
import static org.feedbackloop.action.support.FeedbackEvents.received;
import static org.feedbackloop.action.support.FeedbackEvents.uniqueWords;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The public "you said, we did" board, read without a token: what it shows, and what it never shows. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PublicBoardTest {

    private static final List<String> PUBLIC_FIELDS = List.of("actionId", "title", "team", "topic", "status",
            "publicNote", "completedAt", "updatedAt", "contributorCount", "meTooCount");

    private static TestBroker broker;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() throws Exception {
        broker = new TestBroker("action-service tests");
        broker.tap("action.events", "action.#");
    }

    @AfterAll
    static void disconnect() throws Exception {
        broker.close();
    }

    @Test
    void aDoneActionShowsItsNoteAndCountsAndNothingPersonal() throws Exception {
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var firstText = "Refunds " + uniqueWords() + " take weeks. My account 4711 belongs to Carol Example.";
        var secondText = "Still no refund " + uniqueWords() + " after a month, call me on 0170 555 123.";
        var firstContributor = "contributor-" + first;
        var secondContributor = "contributor-" + second;
        var firstEmail = "carol-" + first + "@example.com";
        var secondEmail = "dave-" + second + "@example.com";
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), first, "billing", firstText,
                "NPS", 2, -0.6, firstContributor, firstEmail)));
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), second, "billing", secondText,
                "CSAT", 1, -0.5, secondContributor, secondEmail)));
        awaitAction(first);
        awaitAction(second);
        // the owner gathers both under an action of their own, with a title in their words
        var title = "Faster refunds " + uniqueWords();
        String action = given().auth().oauth2(Tokens.of("olivia")).contentType("application/json")
                .body(Map.of("feedbackIds", List.of(first, second), "title", title))
                .post("/api/actions").then().statusCode(201).extract().path("id");
        var internalNote = "Internal: Carol threatened to leave " + uniqueWords();
        given().auth().oauth2(Tokens.of("olivia")).header("If-Match", Actions.etag(action)).contentType("application/json")
                .body(Map.of("to", "PLANNED", "note", internalNote)).post("/api/actions/" + action + "/transitions")
                .then().statusCode(200);
        Actions.transition("olivia", action, "IN_PROGRESS", null).statusCode(200);
        var note = "Refunds now reach your account within 3 days.";
        Actions.transition("olivia", action, "DONE", note).statusCode(200);

        var item = given().get("/api/public/updates/" + action).then().statusCode(200)
                .header("Cache-Control", "public, max-age=30")
                .body("actionId", is(action))
                .body("title", is(title))
                .body("team", is("billing"))
                .body("topic", is("billing"))
                .body("status", is("DONE"))
                .body("publicNote", is(note))
                .body("completedAt", notNullValue())
                .body("contributorCount", is(2))
                .body("meTooCount", is(0))
                .extract();
        assertThat(item.jsonPath().getMap("").keySet()).containsExactlyInAnyOrderElementsOf(PUBLIC_FIELDS);

        var page = given().queryParam("limit", 100).get("/api/public/updates").then().statusCode(200)
                .header("Cache-Control", "public, max-age=30")
                .body("items.actionId", hasItem(action))
                .extract();
        var listed = page.jsonPath().getMap("items.find { it.actionId == '" + action + "' }");
        assertThat(listed).isEqualTo(item.jsonPath().getMap(""));

        var ownerId = Tokens.subjectOf("olivia");
        for (var raw : List.of(item.asString(), page.asString())) {
            assertThat(raw).doesNotContain(firstContributor, secondContributor, firstEmail, secondEmail, "@example.com",
                    ownerId, "olivia", internalNote, "Carol", "4711", "0170 555 123",
                    firstText.substring(0, 20), secondText.substring(0, 20), first.toString(), second.toString());
        }
    }

    @Test
    void anActionNamedAfterFeedbackIsShownToCustomersUnderANeutralNameUntilStaffWriteOne() throws Exception {
        var feedback = UUID.randomUUID();
        var words = "Bob Example " + uniqueWords() + " was billed twice";
        broker.publish("feedback.events", "feedback.received", bytes(received(UUID.randomUUID(), feedback, "billing", words + ".",
                null, null, -0.4, "contributor-" + feedback, null)));
        var action = awaitAction(feedback);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/" + action).then()
                .body("title", startsWith("Bob Example")).body("titleForCustomers", is("Billing feedback"));

        Actions.transition("olivia", action, "PLANNED", "We are on it.").statusCode(200);
        assertThat(broker.awaitEvents("action.status-changed", action, 1, java.time.Duration.ofSeconds(10)).getFirst()
                .event().path("data").path("title").asText()).isEqualTo("Billing feedback");
        given().get("/api/public/updates/" + action).then().statusCode(200).body("title", is("Billing feedback"));

        given().auth().oauth2(Tokens.of("olivia")).header("If-Match", Actions.etag(action)).contentType("application/json")
                .body(Map.of("to", "IN_PROGRESS", "publicNote", "The fix ships on Monday.", "publicTitle", "Double billing"))
                .post("/api/actions/" + action + "/transitions").then().statusCode(200)
                .body("title", startsWith("Bob Example")).body("titleForCustomers", is("Double billing"));
        assertThat(broker.awaitEvents("action.status-changed", action, 2, java.time.Duration.ofSeconds(10)))
                .extracting(r -> r.event().path("data").path("title").asText()).contains("Double billing");
        var board = given().get("/api/public/updates/" + action).then().statusCode(200).body("title", is("Double billing"))
                .extract().asString();
        assertThat(board).doesNotContain("Bob Example");
        assertThat(broker.events("action.feedback-linked", action)).extracting(r -> r.event().toString())
                .noneMatch(event -> event.contains("\"actionTitle\":\"Bob Example"));
    }

    @Test
    void theOpenListShowsOnlyAnnouncedOpenActionsWithTheirLatestNote() {
        var announced = Actions.announced(broker, "billing");
        var silent = Actions.open(broker, "billing");
        var done = Actions.done(broker, "billing", "Fixed for everyone.");
        var declined = Actions.open(broker, "billing");
        Actions.transition("maria", declined, "DECLINED", "We will not change this, and here is why.").statusCode(200);
        var merged = Actions.announced(broker, "billing");
        given().auth().oauth2(Tokens.of("maria")).header("If-Match", Actions.etag(merged)).contentType("application/json")
                .body(Map.of("into", announced)).post("/api/actions/" + merged + "/merge").then().statusCode(200);

        var open = allIds("open");
        assertThat(open).contains(announced).doesNotContain(silent, done, declined, merged);
        var completed = allIds("done");
        assertThat(completed).contains(done).doesNotContain(announced, silent, declined, merged);

        given().get("/api/public/updates/" + announced).then().statusCode(200)
                .body("status", is("PLANNED"))
                .body("publicNote", is("We are looking into it."))
                .body("updatedAt", notNullValue())
                .body("completedAt", nullValue());
        for (var hidden : List.of(silent, declined, merged, UUID.randomUUID().toString())) {
            given().get("/api/public/updates/" + hidden).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", is("urn:feedbackloop:problem:not-found"));
        }

        // a progress note is the latest news: the action comes first, with that note
        String before = given().get("/api/public/updates/" + announced).then().extract().path("updatedAt");
        given().auth().oauth2(Tokens.of("maria")).header("If-Match", Actions.etag(announced)).contentType("application/json")
                .body(Map.of("publicNote", "Half of the refunds are out.")).post("/api/actions/" + announced + "/updates")
                .then().statusCode(200);
        given().queryParams("status", "open", "limit", 1).get("/api/public/updates").then().statusCode(200)
                .body("items[0].actionId", is(announced))
                .body("items[0].publicNote", is("Half of the refunds are out."));
        String after = given().get("/api/public/updates/" + announced).then().extract().path("updatedAt");
        assertThat(Instant.parse(after)).isAfter(Instant.parse(before));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsNewestCompletionFirst() {
        var mine = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            mine.add(Actions.done(broker, "delivery", "Done " + i));
        }
        var seen = new ArrayList<String>();
        var completedAt = new ArrayList<Instant>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/public/updates").then().statusCode(200).extract();
            seen.addAll(page.path("items.actionId"));
            page.jsonPath().<String>getList("items.completedAt").forEach(at -> completedAt.add(Instant.parse(at)));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1_000);

        assertThat(seen).doesNotHaveDuplicates()
                .hasSize((int) new Rows(database).count("select count(*) from action where status = 'DONE'"));
        assertThat(completedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(seen.subList(0, 3)).containsExactlyElementsOf(mine.reversed());
        assertThat(pages).isEqualTo((seen.size() + 1) / 2);
    }

    static BadRequest list(String name, String field, String query) {
        return new BadRequest(name, 400, field, request -> request.get("/api/public/updates?" + query));
    }

    static BadRequest listWithCursor(String name, String status, Function<CursorCodec, String> cursor) {
        return new BadRequest(name, 400, "cursor", request -> request.queryParam("status", status)
                .queryParam("cursor", cursor.apply(CursorCodec.withSecret(
                        ConfigProvider.getConfig().getValue("feedbackloop.signing.secret", String.class))))
                .get("/api/public/updates"));
    }

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                list("limit 0", "limit", "limit=0"),
                list("limit 101", "limit", "limit=101"),
                list("a limit in words", "limit", "limit=ten"),
                list("a fractional limit", "limit", "limit=2.5"),
                list("a negative limit", "limit", "limit=-5"),
                list("an unknown status", "status", "status=closed"),
                list("a status in capitals", "status", "status=DONE"),
                list("both statuses at once", "status", "status=done,open"),
                list("a cursor that is not one", "cursor", "cursor=abc"),
                list("a forged cursor", "cursor", "cursor=Qk9BUkRfRE9ORS4xLjAuMA.AAAAAAAAAAAAAAAAAAAAAA"),
                listWithCursor("a cursor of the done list for the open one", "open",
                        codec -> codec.encode("BOARD_" + BoardFilter.DONE.name(), Instant.now(), UUID.randomUUID())),
                listWithCursor("a cursor of the staff queue", "done",
                        codec -> codec.encode(ActionSort.NEWEST.name(), Instant.now(), UUID.randomUUID())),
                new BadRequest("an id that is not a UUID", 400, "id", request -> request.get("/api/public/updates/not-a-uuid")),
                new BadRequest("an unknown action", 404, null, request -> request.get("/api/public/updates/" + UUID.randomUUID())),
                new BadRequest("a method the board does not take", 405, null, request -> request.delete("/api/public/updates")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsAnswerAProblem(BadRequest bad) {
        Problems.assertProblem(bad.send().apply(given()), bad.status(), bad.field());
    }

    /** Every action id of a list, page by page. */
    private static List<String> allIds(String status) {
        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            var request = given().queryParams("status", status, "limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/public/updates").then().statusCode(200).extract();
            ids.addAll(page.path("items.actionId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
