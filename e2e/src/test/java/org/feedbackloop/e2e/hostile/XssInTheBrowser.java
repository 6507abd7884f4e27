package org.feedbackloop.e2e.hostile;

import org.feedbackloop.e2e.Suite;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.feedbackloop.e2e.hostile.Category.XSS;

/**
 * The stored markup as people's pages show it, in a real browser signed in through Keycloak: alice's feedback pages,
 * the owner's action pages and queue, bob's inbox and the public board. Each page is fetched twice through the
 * gateway: as HTML with the session's cookies (the payload must appear only escaped) and in the page itself (no
 * dialog, no element with an event handler, no inline script, no {@code javascript:} link; the words shown as text).
 */
final class XssInTheBrowser {

    private static final String HANDLERS = "[...document.querySelectorAll('*')].some(e => [...e.attributes]"
            + ".some(a => a.name.toLowerCase().startsWith('on')))";
    private static final String INLINE_SCRIPTS = "[...document.scripts].some(s => !s.src)";
    private static final String SCRIPT_URLS = "[...document.querySelectorAll('[href],[src],[action],[formaction]')].some(e => "
            + "['href','src','action','formaction'].some(n => (e.getAttribute(n) || '').trim().toLowerCase().startsWith('javascript:')))";
    private static final String FRAMES = "document.querySelectorAll('iframe,object,embed,frame').length > 0";

    private final World w;
    private final CaseRunner runner;
    private final Supplier<BrowserContext> newContext;
    private final List<String> dialogs = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();

    /** {@code newContext} opens a fresh browser context, which the test closes at its end. */
    XssInTheBrowser(World w, CaseRunner runner, Supplier<BrowserContext> newContext) {
        this.w = w;
        this.runner = runner;
        this.newContext = newContext;
    }

    List<Verdict> check(XssPayloads xss) {
        var stored = xss.stored();
        var alice = signIn("alice");
        for (var item : stored) {
            page(alice, w.alice, "/portal/feedback/" + item.feedbackId(), List.of(item.payload()), item.text());
        }
        page(alice, w.alice, "/portal/feedback", payloads(stored), null);

        var actions = new LinkedHashMap<UUID, List<String>>();
        for (var item : stored) {
            actions.computeIfAbsent(actionOf(item.feedbackId()), id -> new ArrayList<>()).add(item.payload());
        }
        var olivia = signIn("olivia");
        actions.forEach((action, payloads) -> page(olivia, w.olivia, "/console/actions/" + action, payloads, payloads.getFirst()));
        page(olivia, w.olivia, "/console", payloads(stored), null);

        var visitor = listening("a visitor", newContext.get().newPage());
        page(visitor, Caller.ANONYMOUS, "/board?status=open", List.of(XssPayloads.STAFF_TITLE, XssPayloads.STAFF_NOTE),
                XssPayloads.STAFF_NOTE);
        var bob = signIn("bob");
        page(bob, w.bob, "/portal/inbox", List.of(XssPayloads.STAFF_TITLE, XssPayloads.STAFF_NOTE), XssPayloads.STAFF_NOTE);
        return verdicts;
    }

    private Page signIn(String user) {
        return listening(user, org.feedbackloop.e2e.Browser.signIn(newContext.get(), user));
    }

    /** Any alert, confirm or prompt is a script of a payload that ran: remembered, then dismissed. */
    private Page listening(String who, Page page) {
        page.onDialog(dialog -> {
            dialogs.add(who + ": " + dialog.message());
            dialog.dismiss();
        });
        return page;
    }

    /** Two verdicts for one page: its HTML, and the page in the browser. {@code shownText} must be read on it (or null). */
    private void page(Page page, Caller caller, String path, List<String> payloads, String shownText) {
        var html = page.context().request().get(path);
        var htmlCase = HostileCase.of(XSS, "HTML of " + path).by(caller).get(path).expect(200);
        for (var payload : payloads) {
            htmlCase.never(payload);
        }
        if (shownText != null) {
            htmlCase.check("the words are in the HTML, escaped", answer -> answer.body().contains(escaped(shownText)));
        }
        verdicts.add(runner.judge(htmlCase.build(), answer(html)));

        var dialogsBefore = dialogs.size();
        var response = page.navigate(path);
        page.waitForLoadState();
        var handlers = (Boolean) page.evaluate(HANDLERS);
        var inlineScripts = (Boolean) page.evaluate(INLINE_SCRIPTS);
        var scriptUrls = (Boolean) page.evaluate(SCRIPT_URLS);
        var frames = (Boolean) page.evaluate(FRAMES);
        var text = page.locator("body").textContent();
        var dialogsAfter = dialogs.size();
        var shown = HostileCase.of(XSS, "page " + path + " in the browser").by(caller).get(path).expect(200)
                .leakCheck("no dialog opened", answer -> dialogsAfter == dialogsBefore)
                .leakCheck("no element with an on* handler", answer -> !handlers)
                .leakCheck("no inline script", answer -> !inlineScripts)
                .leakCheck("no javascript: URL", answer -> !scriptUrls)
                .leakCheck("no frame or embedded object", answer -> !frames);
        for (var payload : payloads) {
            // the DOM serialises text with <, > and & escaped (not quotes): markup found as written was parsed as markup
            if (payload.contains("<")) {
                shown.never(payload);
            }
        }
        if (shownText != null) {
            shown.check("the words are shown as text", answer -> text.contains(shownText));
        }
        var headers = new TreeMap<String, List<String>>();
        response.allHeaders().forEach((name, value) -> headers.put(name.toLowerCase(), List.of(value)));
        verdicts.add(runner.judge(shown.build(), new Answer(response.status(), headers, page.content(), Duration.ZERO,
                List.of(response.status()))));
    }

    /** The action triage linked the feedback to (30 s at most). */
    private UUID actionOf(UUID feedback) {
        var deadline = Instant.now().plusSeconds(30);
        while (true) {
            var items = w.read(w.olivia, "/api/actions?feedbackId=" + feedback).path("items");
            if (!items.isEmpty()) {
                return UUID.fromString(items.get(0).path("id").asText());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no action tracks " + feedback);
            }
            Suite.sleep(300);
        }
    }

    private static List<String> payloads(List<XssPayloads.Stored> stored) {
        return List.copyOf(new LinkedHashSet<>(stored.stream().map(XssPayloads.Stored::payload).toList()));
    }

    private static Answer answer(APIResponse response) {
        var headers = new TreeMap<String, List<String>>();
        response.headers().forEach((name, value) -> headers.put(name.toLowerCase(), List.of(value)));
        return new Answer(response.status(), headers, response.text(), Duration.ZERO, List.of(response.status()));
    }

    /** As Qute escapes text for HTML. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
