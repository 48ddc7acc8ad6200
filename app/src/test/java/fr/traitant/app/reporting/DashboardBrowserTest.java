package fr.traitant.app.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.platform.FrenchDates;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue #21 in a real browser: the public dashboard by département and month, with no console error under the CSP. */
@IntegrationTest
class DashboardBrowserTest {

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @LocalServerPort
    int port;

    @Autowired
    MonthlyFigures figures;

    @Test
    void anybody_reads_the_dashboard_of_a_departement_for_a_past_month() {
        Page page = chromium.browser().newContext().newPage();
        List<String> errors = BrowserSupport.consoleErrors(page);
        page.navigate("http://localhost:" + port + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chiffres"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tableau de bord"))
                .click();
        assertThat(page.locator("h1")).containsText("Tableau de bord : France entière");
        assertThat(page.locator("#version")).containsText("provisoires");

        String month = figures.currentMonth().minusMonths(2).toString();
        page.locator("#zone").selectOption("83");
        page.locator("#mois").selectOption(month);
        page.locator("#carte").selectOption("APL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher"))
                .click();

        assertThat(page.locator("h1"))
                .containsText(
                        "Var (83), " + FrenchDates.month(figures.currentMonth().minusMonths(2)));
        assertThat(page.locator("#version")).containsText("ils ne changent plus");
        assertThat(page.locator("#medecins-acceptant")).not().isEmpty();
        assertThat(page.locator("#graphique-series > title")).containsText("Var (83)");
        assertThat(page.locator("#carte-departements path")).not().hasCount(0);
        assertThat(page.locator("#carte-departements-legende"))
                .containsText("Accessibilité potentielle localisée (APL) par département");
        page.getByText("Voir les données du graphique").first().click();
        assertThat(page.locator("table.traitant-chart-data").first()).isVisible();
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/tableau-de-bord-var.png")));
        assertThat(errors).isEmpty();
    }
}
