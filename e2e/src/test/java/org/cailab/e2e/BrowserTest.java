package org.cailab.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the end-to-end tests: the real app (embedded PostgreSQL) and a real headless Chromium, one browser per
 * class and a fresh browser context (no cookies) per test. The browser is Debian's {@code chromium} by default;
 * set {@code -Dcailab.e2e.chromium=PATH} (or env {@code CAILAB_E2E_CHROMIUM}) to use another, or an empty value
 * to let Playwright use its own downloaded browsers.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static final List<String> CHROMIUM_ARGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        // the machine may be busy (2 cores, models loading): give assertions the same patience as actions
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = createPlaywright();
        browser = launchChromium(playwright);
    }

    /** A Playwright client that never downloads browsers. */
    public static Playwright createPlaywright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless Chromium: Debian's by default, see the class comment. */
    public static Browser launchChromium(Playwright playwright) {
        BrowserType.LaunchOptions options =
                new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_ARGS);
        String chromium = System.getProperty(
                "cailab.e2e.chromium", System.getenv().getOrDefault("CAILAB_E2E_CHROMIUM", "/usr/bin/chromium"));
        if (!chromium.isBlank()) {
            if (!Files.isExecutable(Path.of(chromium))) {
                throw new IllegalStateException("Chromium not found at " + chromium
                        + ": install it (apt-get install chromium) or set -Dcailab.e2e.chromium=PATH");
            }
            options.setExecutablePath(Path.of(chromium));
        }
        return playwright.chromium().launch(options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    protected LoginPage loginPage() {
        return new LoginPage(page);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
