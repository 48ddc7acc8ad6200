package fr.traitant.app.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a person does on the home page, in a real headless Chromium. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @Test
    void typing_in_the_commune_search_suggests_toulon() {
        Page page = chromium.browser().newPage();
        List<String> consoleErrors = BrowserSupport.consoleErrors(page);
        page.navigate("http://localhost:" + port + "/");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Un médecin traitant pour chaque patient")))
                .isVisible();

        page.getByLabel("Nom de commune ou code postal")
                .pressSequentially(
                        "toulon", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
        var toulon = page.locator("#commune-suggestions a", new Page.LocatorOptions().setHasText("Toulon"));
        assertThat(toulon.first()).isVisible();
        assertThat(page.locator("#commune-suggestions a").first()).containsText("Toulon");

        // the offline map draws one shape per metropolitan département
        assertThat(page.locator("#carte-departements[data-loaded=true]")).hasCount(1);
        assertThat(page.locator("#carte-departements path.leaflet-interactive")).hasCount(96);
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/home.png")));

        toulon.first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/communes/83137$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Toulon")))
                .isVisible();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void postal_code_search_finds_toulon() {
        Page page = chromium.browser().newPage();
        page.navigate("http://localhost:" + port + "/");
        page.getByLabel("Nom de commune ou code postal").fill("83000");
        assertThat(page.locator("#commune-suggestions a").first()).containsText("Toulon");
    }
}
