package fr.traitant.app.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.matching.ProposalId;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real headless Chromium, under the strict CSP: an insured person files a request online; an advisor takes
 * it up, hands it to a colleague, finds a doctor and proposes them to the household, closes the case; the insured
 * person's open page updates by itself, and they give their opinion.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    fr.traitant.app.matching.ProposalWorkflow workflow;

    @Autowired
    fr.traitant.app.matching.DoctorCapacities capacities;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Households households;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    private Page signedInPage(SignedInUser user, String path, List<String> consoleErrors) {
        BrowserContext context = chromium.browser().newContext();
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.navigate("http://localhost:" + port + path);
        page.getByLabel("Adresse électronique").fill(user.username());
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        return page;
    }

    @Test
    void intake_assignment_doctor_found_closure_satisfaction() {
        SignedInUser insured = TestAccounts.create(accounts, Role.INSURED);
        long household = households.create(
                "Foyer Parcours",
                InseeCode.of("83137"),
                List.of(new NewMember("Jeanne", "Parcours", LocalDate.of(1988, 6, 1), null, null, null)));
        households.link(household, insured.accountId());
        SignedInUser advisor = TestAccounts.create(accounts, Role.ADVISOR);
        SignedInUser colleague = TestAccounts.create(accounts, Role.ADVISOR);
        String doctorName = "Dr Solène Parcours " + Long.toString(System.nanoTime(), 36);
        long doctorId = accounts.createLocal(
                "medecin-parcours-" + System.nanoTime() + "@test.traitant.fr",
                doctorName,
                Role.DOCTOR,
                TestAccounts.PASSWORD,
                null);
        capacities.declareCapacity(doctorId, null, "83137", 5);
        List<String> consoleErrors = new ArrayList<>();

        // 1. intake: the insured person fills in the form (a first mistake is shown next to the field)
        Page person = signedInPage(insured, "/demandes/nouvelle", consoleErrors);
        assertThat(person.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Demander de l'aide")))
                .isVisible();
        person.locator("#motive").selectOption("FIND_DOCTOR");
        person.locator("label[for=situation-RECENT_TRANSFER]").click();
        person.locator("#commune").fill("99999");
        person.locator("#phone").fill("06 11 22 33 44");
        person.locator("#summary")
                .fill("Mutés à Toulon en septembre, nous n'avons plus de médecin traitant pour la famille.");
        person.getByText("J'accepte que les conseillers").click();
        person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma demande"))
                .click();
        assertThat(person.locator("#commune-error")).containsText("Aucune commune ne correspond à « 99999 »");
        // the refused form answers 422, which Chromium reports; nothing else may appear (CSP violations would)
        assertThat(consoleErrors).singleElement().asString().contains("status of 422");
        consoleErrors.clear();
        person.locator("#commune").fill("Toulon"); // a name is a place (suggestions under the field)
        person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma demande"))
                .click();
        assertThat(person.locator("#confirmation")).containsText("Votre demande a bien été envoyée");
        String reference = person.locator("#confirmation strong").textContent().strip();
        assertThat(reference).matches("PASS-\\d{4}-\\d{6}");
        assertThat(person.locator("#etat-demande")).hasText("Reçue");
        person.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/case-request.png")));

        // 2. assignment: an advisor finds it among the unassigned cases, takes it up and hands it to a colleague
        Page agent = signedInPage(advisor, "/dossiers?vue=unassigned", consoleErrors);
        agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference))
                .click();
        assertThat(agent.locator("#etat-dossier")).hasText("Reçue");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre en charge"))
                .click();
        assertThat(agent.locator("#etat-dossier")).hasText("En cours de traitement");
        assertThat(agent.locator("#agent")).hasText(advisor.displayName());
        agent.locator("#agent-select").selectOption(Long.toString(colleague.accountId()));
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attribuer"))
                .click();
        assertThat(agent.locator("#agent")).hasText(colleague.displayName());

        // the insured person's page follows by itself (polling)
        assertThat(person.locator("#etat-demande"))
                .hasText("En cours de traitement", new LocatorAssertions.HasTextOptions().setTimeout(20_000));

        // 3. doctor found: search, propose to the household
        agent.locator("#nom-medecin").fill("Solène Parcours");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher un médecin"))
                .click();
        assertThat(agent.locator("#medecins")).containsText(doctorName);
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proposer " + doctorName + " au foyer"))
                .click();
        assertThat(agent.locator("#medecin")).containsText(doctorName);
        assertThat(agent.locator("#medecin")).containsText("proposition n°");
        assertThat(agent.locator("#journal")).containsText("Proposition de médecin");
        assertThat(person.locator("#medecin-propose"))
                .containsText(doctorName, new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));

        // 4. "médecin traitant déclaré" cannot be chosen before it is true…
        agent.locator("#issue-select").selectOption("DOCTOR_DECLARED");
        agent.locator("#note").fill("Déclaration de médecin traitant faite par le Dr Parcours.");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clôturer le dossier"))
                .click();
        assertThat(agent.locator("main")).containsText("Aucun médecin traitant n'est déclaré pour ce foyer");
        assertThat(agent.locator("#etat-dossier")).hasText("En cours de traitement");
        consoleErrors.clear(); // the refused form answers 422
        // …and closes the case by itself once the doctor accepted and the family confirmed
        long proposal = jdbc.sql("select id from proposal where household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();
        workflow.acceptAs(ProposalId.of(proposal), doctorId);
        workflow.confirmAs(ProposalId.of(proposal), household);
        // back to the case page (the refused form answered at /dossiers/{id}/etat: reloading would send it again)
        assertThat(agent).hasURL(java.util.regex.Pattern.compile(".*/dossiers/\\d+/etat$"));
        agent.navigate(agent.url().replaceAll("/etat$", ""));
        assertThat(agent.locator("#etat-dossier")).hasText("Clôturée");
        assertThat(agent.locator("#issue")).containsText("Médecin traitant déclaré");
        assertThat(agent.locator("#journal")).containsText("le foyer a confirmé son médecin traitant");
        agent.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/case-file.png")));

        // 5. satisfaction: the insured person's page shows the closure, then they rate it
        assertThat(person.locator("#etat-demande"))
                .hasText("Clôturée", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        person.reload();
        person.locator("label[for=note-5]").click();
        person.locator("#commentaire").fill("Merci, médecin trouvé en quelques jours.");
        person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer mon avis"))
                .click();
        assertThat(person.getByText("Merci pour votre avis.")).isVisible();
        person.navigate("http://localhost:" + port + "/mes-notifications");
        assertThat(person.locator("#notifications")).containsText("clôturée");

        agent.reload();
        assertThat(agent.locator("#avis")).containsText("5/5");
        assertThat(doctorId).isPositive();
        assertThat(consoleErrors).isEmpty();
    }
}
