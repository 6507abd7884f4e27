package org.feedbackloop.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.file.Files;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI as people use it, in a real browser against the whole suite: a customer gives feedback, the owner
 * works it to DONE with a public note, the customer sees what changed; plus escaping, keyboard use, the public
 * board, the manager's overview and the security of forms. Every test makes the data it needs.
 */
class WebUiTest {

    @RegisterExtension
    @Order(1)
    static Suite suite = new Suite();

    @RegisterExtension
    @Order(2)
    static Browser browser = new Browser();

    private final List<BrowserContext> contexts = new ArrayList<>();

    /** A failed test leaves a screenshot and the HTML of every page it had open; then its contexts close. */
    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            int n = 0;
            for (var browserContext : contexts) {
                for (var page : browserContext.pages()) {
                    var name = "failed-" + context.getRequiredTestMethod().getName() + "-" + n++;
                    try {
                        Browser.screenshot(page, name);
                        Files.writeString(Suite.target().resolve("screenshots").resolve(name + ".html"), page.content());
                    } catch (RuntimeException | IOException e) {
                        // evidence is best effort
                    }
                }
            }
            close();
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            close();
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            close();
        }

        private void close() {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
        }
    };

    @Test
    void customerHearsWhatChangedBecauseOfTheirFeedback() {
        var token = unique();
        var text = "Invoice " + token + " was charged twice for the quokka plan and the refund never came.";
        var note = "We refunded the double charge on invoice " + token + " and fixed the billing run.";

        // alice gives feedback through the portal
        var alice = signIn("alice");
        assertThat(alice.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Give feedback"))).isVisible();
        alice.locator("#text").fill(text);
        alice.locator("#topic").selectOption("billing");
        alice.getByLabel("How likely you are to recommend us").check();
        alice.locator("input[name=npsScore][value='3']").check();
        Browser.screenshot(alice, "01-portal-give-feedback");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();
        alice.waitForURL(Pattern.compile(".*/portal/feedback/[0-9a-f-]{36}\\?notice=received"));
        assertThat(alice.locator(".notice")).containsText("we received your feedback");
        assertThat(alice.locator(".quote")).hasText(text);
        var timelineUrl = alice.url().replaceAll("\\?.*", "");
        var feedbackId = UUID.fromString(timelineUrl.substring(timelineUrl.lastIndexOf('/') + 1));
        // triage picks it up: "Your feedback is now tracked"
        untilVisible(alice, alice.locator(".timeline-event", new Page.LocatorOptions().setHasText("Tracked")), 30);

        // alice keeps her inbox open: the outcome must arrive there live
        var inbox = alice.context().newPage();
        inbox.navigate("/portal/inbox");
        assertThat(inbox.locator("[data-live-status]")).hasText("Live updates are on.");

        // olivia, billing owner, finds it in her team's queue and takes it to DONE with a public note
        var olivia = signIn("olivia");
        assertThat(olivia).hasURL(Pattern.compile(".*/console$"));
        // triage may join it to an open action on the same issue: the queue links whichever tracks it
        var actionId = Api.actionOf(Api.token("olivia"), feedbackId).path("id").asText();
        var row = olivia.locator("a[href='/console/actions/" + actionId + "']");
        untilVisible(olivia, row, 30);
        Browser.screenshot(olivia, "05-console-queue");
        row.click();
        assertThat(customersWords(olivia)).containsText(text);
        for (var step : List.of("Planned", "In progress")) {
            olivia.getByLabel(step, new Page.GetByLabelOptions().setExact(true)).check();
            olivia.locator("#note").fill("Moving to " + step + " (e2e " + token + ")");
            olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this step")).click();
            assertThat(olivia.locator(".notice")).containsText("Saved");
            assertThat(olivia.locator(".badges .tag")).hasText(step);
        }
        olivia.getByLabel("Done", new Page.GetByLabelOptions().setExact(true)).check();
        olivia.locator("#publicNote").fill(note);
        // a contributor's words are never the public title as they are: the owner says it in their own
        assertThat(olivia.locator("#publicTitle-hint")).containsText("The most representative feedback says");
        olivia.locator("#publicTitle").fill(text.toUpperCase());
        olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this step")).click();
        assertThat(olivia.locator(".alert")).containsText("own words");
        assertThat(olivia.locator(".badges .tag")).hasText("In progress");
        var publicTitle = "Double charges refunded " + token;
        olivia.getByLabel("Done", new Page.GetByLabelOptions().setExact(true)).check();
        olivia.locator("#publicNote").fill(note);
        olivia.locator("#publicTitle").fill(publicTitle);
        assertThat(olivia.locator("#preview")).containsText("You said, we did: " + publicTitle);
        assertThat(olivia.locator("#preview")).containsText("It is done. " + note);
        assertThat(olivia.locator("#preview")).containsText("You told us: “" + text + "”");
        Browser.screenshot(olivia, "06-console-action-detail-with-preview");
        olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this step")).click();
        assertThat(olivia.locator(".badges .tag")).hasText("Done");
        assertThat(olivia.locator(".history")).containsText(note);
        var board = Gateway.anonymous().get("/api/public/updates?status=done&limit=100");
        assertThat(board.items().stream().filter(i -> i.path("actionId").asText().equals(actionId))
                .map(i -> i.path("title").asText()).toList()).containsExactly(publicTitle);

        // alice: the outcome arrives in the open inbox without a reload, then in the timeline
        var outcome = inbox.locator(".inbox-entry", new Page.LocatorOptions().setHasText("You said, we did"))
                .filter(new Locator.FilterOptions().setHasText(note));
        assertThat(outcome).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(30_000));
        Browser.screenshot(inbox, "03-portal-inbox");
        outcome.getByRole(AriaRole.BUTTON).click();
        assertThat(outcome.locator(".badge-new")).hasCount(0);

        alice.navigate(timelineUrl);
        untilVisible(alice, alice.locator(".timeline-event.outcome", new Page.LocatorOptions().setHasText(note)), 30);
        assertThat(alice.locator(".timeline")).containsText("You said, we did");
        Browser.screenshot(alice, "02-portal-timeline");

        alice.navigate("/portal/feedback");
        assertThat(alice.locator(".feedback-card").first()).containsText(token);
        Browser.screenshot(alice, "02b-portal-my-feedback");

        // preferences: a plain unsubscribe from e-mail, then back on
        alice.navigate("/portal/preferences");
        Browser.screenshot(alice, "04-portal-preferences");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe from e-mail")).click();
        assertThat(alice.locator(".notice")).containsText("no more e-mail");
        assertThat(alice.getByLabel("By e-mail")).not().isChecked();
        alice.getByLabel("By e-mail").check();
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preferences")).click();
        assertThat(alice.getByLabel("By e-mail")).isChecked();
    }

    @Test
    void ownerTakesTheActionMovesItsDateAndHearsOfAConcurrentChange() {
        var token = unique();
        var feedbackId = Api.giveFeedback(Api.token("alice"), "Invoice " + token + " lists a fee I never agreed to, which is awful and unfair.", "billing");
        var actionId = Api.actionOf(Api.token("olivia"), feedbackId).path("id").asText();

        var olivia = signIn("olivia");
        olivia.navigate("/console/actions/" + actionId);
        // triage may have joined an action another test moved on: the step it is at stays as it is
        var status = olivia.locator(".badges .tag").textContent().strip();
        var stale = olivia.context().newPage();
        stale.navigate("/console/actions/" + actionId);

        // triage may have joined an open action olivia already owns: hand it back first
        var handBack = olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hand back to the team queue"));
        if (handBack.isVisible()) {
            handBack.click();
            assertThat(olivia.getByText("Owner: Unassigned.")).isVisible();
        }
        olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign to me")).click();
        assertThat(olivia.locator(".notice")).containsText("The action is yours now.");
        assertThat(olivia.getByText("You own this action.")).isVisible();
        olivia.locator("#dueDate").fill(java.time.LocalDate.now().plusDays(9).toString());
        olivia.locator("#reason").fill("Waiting for the payment provider " + token);
        olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the due date")).click();
        assertThat(olivia.locator(".notice")).containsText("due date is changed");
        assertThat(olivia.locator(".history")).containsText("Due date changed");
        olivia.locator("#dueDate").fill(java.time.LocalDate.now().minusDays(1).toString());
        olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the due date")).click();
        assertThat(olivia.locator("[role=alert]")).containsText("must be in the future");

        // the second tab still shows the old version: its change is refused with a clear message
        stale.locator("#note").fill("From an old tab");
        stale.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this step")).click();
        assertThat(stale.locator("[role=alert]")).containsText("Someone else changed this while you were looking at it.");
        assertThat(stale.locator("#note")).hasValue("From an old tab");
        assertThat(stale.locator(".badges .tag")).hasText(status);
    }

    @Test
    void overdueAndEscalatedActionsAreFlaggedInWords() {
        // an idea, neither praise nor a complaint: priority P4, which the suite makes due at once. The words are the
        // same in every run (a later run's joins the earlier's action, as overdue): a random mark in them moved the
        // sentiment the model reads across the line to P3 in half the runs
        var feedbackId = Api.giveFeedback(Api.token("bob"),
                "Idea: the product tour could offer a button to pause it.", "product");
        var actionId = Api.actionOf(Api.token("maria"), feedbackId).path("id").asText();

        var maria = signIn("maria");
        // the most overdue come first: earlier tests may have filled the first pages, so follow "More actions"
        var row = maria.locator("tr", new Page.LocatorOptions().setHas(maria.locator("a[href='/console/actions/" + actionId + "']")));
        untilListed(maria, "/console?view=overdue&team=product", row, 30);
        assertThat(row.locator(".flag-overdue")).hasText(Pattern.compile("Overdue"));
        maria.navigate("/console/actions/" + actionId);
        untilVisible(maria, maria.locator(".badges .flag-escalated"), 30);
        assertThat(maria.locator(".badges")).containsText("Overdue");
        assertThat(maria.locator(".history")).containsText("Escalated");
        untilListed(maria, "/console?view=overdue&team=product", row, 10);
        assertThat(row.locator(".flag-escalated")).hasText(Pattern.compile("Escalated"));
        Browser.screenshot(maria, "05b-console-queue-overdue");
    }

    @Test
    void praiseReachesItsTeamAsKudosAndItsCustomerHearsSo() {
        var words = "Thank you " + unique() + ", the courier was wonderful, friendly and early!";
        var feedbackId = Api.giveFeedback(Api.token("bob"), words, "delivery");

        var oscar = signIn("oscar");
        oscar.navigate("/console?view=kudos&team=delivery");
        untilVisible(oscar, oscar.locator("blockquote", new Page.LocatorOptions().setHasText(words)), 30);
        assertThat(oscar.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kudos"))).hasAttribute("aria-current", "page");
        Browser.screenshot(oscar, "05c-console-kudos");
        Browser.assertAccessible(oscar);
        // the weekly stories e-mail: off and on again from the same page
        oscar.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop the weekly stories")).click();
        assertThat(oscar.locator(".notice")).containsText("No more weekly stories e-mail");
        assertThat(Gateway.as(Api.token("oscar")).get("/api/me/preferences").json().path("stories").asBoolean(true)).isFalse();
        oscar.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the weekly stories")).click();
        assertThat(oscar.locator(".notice")).containsText("the week's stories by e-mail every Monday");
        assertThat(Gateway.as(Api.token("oscar")).get("/api/me/preferences").json().path("stories").asBoolean(false)).isTrue();
        var kudos = Gateway.as(Api.token("oscar")).get("/api/kudos?team=delivery&limit=100");
        assertThat(kudos.status()).as(kudos.toString()).isEqualTo(200);
        assertThat(kudos.json().path("items").findValuesAsText("feedbackId")).contains(feedbackId.toString());
        var item = Gateway.as(Api.token("bob")).get("/api/feedback/" + feedbackId).json();
        assertThat(item.path("passedToTeam").asText()).isEqualTo("delivery");
        assertThat(item.has("actionId") && !item.path("actionId").isNull()).as("no action for praise").isFalse();

        var bob = signIn("bob");
        bob.navigate("/portal/feedback/" + feedbackId);
        untilVisible(bob, bob.getByText("Passed to the delivery team, with thanks"), 30);
        bob.navigate("/portal/inbox");
        untilVisible(bob, bob.locator(".tag", new Page.LocatorOptions().setHasText("Passed on")).first(), 30);
    }

    @Test
    void feedbackTextIsShownAsTextAndNeverRuns() {
        var token = unique();
        // a problem no other test writes about, so that it opens an action of its own, titled with these words
        var payload = "<script>alert('xss " + token + "')</script><img src=x onerror=\"alert('img')\"> my gift voucher for the quokka plan was refused at checkout";
        var dialogs = new AtomicReference<String>();

        var alice = signIn("alice");
        alice.onDialog(dialog -> {
            dialogs.set(dialog.message());
            dialog.dismiss();
        });
        alice.locator("#text").fill(payload);
        alice.locator("#topic").selectOption("billing");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();
        alice.waitForURL(Pattern.compile(".*/portal/feedback/[0-9a-f-]{36}.*"));
        var feedbackId = UUID.fromString(alice.url().replaceAll(".*/portal/feedback/([0-9a-f-]{36}).*", "$1"));
        assertThat(alice.locator(".quote")).hasText(payload);
        assertThat(alice.locator("img[src=x]")).hasCount(0);
        alice.navigate("/portal/feedback");
        assertThat(alice.locator(".feedback-card").first()).containsText("<script>alert('xss " + token);

        // the owner reads the same words in the action's page
        var olivia = signIn("olivia");
        olivia.onDialog(dialog -> {
            dialogs.set(dialog.message());
            dialog.dismiss();
        });
        var action = Api.actionOf(Api.token("olivia"), feedbackId);
        var actionId = action.path("id").asText();
        var row = olivia.locator("a[href='/console/actions/" + actionId + "']");
        untilVisible(olivia, row, 30);
        row.click();
        assertThat(customersWords(olivia)).containsText(payload);
        assertThat(olivia.locator("h1")).hasText(action.path("title").asText());
        assertThat(dialogs.get()).as("no script of the feedback ran").isNull();
    }

    @Test
    void feedbackFormWorksWithTheKeyboardAlone() {
        var token = unique();
        var alice = signIn("alice");
        var keyboard = alice.keyboard();
        tabUntilFocused(alice, "text");
        keyboard.type("Keyboard only " + token + ": the invoice page is hard to read.");
        keyboard.press("Tab"); // channel: keep "This website"
        keyboard.press("Tab"); // topic: let them work it out
        keyboard.press("Tab"); // rating scale: "No rating" is checked
        assertThat(alice.locator("input[name=ratingScale][value=NONE]")).isFocused();
        keyboard.press("ArrowRight"); // "How likely you are to recommend us"
        assertThat(alice.locator("input[name=ratingScale][value=NPS]")).isChecked();
        keyboard.press("Tab"); // into the 0..10 scale
        assertThat(alice.locator("input[name=npsScore][value='0']")).isFocused();
        for (int i = 0; i < 8; i++) {
            keyboard.press("ArrowRight");
        }
        assertThat(alice.locator("input[name=npsScore][value='8']")).isChecked();
        keyboard.press("Tab"); // "Tell me what happens"
        keyboard.press("Tab"); // the button
        assertThat(alice.locator("#send-feedback")).isFocused();
        keyboard.press("Enter");
        alice.waitForURL(Pattern.compile(".*/portal/feedback/[0-9a-f-]{36}\\?notice=received"));
        assertThat(alice.locator(".quote")).containsText(token);
        assertThat(alice.locator(".meta").first()).containsText("Would recommend: 8 of 10");
    }

    @Test
    void publicBoardShowsWhatWasDoneWithoutNames() {
        var token = unique();
        var note = "Fixed for everyone: " + token + ".";
        var alice = Api.token("alice");
        var olivia = Api.token("olivia");
        var feedbackId = Api.giveFeedback(alice, "Refund " + token + " for my invoice took three weeks.", "billing");
        var actionId = UUID.fromString(Api.actionOf(olivia, feedbackId).path("id").asText());
        Api.advance(olivia, actionId, "DONE", note);

        var visitor = newContext().newPage();
        visitor.navigate("/board?status=done");
        var item = visitor.locator(".board-item", new Page.LocatorOptions().setHasText(note));
        untilVisible(visitor, item, 30);
        assertThat(item).containsText("Done");
        assertThat(item).containsText("asked for this");
        var content = visitor.content();
        assertThat(content).doesNotContain("alice").doesNotContain("alice@example.com").doesNotContain(feedbackId.toString());
        Browser.screenshot(visitor, "07-board");
    }

    @Test
    void visitorSaysMeTooAfterSigningIn() {
        var token = unique();
        var olivia = Api.token("olivia");
        var feedbackId = Api.giveFeedback(Api.token("bob"), "Invoice " + token + " shows the wrong VAT rate.", "billing");
        var actionId = UUID.fromString(Api.actionOf(olivia, feedbackId).path("id").asText());
        Api.advance(olivia, actionId, "PLANNED", "We are correcting the VAT rate " + token + ".");

        var visitor = newContext().newPage();
        visitor.navigate("/board?status=open");
        var item = visitor.locator(".board-item", new Page.LocatorOptions().setHasText(token));
        untilVisible(visitor, item, 30);
        item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Me too"))).click();
        visitor.locator("#username").fill("alice");
        visitor.locator("#password").fill("alice");
        visitor.locator("#kc-login").click();
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Me too")).click();
        assertThat(visitor.locator(".notice")).containsText("we counted your voice");
    }

    @Test
    void managerSeesCountsByTeamAndAChart() {
        var feedbackId = Api.giveFeedback(Api.token("bob"), "My parcel " + unique() + " arrived late and crushed.", "delivery");
        Api.actionOf(Api.token("maria"), feedbackId);
        var maria = signIn("maria");
        maria.navigate("/manager");
        assertThat(maria.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Actions by team"))).isVisible();
        var chart = maria.locator("svg[role=img]").first();
        assertThat(chart).isVisible();
        assertThat(chart.locator("title").first()).hasText(Pattern.compile("by team"));
        maria.locator("summary", new Page.LocatorOptions().setHasText("Show the numbers as a table")).first().click();
        assertThat(maria.locator(".chart-table table").first()).isVisible();
        Browser.screenshot(maria, "08-manager");
    }

    @Test
    void managerReadsTheInsightsChartsTablesAndDownloadsThem() {
        var run = unique();
        var alice = Api.token("alice");
        for (int score : new int[]{10, 3}) {
            Api.giveRatedFeedback(alice, "Checkout " + run + " rated " + score + ".", "NPS", score);
        }
        var maria = signIn("maria");
        maria.navigate("/manager/insights");
        assertThat(maria.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Insights").setExact(true))).isVisible();
        var nps = maria.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("NPS week by week")));
        assertThat(nps).isVisible();
        assertThat(nps.locator("circle").last()).isVisible();
        assertThat(maria.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Closing the loop"))).isVisible();
        assertThat(maria.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Contributors waiting for an update")))
                .isVisible();
        Browser.screenshot(maria, "12-insights");
        Browser.assertAccessible(maria);

        var period = maria.getByLabel("Period", new Page.GetByLabelOptions().setExact(true));
        period.selectOption("4");
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(maria.getByLabel("Period", new Page.GetByLabelOptions().setExact(true))).hasValue("4");
        var download = maria.waitForDownload(() -> maria.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download NPS as CSV")).click());
        assertThat(download.suggestedFilename()).isEqualTo("nps-4-weeks.csv");
        String csv;
        try {
            csv = Files.readString(download.path());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(csv).startsWith("week_start,partial_week,responses,");
        assertThat(csv.lines()).hasSize(5);
    }

    @Test
    void managerFollowsAnImportAndReadsWhyRowsWereRefused() {
        var run = unique();
        var integrator = Gateway.as(Api.integratorToken());
        var started = integrator.postFile("/api/feedback/imports", "text/csv", """
                text,channel,externalRef
                Parcel %1$s arrived a week late,PHONE,ui-%1$s-1
                Fax %1$s never answered,FAX,ui-%1$s-2
                """.formatted(run));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        var id = started.json().path("id").asText();
        Await.until("the import", Duration.ofSeconds(30), () -> integrator.get("/api/feedback/imports/" + id).json(),
                job -> job.path("status").asText().equals("DONE"));

        var maria = signIn("maria");
        maria.navigate("/manager/imports");
        assertThat(maria.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Newest imports"))).isVisible();
        var row = maria.locator("tr", new Page.LocatorOptions().setHas(maria.locator("a[href='/manager/imports/" + id + "']")));
        assertThat(row.locator("progress")).hasAttribute("value", "100");
        assertThat(row).containsText("Done");
        Browser.screenshot(maria, "09-imports");

        maria.locator("a[href='/manager/imports/" + id + "']").focus();
        maria.keyboard().press("Enter");
        assertThat(maria.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Refused rows"))).isVisible();
        assertThat(maria.locator("table").first()).containsText("channel: must be one of");
        assertThat(maria.locator("table").first()).containsText("ui-" + run + "-2");
    }

    @Test
    void managerDefinesASurveyAsksPeopleAndSeesItsResponseRate() {
        var run = unique();
        var maria = signIn("maria");
        maria.navigate("/manager/surveys");
        maria.getByLabel("What it asks about").fill("Your invoice " + run);
        maria.getByLabel("Likely to recommend, 0–10 (NPS)").check();
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Define the survey")).click();
        assertThat(maria.locator(".notice")).containsText("The survey is defined");

        var ask = maria.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Ask people: Your invoice " + run));
        ask.getByLabel("E-mail addresses").fill("hana." + run + "@loop.example.com\nivan." + run + "@loop.example.com");
        ask.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the survey")).click();
        assertThat(maria.locator(".notice")).containsText("The invitations are on their way");
        var row = maria.locator("tr", new Page.LocatorOptions().setHasText("Your invoice " + run));
        assertThat(row.locator("td").nth(1)).hasText("2");
        assertThat(row.locator("td").nth(2)).hasText("0");
        assertThat(row.locator("progress")).hasAttribute("value", "0");
        Browser.screenshot(maria, "11-surveys");

        var token = Await.until("the invitation", Duration.ofSeconds(60),
                () -> MailSink.surveyToken("hana." + run + "@loop.example.com"), found -> found != null);
        Gateway.anonymous().post("/api/public/surveys/" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8),
                Gateway.map("score", 10));
        maria.reload();
        assertThat(row.locator("td").nth(2)).hasText("1");
        assertThat(row.locator("progress")).hasAttribute("value", "50");
    }

    @Test
    void aSurveyIsAnsweredOnAPhoneWithTheKeyboardAloneAndItsLinkOnlyOnce() {
        var run = unique();
        var address = "grace." + run + "@loop.example.com";
        var maria = Gateway.as(Api.token("maria"));
        var surveyId = maria.post("/api/surveys", Gateway.map("name", "Your support call " + run, "scale", "NPS"))
                .json().path("id").asText();
        maria.post("/api/surveys/" + surveyId + "/invitations",
                Gateway.map("recipients", List.of(Gateway.map("email", address))));
        var token = Await.until("the survey invitation", Duration.ofSeconds(60), () -> MailSink.surveyToken(address),
                found -> found != null);
        var link = "/survey?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);

        var phone = browser.newPhoneContext();
        contexts.add(phone);
        var page = phone.newPage();
        page.navigate(link);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your support call " + run))).isVisible();
        var overflow = (Boolean) page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("no horizontal scrolling on a phone").isFalse();
        Browser.screenshot(page, "10-survey-phone");

        for (int i = 0; i < 40 && !"score".equals(page.evaluate("document.activeElement && document.activeElement.name")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.evaluate("document.activeElement.name")).isEqualTo("score");
        page.keyboard().press("Space"); // the first score: 0
        for (int i = 0; i < 8; i++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(page.locator("input[name=score]:checked")).hasValue("8");
        tabUntilFocused(page, "reason");
        page.keyboard().type("Quick and friendly, solved on the first call.");
        tabUntilFocused(page, "send-answer");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you"))).isVisible();

        page.navigate(link);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You have answered this survey"))).isVisible();
        page.navigate(link.substring(0, link.length() - 3) + "xyz");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link does not work"))).isVisible();

        var item = Await.until("the answer as feedback", Duration.ofSeconds(30),
                () -> Gateway.as(Api.token("olivia")).get("/api/feedback?channel=SURVEY&q=friendly").items().stream()
                        .filter(found -> found.path("contact").path("email").asText().equals(address)).toList(),
                found -> found.size() == 1).getFirst();
        assertThat(item.path("rating").path("score").asInt()).isEqualTo(8);
    }

    @Test
    void pagesAreProtectedAndFormsNeedTheSessionsToken() {
        var visitor = newContext();
        var home = visitor.request().get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.headers().get("content-security-policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(home.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(home.headers().get("referrer-policy")).isEqualTo("same-origin");
        var portal = visitor.request().get("/portal", RequestOptions.create().setMaxRedirects(0));
        assertThat(portal.status()).isEqualTo(302);
        assertThat(portal.headers().get("location")).startsWith(Suite.KEYCLOAK).contains("code_challenge_method=S256");

        var alice = signIn("alice");
        var cookies = alice.context().cookies();
        assertThat(cookies).filteredOn(c -> c.name.startsWith("q_session_web"))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.httpOnly).isTrue();
                    assertThat(c.sameSite).isEqualTo(SameSiteAttribute.LAX);
                });
        var form = FormData.create().set("text", "Forged " + unique()).set("channel", "WEB").set("ratingScale", "NONE")
                .set("idempotencyKey", UUID.randomUUID().toString());
        var noToken = alice.request().post("/portal", RequestOptions.create().setForm(form).setMaxRedirects(0));
        assertThat(noToken.status()).isEqualTo(403);
        var token = alice.locator("input[name=_csrf]").first().inputValue();
        var otherSite = alice.request().post("/portal", RequestOptions.create()
                .setForm(form.set("_csrf", token)).setHeader("Origin", "http://evil.example").setMaxRedirects(0));
        assertThat(otherSite.status()).isEqualTo(403);

        alice.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign out")).click();
        alice.waitForURL(Pattern.compile(Pattern.quote(Suite.GATEWAY) + "/(\\?.*)?$"));
        assertThat(alice.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true))).isVisible();
    }

    @Test
    void portalFitsAPhoneScreen() {
        var phone = browser.newPhoneContext();
        contexts.add(phone);
        var page = Browser.signIn(phone, "alice");
        assertThat(page.locator("#text")).isVisible();
        var overflow = (Boolean) page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("no horizontal scrolling on a phone").isFalse();
        Browser.screenshot(page, "09-portal-phone");
    }

    private Page signIn(String user) {
        return Browser.signIn(newContext(), user);
    }

    private BrowserContext newContext() {
        var context = browser.newContext();
        contexts.add(context);
        return context;
    }

    /** Server-rendered pages change on reload: reload until the locator shows, within a bound. */
    private static void untilVisible(Page page, Locator locator, int seconds) {
        var deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        while (!locator.isVisible()) {
            if (Instant.now().isAfter(deadline)) {
                assertThat(locator).isVisible(); // fails with Playwright's own description
            }
            Suite.sleep(500);
            page.reload();
        }
    }

    /** Opens a paged list and follows its "More actions" links until the locator shows; retries from the start within a bound. */
    private static void untilListed(Page page, String firstPage, Locator locator, int seconds) {
        var deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        while (true) {
            page.navigate(firstPage);
            var more = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("More actions"));
            while (!locator.isVisible() && more.isVisible()) {
                page.navigate(more.getAttribute("href"));
            }
            if (locator.isVisible()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                assertThat(locator).isVisible(); // fails with Playwright's own description
            }
            Suite.sleep(500);
        }
    }

    private static void tabUntilFocused(Page page, String id) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            if (id.equals(page.evaluate("document.activeElement && document.activeElement.id"))) {
                return;
            }
        }
        throw new AssertionError("#" + id + " never got the focus by Tab");
    }

    private static String unique() {
        return "e2e" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An action page's own quotes, not the similar feedback the page lists beside them. */
    private static Locator customersWords(Page page) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("What customers said")).locator(".quotes");
    }
}
