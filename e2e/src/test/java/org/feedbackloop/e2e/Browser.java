package org.feedbackloop.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright (which never downloads a browser here), one fresh browser
 * context per person, so that alice, olivia and maria each have their own session cookies.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        var chromium = Path.of(Suite.env("CHROMIUM", System.getProperty("e2e.chromium", "/usr/bin/chromium")));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("the browser tests need Chromium at " + chromium
                    + ": run ./feedbackloop browser (or set CHROMIUM)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(CHROMIUM_ARGS));
        context.getStore(ExtensionContext.Namespace.create(Browser.class)).put("browser", this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    static Browser of(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(Browser.class)).get("browser", Browser.class);
    }

    /** A new, signed-out person with a desktop-sized window. */
    public BrowserContext newContext() {
        var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900).setBaseURL(Suite.GATEWAY).setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        return context;
    }

    public BrowserContext newPhoneContext() {
        var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setBaseURL(Suite.GATEWAY).setLocale("en-GB").setIsMobile(true));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Signs in through Keycloak's own login page, as a person would. */
    public static Page signIn(BrowserContext context, String user) {
        var page = context.newPage();
        page.navigate("/login");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(Suite.GATEWAY));
        return page;
    }

    /** A full-page screenshot under e2e/target/screenshots. */
    public static void screenshot(Page page, String name) {
        var dir = Suite.target().resolve("screenshots");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }

    /** axe-core's WCAG 2.1 A and AA rules find nothing on the page as it is now. */
    public static void assertAccessible(Page page) {
        var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        var violations = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        org.assertj.core.api.Assertions.assertThat(violations).as("axe on " + page.url()).isEmpty();
    }
}
