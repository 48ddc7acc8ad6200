package fr.traitant.app.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.network.Charter;
import fr.traitant.app.network.CharterCommitments;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.Nir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14 in a real browser: the network manager invites a signatory, who opens the e-mailed link, chooses a password
 * and signs in; an advisor downloads an activation letter, and the family creates its account with the code, their
 * NIR and birth date (after a mistake answered next to the field).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoingLiveBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Charter charter;

    @Autowired
    Households households;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(Page page, String email, String password) {
        page.navigate(url("/connexion"));
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
    }

    @Test
    void a_signatory_invited_by_the_network_manager_creates_the_account_from_the_email_link() throws Exception {
        String rpps = jdbc.sql("""
                select d.rpps from doctor d join commune c on c.code = d.commune_code
                 where d.synthetic and d.active and d.specialty = 'GENERAL_PRACTICE' and not d.network_member
                   and c.departement_code = '19' and not exists (select 1 from account a where a.rpps = d.rpps)
                 order by d.id limit 1""").query(String.class).single();
        String mssante = "invite." + rpps + "@medecin.mssante.fr";
        jdbc.sql("update doctor set mssante = ? where rpps = ?")
                .params(mssante, rpps)
                .update();
        charter.sign(rpps, new CharterCommitments(true, true, 5));

        SignedInUser manager = TestAccounts.create(accounts, Role.NETWORK_MANAGER);
        Page page = chromium.browser().newContext().newPage();
        signIn(page, manager.username(), TestAccounts.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invitations des médecins"))
                .click();
        page.getByLabel("Département").fill("19");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher"))
                .click();
        assertThat(page.locator("#signataire-" + rpps)).containsText("Pas de compte");
        page.locator("label[for=inviter-" + rpps + "]").click(); // the DSFR label covers the box
        assertThat(page.locator("#inviter-" + rpps)).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inviter les médecins cochés"))
                .click();
        assertThat(page.locator("#message")).containsText("1 invitation(s) envoyée(s)");
        page.getByLabel("Département").fill("19");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher"))
                .click();
        assertThat(page.locator("#signataire-" + rpps)).containsText("En attente");
        Files.createDirectories(Path.of("target/screenshots"));
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/invitations-medecins.png")));

        String body = jdbc.sql("select body from outbox_message where recipient = ? order by id desc limit 1")
                .param(mssante)
                .query(String.class)
                .single();
        Matcher link = Pattern.compile("http://localhost:\\d+(/invitation/[A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(link.find()).isTrue();
        Page doctor = chromium.browser().newContext().newPage();
        doctor.navigate(url(link.group(1)));
        assertThat(doctor.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Créer votre compte Traitant")))
                .isVisible();
        doctor.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill("court");
        doctor.getByLabel("Confirmez le mot de passe").fill("court");
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte"))
                .click();
        assertThat(doctor.locator("#password-error")).isVisible();
        doctor.locator("#password").fill(TestAccounts.PASSWORD);
        doctor.getByLabel("Confirmez le mot de passe").fill(TestAccounts.PASSWORD);
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte"))
                .click();
        assertThat(doctor.locator("#compte-cree")).containsText("Votre compte est créé");
        signIn(doctor, mssante, TestAccounts.PASSWORD);
        doctor.navigate(url("/espace-medecin"));
        assertThat(doctor.locator("#etat-charte")).containsText("Vous êtes signataire");
        doctor.screenshot(
                BrowserSupport.screenshot().setPath(Path.of("target/screenshots/invitation-medecin-espace.png")));
        assertThat(accounts.findDoctorByRpps(rpps)).isPresent();
    }

    @Test
    void a_family_creates_its_account_with_the_code_of_the_letter_its_nir_and_birth_date() throws Exception {
        LocalDate birth = LocalDate.of(1979, 6, 21);
        int order = (int) (System.nanoTime() % 899) + 100;
        String nir = fr.traitant.app.TestNir.of(2, birth, "35238", order);
        long household = households.create(
                "Foyer Activation",
                InseeCode.of("35238"),
                List.of(new NewMember("Maëlle", "Le Guénnec", birth, Nir.of(nir), null, null)));

        SignedInUser advisor = TestAccounts.create(accounts, Role.ADVISOR);
        Page page = chromium.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setAcceptDownloads(true))
                .newPage();
        signIn(page, advisor.username(), TestAccounts.PASSWORD);
        page.navigate(url("/foyers/" + household));
        assertThat(page.locator("#membres")).containsText("aucun code envoyé");
        Download download = page.waitForDownload(() -> page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName("Courrier avec un code d’activation pour Maëlle Le Guénnec (PDF)"))
                .click());
        String code;
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            Matcher m =
                    Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(new PDFTextStripper().getText(pdf));
            assertThat(m.find()).isTrue();
            code = m.group();
        }
        page.navigate(url("/foyers/" + household));
        assertThat(page.locator("#membres")).containsText("code envoyé, valable jusqu'au");

        Page family = chromium.browser().newContext().newPage();
        family.navigate(url("/connexion"));
        family.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Activer mon compte"))
                .click();
        String email = "maelle." + order + "." + System.nanoTime() % 10_000 + "@exemple.fr";
        family.getByLabel("Code d’activation").fill(code);
        family.getByLabel("Numéro de sécurité sociale").fill(nir);
        family.getByLabel("Date de naissance").fill(birth.plusDays(1).toString());
        family.getByLabel("Adresse électronique de votre compte").fill(email);
        family.locator("#password").fill(TestAccounts.PASSWORD);
        family.getByLabel("Confirmez le mot de passe").fill(TestAccounts.PASSWORD);
        family.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte"))
                .click();
        assertThat(family.locator("#code-error")).containsText("ne correspondent pas");
        assertThat(family.getByLabel("Code d’activation")).hasValue(code);
        assertThat(family.getByLabel("Adresse électronique de votre compte")).hasValue(email);
        family.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/activation-erreur.png")));
        family.getByLabel("Numéro de sécurité sociale").fill(nir);
        family.getByLabel("Date de naissance").fill(birth.toString());
        family.locator("#password").fill(TestAccounts.PASSWORD);
        family.getByLabel("Confirmez le mot de passe").fill(TestAccounts.PASSWORD);
        family.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte"))
                .click();
        assertThat(family.locator("#compte-cree")).containsText("Votre compte est créé");
        signIn(family, email, TestAccounts.PASSWORD);
        family.navigate(url("/mon-foyer"));
        assertThat(family.locator("#membres")).containsText("Maëlle");
    }
}
