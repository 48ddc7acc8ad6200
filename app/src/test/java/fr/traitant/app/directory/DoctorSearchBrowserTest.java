package fr.traitant.app.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Trouver un médecin" in a real headless Chromium: filters, list, map, empty state, "près de moi". */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoctorSearchBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @Test
    void a_family_finds_a_sector_1_gp_taking_new_patients_in_the_network_near_toulon() {
        Page page = chromium.browser().newPage();
        List<String> consoleErrors = BrowserSupport.consoleErrors(page);
        page.navigate("http://localhost:" + port + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trouver un médecin"))
                .first()
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Trouver un médecin")))
                .isVisible();

        page.getByLabel("Commune ou code postal").fill("Toulon");
        page.getByLabel("Spécialité").selectOption("SM54");
        page.locator("label[for=accepting]").click();
        page.locator("label[for=network]").click();
        page.getByLabel("Distance maximale").selectOption("50");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher"))
                .click();

        assertThat(page).hasURL(Pattern.compile(".*accepting=true.*"));
        assertThat(page.locator("#resultats-titre")).containsText("Toulon");
        assertThat(page.locator("#avertissement-synthetique")).isVisible();
        Locator cards = page.locator("#liste-medecins > li");
        assertThat(cards.first()).isVisible();
        int n = cards.count();
        assertThat(n).isBetween(1, 20);
        for (int i = 0; i < n; i++) {
            assertThat(cards.nth(i)).containsText("Accepte de nouveaux patients");
            assertThat(cards.nth(i)).containsText("Médecin solidaire");
            assertThat(cards.nth(i)).containsText("Médecine générale");
        }
        // the map shows the same doctors
        assertThat(page.locator("#carte-medecins[data-markers='" + n + "']")).hasCount(1);
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/trouver-un-medecin.png")));

        cards.first().getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#avertissement-synthetique")).containsText("synthétiques");
        assertThat(page.locator("dl")).containsText("Oui, signataire de la charte");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void a_name_with_markup_stays_text_in_the_map_tooltip() {
        Page page = chromium.browser().newPage();
        List<String> consoleErrors = BrowserSupport.consoleErrors(page);
        String hostile = "\"><img src=x id=injecte onerror=alert(1)>";
        // the API answers with a doctor whose name holds markup (the import refuses such names; the page must not trust
        // that)
        page.route(
                "**/api/v1/doctors/search**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("application/json")
                        .setBody("{\"origin\":{\"lat\":43.12,\"lon\":5.93},\"doctors\":[{\"name\":" + json(hostile)
                                + ",\"specialty\":\"Médecine générale\",\"newPatients\":\"ACCEPTING\",\"lat\":43.125,\"lon\":5.935,"
                                + "\"travelMinutes\":4}]}")));
        page.navigate("http://localhost:" + port + "/trouver-un-medecin?place=Toulon&radiusKm=10");
        assertThat(page.locator("#carte-medecins[data-markers='1']")).hasCount(1);
        page.locator("#carte-medecins path.leaflet-interactive").last().hover();
        Locator tooltip = page.locator(".leaflet-tooltip").last();
        assertThat(tooltip).containsText(hostile);
        assertThat(page.locator(".leaflet-tooltip img")).hasCount(0);
        assertThat(page.locator("#injecte")).hasCount(0);
        assertThat(consoleErrors).isEmpty();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void an_empty_search_offers_to_widen_the_radius() {
        Page page = chromium.browser().newPage();
        page.navigate("http://localhost:" + port
                + "/trouver-un-medecin?place=Saint-Martin-V%C3%A9subie&radiusKm=10&specialty=SM15"
                + "&language=pt&wheelchair=true");
        assertThat(page.locator("#aucun-resultat")).isVisible();
        Locator widen = page.locator("#elargir");
        Locator tele = page.locator("#voir-teleconsultation");
        assertThat(widen.count() + tele.count()).isPositive();
        if (widen.count() > 0) {
            widen.click();
            assertThat(page.locator("#liste-medecins > li").first()).isVisible();
        }
    }

    @Test
    void near_me_uses_the_browser_position_and_bad_places_get_a_clear_message() {
        BrowserContext context = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setGeolocation(new Geolocation(48.3904, -4.4861))
                        .setPermissions(List.of("geolocation")));
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/trouver-un-medecin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Près de moi"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*lat=48\\.39.*"));
        assertThat(page.locator("#resultats-titre")).containsText("votre position");
        assertThat(page.locator("#liste-medecins > li").first()).containsText("Brest");

        page.getByLabel("Commune ou code postal").fill("Xyzzyville");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher"))
                .click();
        page.waitForURL(Pattern.compile(".*place=Xyzzyville.*"));
        assertThat(page.locator("#erreur-recherche")).containsText("Aucune commune ne correspond");
        context.close();
    }
}
