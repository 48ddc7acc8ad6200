package fr.traitant.app.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.matching.MatchingFixtures;
import fr.traitant.app.matching.WaitingList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #17, the browser test: the network manager sees the gap map, builds a campaign from the optimiser, removes a
 * doctor, sends it and downloads the letters; a doctor signs through the link of their letter; the manager sees the
 * signature attributed to the campaign.
 */
@IntegrationTest
class CampaignBrowserTest {

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MatchingFixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Test
    void the_manager_builds_and_sends_a_campaign_and_sees_a_signature_attributed_to_it() throws Exception {
        for (int i = 0; i < 10; i++) {
            fixtures.waiting(
                    "Foyer Cahors " + i,
                    "46042",
                    "Paul",
                    "Fabre",
                    LocalDate.of(1975, 6, 1 + i),
                    WaitingList.Source.ONLINE,
                    Instant.parse("2026-04-01T09:00:00Z"));
        }
        String email = TestAccounts.create(accounts, Role.NETWORK_MANAGER).username();
        BrowserContext managerContext = chromium.browser().newContext();
        Page page = managerContext.newPage();
        // the refused form answers HTTP 422, reported by Chromium as a failed resource load
        List<String> consoleErrors = BrowserSupport.consoleErrors(page, text -> text.contains("status of 422"));
        page.navigate("http://localhost:" + port + "/reseau/campagnes");
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        // the gap map draws the communes where demand is left uncovered
        assertThat(page.locator("h1")).hasText("Où le réseau manque");
        page.waitForCondition(() -> page.locator("#carte-manques").getAttribute("data-communes") != null);
        assertThat(Integer.parseInt(page.locator("#carte-manques").getAttribute("data-communes")))
                .isPositive();
        assertThat(page.locator("#table-manques-departements")).containsText("46 Lot");

        // a mistake answers the form again with the values kept
        page.locator("#departement").fill("4X");
        page.locator("#budget").fill("6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proposer les médecins à qui écrire"))
                .click();
        assertThat(page.locator("#departement-error")).containsText("n’est pas un département");
        assertThat(page.locator("#budget")).hasValue("6");

        page.locator("#departement").fill("46");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proposer les médecins à qui écrire"))
                .click();
        assertThat(page.locator("h1")).hasText("À qui écrire — Lot (46)");
        assertThat(page.locator("#table-selection tbody tr")).not().hasCount(0);
        assertThat(page.locator("#valeur-naive")).isVisible();

        page.getByLabel("Nom de la campagne").fill("Lot — médecins autour de Cahors");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer la campagne"))
                .click();
        assertThat(page.locator("h1")).hasText("Lot — médecins autour de Cahors");
        assertThat(page.locator("#etat-campagne")).hasText("Brouillon : liste modifiable");

        // the manager takes the first doctor off the list
        String removed = page.locator("#table-cibles tbody tr").first().getAttribute("data-doctor");
        page.locator("#table-cibles tbody tr")
                .first()
                .getByRole(AriaRole.BUTTON)
                .click();
        assertThat(page.locator("#message")).containsText("Médecin retiré de la liste");
        assertThat(page.locator("#table-cibles tbody tr[data-doctor='" + removed + "']"))
                .containsText("Retiré de la liste");

        page.locator("#form-envoi button").click();
        assertThat(page.locator("#etat-campagne")).hasText("Courriers envoyés");
        long id = Long.parseLong(page.url().replaceAll(".*/reseau/campagnes/(\\d+).*", "$1"));
        List<CampaignTarget> written = campaigns.allTargets(id).stream()
                .filter(CampaignTarget::contacted)
                .toList();

        Download download =
                page.waitForDownload(() -> page.locator("#lien-courriers").click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(written.size());
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("/charte/signer/" + written.getFirst().token());
        }

        // a doctor opens the link of their letter and signs
        BrowserContext doctorContext = chromium.browser().newContext();
        Page doctor = doctorContext.newPage();
        doctor.navigate("http://localhost:" + port + "/charte/signer/"
                + written.getFirst().token());
        assertThat(doctor.locator("h1")).hasText("La charte des médecins solidaires");
        doctor.getByLabel("Nouveaux patients du réseau que je peux accueillir par an")
                .fill("8");
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je signe la charte"))
                .click();
        assertThat(doctor.locator("#message")).containsText("vous avez signé la charte");
        doctorContext.close();

        page.reload();
        assertThat(page.locator("#signatures")).hasText("1 (1)");
        assertThat(page.locator("#places-gagnees")).hasText("8");
        assertThat(page.locator("#table-cibles tbody tr[data-doctor='"
                        + written.getFirst().doctorId() + "']"))
                .containsText("A signé par son lien");
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        page.screenshot(BrowserSupport.screenshot().setPath(shots.resolve("campagne-resultats.png")));
        assertThat(consoleErrors).isEmpty();
        managerContext.close();
    }
}
