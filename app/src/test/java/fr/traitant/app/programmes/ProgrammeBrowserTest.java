package fr.traitant.app.programmes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #18, the browser test: the programme manager imports a list of priority EPCI, labels a site and sees the
 * coverage figure and the map change.
 */
@IntegrationTest
class ProgrammeBrowserTest {

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    CareSites sites;

    @Test
    void the_programme_manager_imports_priority_zones_labels_a_site_and_sees_the_coverage_change() throws Exception {
        long id = sites.add(new CareSites.NewSite(
                "Maison de santé de Mauriac", CareSiteKind.MSP, "", "15120", 5, true, true, true, true));
        String email = TestAccounts.create(accounts, Role.PROGRAMME_MANAGER).username();
        Page page = chromium.browser().newPage();
        List<String> consoleErrors = BrowserSupport.consoleErrors(page, text -> text.contains("status of 422"));
        page.navigate("http://localhost:" + port + "/programmes/zones");
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        // the official list: an ambiguous name is refused with the SIRENs to choose from, then the SIREN is given
        page.locator("#name").fill("EPCI prioritaires — test");
        page.locator("#published").fill("2025-09-01");
        page.locator("#fichier")
                .setInputFiles(new FilePayload(
                        "zones.csv", "text/csv", "epci\nCC des Quatre Rivières\n".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer la liste"))
                .click();
        assertThat(page.locator("#erreurs")).containsText("nom ambigu « CC des Quatre Rivières »");
        assertThat(page.locator("#name")).hasValue("EPCI prioritaires — test");
        page.locator("#fichier")
                .setInputFiles(new FilePayload(
                        "zones.csv",
                        "text/csv",
                        "epci\n247000623\nCC du Pays de Mauriac\n".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer la liste"))
                .click();
        assertThat(page.locator("#message")).containsText("Liste importée : 2 intercommunalités prioritaires");
        assertThat(page.locator("#resume-comparaison")).isVisible();

        // the coverage before, then the site labelled, then the coverage after
        page.navigate("http://localhost:" + port + "/programmes/couverture");
        String before = page.locator("#population-couverte").textContent();
        page.waitForCondition(() -> page.locator("#carte-couverture").getAttribute("data-sites") != null);
        int sitesBefore = Integer.parseInt(page.locator("#carte-couverture").getAttribute("data-sites"));

        page.navigate("http://localhost:" + port + "/programmes/sites/" + id);
        assertThat(page.locator("#resume-criteres")).hasText("5 critères sur 5 : tous remplis");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mettre en instruction"))
                .click();
        page.getByLabel("Autorité qui décide").fill("ARS Auvergne-Rhône-Alpes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Labelliser"))
                .click();
        assertThat(page.locator("#statut-site")).hasText("Labellisé France Santé");

        page.navigate("http://localhost:" + port + "/programmes/couverture");
        assertThat(page.locator("#population-couverte")).not().hasText(before);
        page.waitForCondition(() -> page.locator("#carte-couverture").getAttribute("data-sites") != null);
        assertThat(Integer.parseInt(page.locator("#carte-couverture").getAttribute("data-sites")))
                .isEqualTo(sitesBefore + 1);
        // the priority zones outlined on the map, with their legend line under it
        assertThat(page.locator(".traitant-zones-legend")).containsText("Zones prioritaires");
        assertThat(page.locator(".leaflet-zones-pane path").first()).isAttached();

        // the dashboard: the sites by status, the coverage over time, the zones
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Programmes").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("Tableau de bord des programmes");
        assertThat(page.locator("#graphique-statuts")).containsText("Labellisé France Santé");
        assertThat(page.locator("#graphique-couverture circle").first()).isAttached();
        assertThat(page.locator("#zones-liste")).containsText("intercommunalités");
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        page.screenshot(BrowserSupport.screenshot().setPath(shots.resolve("tableau-de-bord-programmes.png")));
        assertThat(consoleErrors).isEmpty();
    }
}
