package fr.traitant.app.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.Nir;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in, reading a protected page and signing out in a real headless Chromium, under the strict CSP. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @Test
    void an_advisor_signs_in_reads_a_household_with_a_purpose_and_signs_out() {
        SignedInUser advisor = TestAccounts.create(accounts, Role.ADVISOR);
        String thirteen = "1920183137" + String.format("%03d", (int) (System.nanoTime() % 1000));
        Nir nir = Nir.of(thirteen + String.format("%02d", 97 - Long.parseLong(thirteen) % 97));
        long household = households.create(
                "Foyer Navigateur",
                InseeCode.of("83137"),
                List.of(new NewMember("Hélène", "Navigateur", LocalDate.of(1992, 1, 15), nir, null, null)));

        Page page = chromium.browser().newPage();
        List<String> consoleErrors = BrowserSupport.consoleErrors(page);
        page.navigate("http://localhost:" + port + "/foyers/" + household);
        // not signed in: sent to the login page
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion à Traitant")))
                .isVisible();
        page.getByLabel("Adresse électronique").fill(advisor.username());
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        // back on the page asked for
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Foyer Navigateur")))
                .isVisible();
        assertThat(page.locator("#membres")).containsText("Hélène");
        assertThat(page.locator("#membres")).containsText(nir.masked());
        assertThat(page.locator("#membres")).not().containsText(nir.value().substring(0, 7));
        page.getByLabel("Motif de la consultation").selectOption("Recherche d'un médecin traitant pour le foyer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer de motif"))
                .click();
        assertThat(page.getByLabel("Motif de la consultation"))
                .hasValue("Recherche d'un médecin traitant pour le foyer");
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/household.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter")))
                .isVisible();
        page.navigate("http://localhost:" + port + "/foyers/" + household);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion à Traitant")))
                .isVisible();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void the_api_documentation_works_under_the_content_security_policy() {
        Page page = chromium.browser().newPage();
        List<String> consoleErrors = BrowserSupport.consoleErrors(page);
        page.navigate("http://localhost:" + port + "/swagger-ui/index.html");
        assertThat(page.locator(".swagger-ui .info .title")).containsText("Traitant API");
        assertThat(page.locator(".opblock-summary-path").first()).isVisible();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void a_wrong_password_shows_a_french_error_next_to_the_form() {
        Page page = chromium.browser().newPage();
        page.navigate("http://localhost:" + port + "/connexion");
        page.getByLabel("Adresse électronique").fill("personne@test.traitant.fr");
        page.getByLabel("Mot de passe").fill("Pas-Le-Bon-2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Identifiant ou mot de passe incorrect");
    }
}
