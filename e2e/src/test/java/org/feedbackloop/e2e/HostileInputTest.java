package org.feedbackloop.e2e;

import com.microsoft.playwright.BrowserContext;
import org.feedbackloop.e2e.hostile.HostileInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of hostile requests through the gateway, by category: malformed and oversize bodies, wrong types,
 * Unicode edge cases, SQL and template injection, XSS (stored through the API, then looked at in a real browser),
 * bad tokens, role escalation, other people's objects, smuggling and traversal in raw HTTP. Each case names the
 * status it expects; none may answer 5xx or leak what its caller may not read, and what was stored reads back
 * unchanged. The table by category is printed and written to {@code target/hostile-input.txt}.
 */
@Order(Order.DEFAULT + 100) // after the web UI's tests (default order), whose queues it would crowd; before fault injection
class HostileInputTest {

    @RegisterExtension
    @Order(1)
    static Suite suite = new Suite();

    @RegisterExtension
    @Order(2)
    static Browser browser = new Browser();

    private final List<BrowserContext> contexts = new ArrayList<>();

    @Test
    void hostileRequestsAreRefusedOrKeptAsTextAndNothingLeaks() throws IOException {
        var suffix = Suite.env("E2E_DATABASE_SUFFIX", "_e2e");
        var result = HostileInput.run(Suite.GATEWAY, Suite.GATEWAY_PORT, Suite.KEYCLOAK, suffix, this::newContext);

        var report = result.report();
        System.out.println(report);
        Files.writeString(Suite.target().resolve("hostile-input.txt"), report + "\nevery case:\n" + result.everyCase());
        assertThat(result.requests()).as("requests sent through the gateway").isGreaterThanOrEqualTo(200);
        assertThat(result.failures()).as("cases with an unexpected status, a 5xx, a leak or wrong content").isEmpty();
    }

    private BrowserContext newContext() {
        var context = browser.newContext();
        contexts.add(context);
        return context;
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }
}
