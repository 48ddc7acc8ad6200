package fr.traitant.app.accessibility;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Accessibility accessibility;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void start() {
        await().atMost(Duration.ofMinutes(2)).until(accessibility::hasScores);
        playwright = Playwright.create();
        browser = BrowserSupport.launch(playwright);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void the_access_map_by_departement_then_by_commune_and_a_commune_search() {
        Page page = browser.newPage();
        List<String> errors = BrowserSupport.consoleErrors(page);
        page.navigate("http://localhost:" + port + "/acces-aux-soins");
        assertThat(page.locator("#avertissement-synthetique")).isVisible();
        assertThat(page.locator("#carte-apl[data-loaded=true]")).hasCount(1);
        assertThat(page.locator("#carte-apl path.leaflet-interactive")).hasCount(96);

        page.locator("label[for=niveau-communes]").click();
        assertThat(page.locator("#carte-apl[data-level=communes]")).hasCount(1);

        page.getByLabel("Nom de commune ou code postal").fill("toulon");
        assertThat(page.locator("#table-apl-communes tbody tr").first()).containsText("Toulon");
        assertThat(page.locator("#table-epci-prioritaires tbody tr")).hasCount(151);
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/acces-aux-soins.png")));
        assertThat(errors).isEmpty();
    }
}
