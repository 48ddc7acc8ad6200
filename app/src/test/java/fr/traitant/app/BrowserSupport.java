package fr.traitant.app;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright for Java (Playwright's own browser download is not used).
 * The browser is {@code /usr/bin/chromium} unless {@code CHROMIUM_PATH} says otherwise; a missing browser
 * fails the test with the command that installs it.
 */
public final class BrowserSupport {

    /**
     * One Chromium for a test class: {@code @RegisterExtension static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();}
     * starts it before the class's tests and closes it after them.
     */
    public static final class Chromium
            implements org.junit.jupiter.api.extension.BeforeAllCallback,
                    org.junit.jupiter.api.extension.AfterAllCallback {
        private Playwright playwright;
        private Browser browser;

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            playwright = Playwright.create();
            browser = launch(playwright);
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        }

        public Browser browser() {
            return browser;
        }
    }

    private BrowserSupport() {}

    /** The console errors the page reports from now on (a live list, to assert empty at the end). */
    public static List<String> consoleErrors(com.microsoft.playwright.Page page) {
        return consoleErrors(page, text -> false);
    }

    /** The same, without the errors whose text {@code ignored} accepts (say why at the call). */
    public static List<String> consoleErrors(
            com.microsoft.playwright.Page page, java.util.function.Predicate<String> ignored) {
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !ignored.test(m.text())) {
                errors.add(m.text());
            }
        });
        return errors;
    }

    /**
     * Screenshot options for every browser test: the whole page, and the text caret left as it is. Playwright's
     * default ({@code caret: hide}) writes {@code style="caret-color: transparent !important"} on the page's inputs
     * while it takes the picture; when a script of the page (DSFR's) touches such an input at that moment, Chromium
     * reports the inline style as refused by our Content Security Policy ({@code style-src 'self'}) — the console
     * error "Applying inline style violates…" that the browser tests used to filter out. It came from the test tool,
     * not from Traitant: measured with a {@code securitypolicyviolation} listener (target: the login form's hidden CSRF
     * input carrying Playwright's caret style), 4 reports in 40 sign-ins with screenshots by default, none in 40 with
     * this option.
     */
    public static com.microsoft.playwright.Page.ScreenshotOptions screenshot() {
        return new com.microsoft.playwright.Page.ScreenshotOptions()
                .setFullPage(true)
                .setCaret(com.microsoft.playwright.options.ScreenshotCaret.INITIAL);
    }

    public static Path chromium() {
        Path path = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("Browser tests need Chromium at " + path
                    + ": install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).");
        }
        return path;
    }

    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium())
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-dev-shm-usage")));
    }

    /** A new page of its own context (its own cookies), signed in through the login form at {@code path}'s redirect. */
    public static com.microsoft.playwright.Page signedIn(Browser browser, int port, String username, String path) {
        com.microsoft.playwright.Page page = browser.newContext().newPage();
        page.navigate("http://localhost:" + port + path);
        page.getByLabel("Adresse électronique").fill(username);
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        return page;
    }
}
