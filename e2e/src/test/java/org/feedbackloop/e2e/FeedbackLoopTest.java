package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.e2e.Gateway.map;

/**
 * The promise of the product, through the gateway only: two customers say the same thing, both are tracked by one
 * action, the owner plans it and completes it with a public note, and each customer is told exactly once that they
 * were heard, that it is tracked and what was done, by e-mail and in the inbox; the public board shows the result
 * without naming anyone.
 */
class FeedbackLoopTest {

    @RegisterExtension
    static Suite suite = new Suite();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoCustomersAreHeardTrackedAndToldWhatWasDoneExactlyOnce() {
        var start = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        var alice = new Customer("alice", "alice." + run + "@loop.example.com");
        var bob = new Customer("bob", "bob." + run + "@loop.example.com");
        var olivia = Gateway.as(Api.token("olivia"));

        var aliceItem = alice.says("My voucher VX" + run + " was refused at checkout and I was charged the full price twice.");
        var actionId = alice.trackingAction(aliceItem);
        var bobItem = bob.says("The voucher VX" + run + " was refused at checkout, I was charged the full price twice!");
        assertThat(bob.trackingAction(bobItem)).as("similar feedback joins the open action").isEqualTo(actionId);

        var action = olivia.get("/api/actions/" + actionId);
        assertThat(action.status()).isEqualTo(200);
        assertThat(action.json().path("team").asText()).isEqualTo("billing");
        assertThat(action.json().path("contributorCount").asInt()).isEqualTo(2);

        var publicTitle = "Vouchers honoured at checkout " + run;
        var publicNote = "Vouchers work again at checkout and every double charge was refunded.";
        assertThat(olivia.changeAction(actionId, "POST", "transitions", map("to", "PLANNED")).status()).isEqualTo(200);
        assertThat(olivia.changeAction(actionId, "POST", "transitions", map("to", "IN_PROGRESS")).status()).isEqualTo(200);
        assertThat(olivia.changeAction(actionId, "POST", "transitions",
                map("to", "DONE", "publicNote", publicNote, "publicTitle", publicTitle)).status()).isEqualTo(200);

        for (var customer : List.of(alice, bob)) {
            var feedbackId = customer == alice ? aliceItem : bobItem;
            customer.awaitToldOfTheOutcome(feedbackId, actionId, publicTitle, publicNote);
        }
        Settle.awaitEverythingBefore(); // a message told twice would have arrived by now
        for (var customer : List.of(alice, bob)) {
            var feedbackId = customer == alice ? aliceItem : bobItem;
            assertThat(customer.emailSubjects()).as(customer.name + "'s e-mails").containsExactlyInAnyOrder(
                    "Thank you, we heard you", "Your feedback is now tracked: Billing feedback",
                    "You said, we did: " + publicTitle);
            assertThat(customer.inboxKinds(feedbackId, actionId)).as(customer.name + "'s inbox")
                    .isEqualTo(Map.of("ACKNOWLEDGED", 1L, "TRACKED", 1L, "YOU_SAID_WE_DID", 1L));
            assertThat(customer.timelineKinds(feedbackId)).as(customer.name + "'s timeline")
                    .contains("ACKNOWLEDGED", "TRACKED", "YOU_SAID_WE_DID");
            Await.until(customer.name + "'s item closed", Duration.ofSeconds(20),
                    () -> customer.api.get("/api/feedback/" + feedbackId).json().path("status").asText(),
                    "CLOSED"::equals);
        }

        var board = Gateway.anonymous().get("/api/public/updates?status=done&limit=100");
        assertThat(board.status()).isEqualTo(200);
        var item = board.items().stream().filter(i -> i.path("actionId").asText().equals(actionId)).findFirst();
        assertThat(item).as("the board shows the done action").isPresent();
        assertThat(item.get().path("title").asText()).isEqualTo(publicTitle);
        assertThat(item.get().path("publicNote").asText()).isEqualTo(publicNote);
        assertThat(item.get().path("contributorCount").asInt()).isEqualTo(2);
        for (var customer : List.of(alice, bob)) {
            assertThat(board.body()).as("the board never names a contributor")
                    .doesNotContain(customer.email, customer.subject, customer.name, "VX" + run);
        }

        // the managers' summary since this test began counts both contributors as told the outcome
        var summary = Gateway.as(Api.token("maria")).get("/api/insights/summary?from=" + start);
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        var figures = summary.json();
        assertThat(figures.path("partial").asBoolean()).as(summary.toString()).isFalse();
        assertThat(figures.path("csat").path("responses").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(figures.path("closeTheLoop").path("closed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(figures.path("timeToClosure").path("count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(figures.path("byTeam").findValuesAsText("team")).contains("billing");
        assertThat(alice.api.get("/api/insights/summary").status()).isEqualTo(403);
    }

    /** Whoever writes to the feedback address is heard like everyone else: acknowledged, then told it is tracked. */
    @Test
    void someoneWhoWritesToTheFeedbackAddressIsAcknowledgedAndToldItIsTracked() {
        var sender = "carol." + run + "@loop.example.com";
        MailSink.send(sender, "feedback-e2e@feedbackloop.local", "<mail-" + run + "@loop.example.com>",
                "Tracking page", "The parcel tracking page says 'not found' for parcel PT" + run + " since Monday.\r\n"
                        + "-- \r\nCarol");

        var subjects = Await.until("the acknowledgement and \"now tracked\" for the e-mail", Duration.ofSeconds(90),
                () -> MailSink.subjects(sender), got -> got.contains("Thank you, we heard you")
                        && got.stream().anyMatch(subject -> subject.startsWith("Your feedback is now tracked")));
        assertThat(subjects).hasSize(2);
        var olivia = Gateway.as(Api.token("olivia"));
        var items = Await.until("the e-mail's item, tracked", Duration.ofSeconds(20),
                () -> olivia.get("/api/feedback?channel=EMAIL&q=PT" + run).items(),
                found -> found.size() == 1 && !found.getFirst().path("actionId").asText().isEmpty());
        assertThat(items.getFirst().path("text").asText())
                .isEqualTo("The parcel tracking page says 'not found' for parcel PT" + run + " since Monday.");
    }

    @Test
    void aFileOfFeedbackIsImportedAndOnlyTheContributorsItAsksToTellAreTold() {
        var told = "dana." + run + "@loop.example.com";
        var alsoTold = "dan." + run + "@loop.example.com";
        var quiet = "eli." + run + "@loop.example.com";
        var integrator = Gateway.as(Api.integratorToken());
        var file = """
                text,channel,externalRef,createdAt,contact.email,consentToContact
                "The export to PDF button QT%1$s does nothing on the reports screen, again",PHONE,call-%1$s-1,,%2$s,true
                The mobile app forgets my language setting (%1$s) after every update,PHONE,call-%1$s-2,,%3$s,true
                Nothing works,FAX,call-%1$s-3,,%2$s,true
                """.formatted(run, told, alsoTold);
        var started = integrator.postFile("/api/feedback/imports?notify=true", "text/csv", file);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        var location = started.header("Location");
        var done = Await.until("the import", Duration.ofSeconds(30), () -> integrator.get(location).json(),
                job -> job.path("status").asText().equals("DONE"));
        assertThat(done.path("accepted").asInt()).isEqualTo(2);
        assertThat(done.path("rejected").asInt()).isEqualTo(1);
        var refused = integrator.get(location + "/rows?outcome=REJECTED").json().path("items");
        assertThat(refused.get(0).path("line").asInt()).isEqualTo(4);
        assertThat(refused.get(0).path("reason").asText()).startsWith("channel: must be one of");

        // history from years ago, imported without asking to tell: tracked like the rest, nobody told
        var history = """
                {"text": "The old web shop QT%1$s logged me out on every page", "channel": "SOCIAL", "externalRef": "post-%1$s", "createdAt": "2021-05-04", "contact": {"email": "%2$s"}}
                """.formatted(run, quiet);
        var silent = integrator.postFile("/api/feedback/imports", "application/x-ndjson", history);
        assertThat(silent.status()).as(silent.toString()).isEqualTo(202);
        Await.until("the quiet import", Duration.ofSeconds(30), () -> integrator.get(silent.header("Location")).json(),
                job -> job.path("status").asText().equals("DONE") && job.path("accepted").asInt() == 1);

        for (var address : List.of(told, alsoTold)) {
            // each told apart, or both in one digest when the second was due before the first went out
            Await.until("the acknowledgement and \"now tracked\" of an imported row", Duration.ofSeconds(90),
                    () -> MailSink.subjects(address), got -> got.stream().anyMatch(s -> s.matches("Feedback Loop: \\d+ updates for you"))
                            || got.contains("Thank you, we heard you") && got.stream().anyMatch(s -> s.startsWith("Your feedback is now tracked")));
        }
        var olivia = Gateway.as(Api.token("olivia"));
        var old = Await.until("the imported history, tracked", Duration.ofSeconds(30),
                () -> olivia.get("/api/feedback?channel=SOCIAL&q=QT" + run).items(),
                found -> found.size() == 1 && !found.getFirst().path("actionId").asText().isEmpty());
        assertThat(old.getFirst().path("createdAt").asText()).isEqualTo("2021-05-04T00:00:00Z");
        assertThat(MailSink.subjects(quiet)).isEmpty();
    }

    @Test
    void aSurveyAnswerGoesRoundTheLoopAndItsLinkWorksOnce() {
        var dana = "frank." + run + "@loop.example.com";
        var maria = Gateway.as(Api.token("maria"));
        var created = maria.post("/api/surveys", map("name", "Your support call " + run, "scale", "CSAT", "topic", "support"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var surveyId = created.json().path("id").asText();
        var invited = maria.post("/api/surveys/" + surveyId + "/invitations", map("recipients", List.of(map("email", dana))));
        assertThat(invited.json().path("invited").asInt()).as(invited.toString()).isEqualTo(1);

        var token = Await.until("the survey invitation", Duration.ofSeconds(60), () -> MailSink.surveyToken(dana),
                found -> found != null);
        var anonymous = Gateway.anonymous();
        assertThat(anonymous.get("/api/public/surveys/" + token).json().path("question").asText())
                .isEqualTo("How satisfied are you with your support call " + run + "?");
        var answered = anonymous.post("/api/public/surveys/" + token,
                map("score", 1, "reason", "Agent SV" + run + " hung up on me twice and never called back."));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(204);
        assertThat(anonymous.post("/api/public/surveys/" + token, map("score", 5)).status()).isEqualTo(409);

        // the answer is feedback: acknowledged, tracked (a detractor: the shorter clock), told by e-mail
        var subjects = Await.until("the acknowledgement and \"now tracked\" of the survey answer", Duration.ofSeconds(90),
                () -> MailSink.subjects(dana), got -> got.stream().anyMatch(s -> s.matches("Feedback Loop: \\d+ updates for you"))
                        || got.contains("Thank you, we heard you")
                        && got.stream().anyMatch(subject -> subject.startsWith("Your feedback is now tracked")));
        assertThat(subjects).filteredOn(subject -> subject.startsWith("A quick question")).hasSize(1);
        var olivia = Gateway.as(Api.token("olivia"));
        var item = Await.until("the survey answer, tracked", Duration.ofSeconds(30),
                () -> olivia.get("/api/feedback?channel=SURVEY&q=SV" + run).items(),
                found -> found.size() == 1 && !found.getFirst().path("actionId").asText().isEmpty()).getFirst();
        assertThat(item.path("rating").path("scale").asText()).isEqualTo("CSAT");
        assertThat(item.path("rating").path("score").asInt()).isEqualTo(1);
        assertThat(item.path("topic").asText()).isEqualTo("support");
        assertThat(maria.get("/api/surveys/" + surveyId).json().path("responseRate").asDouble()).isEqualTo(1.0);
    }

    /** A customer of the dev realm, who gives a contact address of this run so that the mail sink counts only it. */
    private static final class Customer {

        final String name;
        final String email;
        final Gateway api;
        final String subject;

        Customer(String name, String email) {
            this.name = name;
            this.email = email;
            var token = Api.token(name);
            this.api = Gateway.as(token);
            this.subject = Api.subject(token);
        }

        String says(String text) {
            var reply = api.post("/api/feedback", map("text", text, "channel", "WEB", "topic", "billing",
                            "rating", map("scale", "CSAT", "score", 1), "consentToContact", true,
                            "contact", map("email", email)),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.header("Location")).endsWith(reply.json().path("id").asText());
            return reply.json().path("id").asText();
        }

        String trackingAction(String feedbackId) {
            return Await.until("triage of " + name + "'s feedback", Duration.ofSeconds(30),
                    () -> api.get("/api/feedback/" + feedbackId).json().path("actionId").asText(""),
                    id -> !id.isEmpty());
        }

        void awaitToldOfTheOutcome(String feedbackId, String actionId, String title, String note) {
            Await.until(name + "'s \"you said, we did\" e-mail", Duration.ofSeconds(30), this::emailSubjects,
                    subjects -> subjects.contains("You said, we did: " + title));
            var told = Await.until(name + "'s \"you said, we did\" in the inbox", Duration.ofSeconds(30),
                    () -> inbox(feedbackId, actionId), items -> items.stream()
                            .anyMatch(i -> i.path("kind").asText().equals("YOU_SAID_WE_DID")));
            var youSaidWeDid = told.stream().filter(i -> i.path("kind").asText().equals("YOU_SAID_WE_DID")).findFirst().orElseThrow();
            assertThat(youSaidWeDid.path("body").asText() + youSaidWeDid.path("data")).contains(note);
        }

        List<String> emailSubjects() {
            return MailSink.subjects(email);
        }

        List<JsonNode> inbox(String feedbackId, String actionId) {
            return api.get("/api/me/notifications?limit=100").items().stream()
                    .filter(i -> actionId.equals(i.path("actionId").asText())
                            || i.path("feedbackIds").toString().contains(feedbackId))
                    .toList();
        }

        Map<String, Long> inboxKinds(String feedbackId, String actionId) {
            return inbox(feedbackId, actionId).stream()
                    .collect(Collectors.groupingBy(i -> i.path("kind").asText(), Collectors.counting()));
        }

        List<String> timelineKinds(String feedbackId) {
            var timeline = api.get("/api/me/timeline?limit=100");
            assertThat(timeline.status()).isEqualTo(200);
            return timeline.items().stream()
                    .filter(i -> i.path("feedback").path("id").asText().equals(feedbackId))
                    .flatMap(i -> Gateway.JSON.convertValue(i.path("updates"), List.class).stream())
                    .map(update -> String.valueOf(((Map<?, ?>) update).get("kind")))
                    .toList();
        }
    }
}
