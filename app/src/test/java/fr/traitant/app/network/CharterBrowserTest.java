package fr.traitant.app.network;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.engine.directory.Rpps;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A doctor signs in (account linked to their RPPS), states availability, signs the charter, updates and withdraws;
 * the network manager sees the signatory; the doctor cannot see the manager's page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharterBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @Autowired
    Accounts accounts;

    void signIn(Page page, String email) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion à Traitant")))
                .isVisible();
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
    }

    @Test
    void a_doctor_signs_the_charter_and_the_network_manager_sees_it() {
        String rpps = jdbc.sql("""
                select d.rpps from doctor d join commune c on c.code = d.commune_code
                 where d.synthetic and d.active and d.specialty = 'GENERAL_PRACTICE' and not d.network_member
                   and c.departement_code = '23' order by d.id limit 1""").query(String.class).single();
        String email = "medecin-charte-" + System.nanoTime() + "@test.traitant.fr";
        accounts.createLocal(email, "Dr Test Charte", Role.DOCTOR, TestAccounts.PASSWORD, new Rpps(rpps));
        // another test may have published a newer version of the charter in the shared database
        int version = jdbc.sql("select max(version) from charter_version")
                .query(Integer.class)
                .single();
        Page page = chromium.browser().newContext().newPage();
        page.navigate("http://localhost:" + port + "/espace-medecin");
        // not signed in: sent to the login page, then back
        signIn(page, email);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Espace médecin — Dr .*"))))
                .isVisible();

        // availability
        page.getByText("Accepte de nouveaux patients", new Page.GetByTextOptions().setExact(true))
                .click();
        page.getByLabel("Nombre de nouveaux patients que je peux accueillir").fill("8");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mes disponibilités"))
                .click();
        assertThat(page.locator("#message-succes")).containsText("disponibilités sont enregistrées");
        assertThat(page.locator("#statut-actuel")).containsText("8 place(s)");

        // signing without accepting the text is refused
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signer la charte"))
                .click();
        assertThat(page.locator("#erreur-charte")).containsText("J'ai lu la charte");
        page.getByText("J'accepte de devenir leur médecin traitant").click();
        page.getByLabel("Nombre de nouveaux patients du réseau par an").fill("6");
        page.getByText("J'ai lu la charte (version " + version + ") et je l'accepte")
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signer la charte"))
                .click();
        assertThat(page.locator("#message-succes")).containsText("vous avez signé la charte");
        assertThat(page.locator("#etat-charte")).containsText("Vous êtes signataire");
        assertThat(page.locator("#historique")).containsText("signature (version " + version + ")");
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/espace-medecin.png")));

        // update, then the manager's view
        page.getByLabel("Nombre de nouveaux patients du réseau par an").fill("3");
        page.getByText("J'ai lu la charte (version " + version + ") et je l'accepte")
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mettre à jour mes engagements"))
                .click();
        assertThat(page.locator("#historique")).containsText("mise à jour");

        // the network manager (another person, another browser context)
        Page manager = chromium.browser().newContext().newPage();
        manager.navigate("http://localhost:" + port + "/reseau?departement=23");
        signIn(manager, TestAccounts.create(accounts, Role.NETWORK_MANAGER).username());
        assertThat(manager.locator("#table-departements")).containsText("23 Creuse");
        assertThat(manager.locator("#table-signataires")).containsText(rpps);
        assertThat(manager.locator("#carte-reseau[data-markers]")).hasCount(1);
        manager.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/reseau.png")));
        // a doctor may not see the manager's page
        page.navigate("http://localhost:" + port + "/reseau");
        assertThat(page.locator("#table-signataires")).hasCount(0);

        // withdraw
        page.navigate("http://localhost:" + port + "/espace-medecin");
        page.getByLabel("Motif du retrait").fill("Changement d'activité");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer ma signature"))
                .click();
        assertThat(page.locator("#message-succes")).containsText("signature est retirée");
        assertThat(page.locator("#historique")).containsText("retrait");
    }
}
