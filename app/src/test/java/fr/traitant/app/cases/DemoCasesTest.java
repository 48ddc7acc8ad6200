package fr.traitant.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.BrowserSupport;
import fr.traitant.app.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo profile's cases: the synthetic history shows the 2024 report's figures on the indicators page (labelled
 * synthetic), the demo advisor's inbox has open and overdue cases, the demo insured person has a request. Same
 * context configuration as {@code DemoProfileTest}, so the two share one application.
 */
@fr.traitant.app.DemoIntegrationTest
class DemoCasesTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoCases demoCases;

    @Autowired
    JdbcClient jdbc;

    private WebSession signIn(String email, String password) {
        WebSession session = new WebSession(port);
        assertThat(session.login(email, password).location()).doesNotContain("/connexion");
        return session;
    }

    @Test
    void the_indicators_page_shows_the_report_s_2024_figures_labelled_synthetic() {
        WebSession advisor = signIn("conseiller@demo.traitant.fr", "Demo-Pass-Toulon-2026");
        String page = advisor.get("/indicateurs/dossiers").body(); // default: the last full year with cases
        assertThat(page)
                .contains("Données synthétiques")
                .contains("1er janvier 2024")
                .contains("31 décembre 2024");
        assertThat(page).contains(">710<").contains(">643<").contains("34,0 j").contains(">315<");
        String csv = advisor.get("/indicateurs/dossiers.csv?du=2024-01-01&au=2024-12-31", "text/csv")
                .body();
        assertThat(csv)
                .contains("PASS,recus,710")
                .contains("PASS,clotures,643")
                .contains("PASS,delai_moyen_jours,34.0")
                .contains("CONCILIATION,recus,315");
        assertThat(advisor.get("/indicateurs/dossiers.csv?du=2023-01-01&au=2023-12-31", "text/csv")
                        .body())
                .contains("PASS,delai_moyen_jours,52.0");
    }

    @Test
    void demo_inboxes_and_the_demo_insured_person_s_request() {
        WebSession advisor = signIn("conseiller@demo.traitant.fr", "Demo-Pass-Toulon-2026");
        String inbox = advisor.get("/dossiers").body();
        assertThat(inbox)
                .contains("Famille Roux (synthétique)")
                .contains("En retard")
                .contains("traitant-overdue");
        assertThat(advisor.get("/dossiers?vue=unassigned").body()).contains("Mme Chevalier (synthétique)");
        WebSession conciliator = signIn("conciliateur@demo.traitant.fr", "Demo-Mediation-2026");
        assertThat(conciliator.get("/dossiers").body())
                .contains("Mme Girard (synthétique)")
                .doesNotContain("Famille Roux");
        WebSession insured = signIn("assure@demo.traitant.fr", "Demo-Famille-2026");
        assertThat(insured.get("/mes-demandes").body())
                .contains("Recherche d&#39;un médecin traitant")
                .contains("En cours de traitement");
    }

    @Test
    void the_indicators_page_works_in_a_browser_under_the_content_security_policy() {
        try (com.microsoft.playwright.Playwright playwright = com.microsoft.playwright.Playwright.create();
                com.microsoft.playwright.Browser browser = fr.traitant.app.BrowserSupport.launch(playwright)) {
            com.microsoft.playwright.Page page = browser.newPage();
            java.util.List<String> consoleErrors = BrowserSupport.consoleErrors(page);
            page.navigate("http://localhost:" + port + "/indicateurs/dossiers");
            page.getByLabel("Adresse électronique").fill("programme@demo.traitant.fr");
            page.getByLabel("Mot de passe").fill("Demo-Territoires-2026");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new com.microsoft.playwright.Page.GetByRoleOptions().setName("Se connecter"))
                    .click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#indicateurs-PASS"))
                    .containsText("710");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#synthetique"))
                    .isVisible();
            page.screenshot(BrowserSupport.screenshot()
                    .setPath(java.nio.file.Path.of("target/screenshots/case-indicators.png")));
            assertThat(consoleErrors).isEmpty();
        }
    }

    @Test
    void seeded_once() {
        long before =
                jdbc.sql("select count(*) from case_file").query(Long.class).single();
        demoCases.run(null);
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single())
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from case_file where synthetic")
                        .query(Long.class)
                        .single())
                .isEqualTo(SyntheticCaseHistory.total());
    }
}
