package fr.traitant.app.continuity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.matching.MatchingRuns;
import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.FrenchDates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #20 in a real browser: the network manager records a doctor's departure; the advisor finds the handover's case
 * file and publishes the run prepared for the group; the colleague accepts and the family sees and chooses its new
 * doctor before the departure date.
 */
@IntegrationTest
class HandoverBrowserTest {

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @LocalServerPort
    int port;

    @Autowired
    ContinuityWorld world;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    Handovers handovers;

    @Autowired
    MatchingRuns runs;

    @Autowired
    ProposalWorkflow workflow;

    private Page signedIn(String username, String path) {
        return BrowserSupport.signedIn(chromium.browser(), port, username, path);
    }

    private static void shot(Page page, String name) {
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/" + name + ".png")));
    }

    @Test
    void a_recorded_departure_reaches_the_family_as_a_new_doctor_before_the_date() {
        var leaving = world.doctor("Vidal", "04088", "04300", 43.9593, 5.7795, 0);
        var colleague = world.doctor("Roche", "04088", "04300", 43.9600, 5.7800, 8);
        long family = world.family("Marchand", "04088", leaving.rpps(), "marchand@example.fr");
        var insured = TestAccounts.create(accounts, Role.INSURED);
        households.link(family, insured.accountId());
        LocalDate on = LocalDate.now(FrenchDates.PARIS).plusMonths(5);

        // 1. the network manager records the departure
        var manager = TestAccounts.create(accounts, Role.NETWORK_MANAGER);
        Page network = signedIn(manager.username(), "/departs");
        List<String> errors = BrowserSupport.consoleErrors(network);
        network.getByLabel("RPPS du médecin").fill(leaving.rpps());
        network.locator("#date").fill(on.toString());
        network.locator("#motif").selectOption("RETIREMENT");
        network.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le départ"))
                .click();
        assertThat(network.locator("#message")).containsText("la passation est ouverte");
        assertThat(network.locator(".passation").first()).containsText("1 foyer(s) de patients");
        shot(network, "depart-enregistre");

        // 2. the advisor finds the group's case file, then publishes the run prepared for it
        Handovers.Handover handover = handovers.of(leaving.rpps()).getFirst();
        long run = java.util.Objects.requireNonNull(handover.runId());
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> !runs.progress(run).running());
        var advisor = TestAccounts.create(accounts, Role.ADVISOR);
        Page pass = signedIn(advisor.username(), "/dossiers?q=Vidal");
        List<String> advisorErrors = BrowserSupport.consoleErrors(pass);
        pass.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^PASS-")))
                .first()
                .click();
        assertThat(pass.locator("main")).containsText("Passation : patients de Dr Camille Vidal");
        assertThat(pass.locator("main")).containsText("L’appariement préparé pour le groupe");
        pass.navigate("http://localhost:" + port + "/departs/" + leaving.rpps());
        pass.locator("a.passation-appariement").click();
        assertThat(pass.locator("h1")).containsText("Passation : patients de Dr Camille Vidal");
        assertThat(pass.locator("main")).containsText("Dr Camille Roche");
        pass.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier : envoyer les propositions"))
                .click();
        assertThat(pass.locator("#etat")).containsText("Publié");
        shot(pass, "passation-publiee");

        // 3. the colleague accepts
        long proposal = workflow.openProposal(family).orElseThrow().value();
        Page doctor = signedIn(colleague.login(), "/propositions/" + proposal);
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter"))
                .click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> workflow.status(new fr.traitant.app.matching.ProposalId(proposal))
                        .equals("ACCEPTED"));

        // 4. the family sees its new doctor, months before the departure, and chooses them
        Page home = signedIn(insured.username(), "/mon-medecin-traitant");
        List<String> familyErrors = BrowserSupport.consoleErrors(home);
        assertThat(home.locator("#medecin-nom")).hasText("Dr Camille Roche");
        home.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je confirme"))
                .click();
        assertThat(home.locator("#rattache")).containsText("Votre médecin traitant est Dr Camille Roche");
        shot(home, "famille-nouveau-medecin-avant-depart");
        assertThat(handovers.of(leaving.rpps()).getFirst().attachedBeforeDate()).isEqualTo(1);
        assertThat(errors).isEmpty();
        assertThat(advisorErrors).isEmpty();
        assertThat(familyErrors).isEmpty();
    }
}
