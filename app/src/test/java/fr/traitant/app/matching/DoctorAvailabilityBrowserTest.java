package fr.traitant.app.matching;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.engine.directory.Rpps;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A doctor (account linked by RPPS to a directory doctor) declares on "Mes propositions" that they accept new
 * patients, how many and where they practise; the directory shows it and the next matching run fills exactly that
 * capacity.
 */
@IntegrationTest
class DoctorAvailabilityBrowserTest {

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    WaitingList waitingList;

    @Autowired
    MatchingRuns runs;

    @Autowired
    Doctors doctors;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    JdbcClient jdbc;

    /** People the run proposes to this doctor. */
    long peopleProposedTo(long runId, long accountId) {
        long doctor = capacities.capacity(accountId).orElseThrow().doctorId();
        return runs.get(runId).lines().stream()
                .filter(l -> l.doctorId() == doctor)
                .mapToLong(MatchingRun.Line::people)
                .sum();
    }

    void declare(Page page, String status, String capacity, String commune) {
        page.getByLabel("Nouveaux patients", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(status));
        page.getByLabel("Nombre de nouveaux patients que j’accepte au total").fill(capacity);
        page.getByLabel("Commune du cabinet utilisée pour les propositions").fill(commune);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer ma disponibilité"))
                .click();
    }

    @Test
    void a_doctor_declares_capacity_and_place_and_the_next_run_uses_them() {
        String rpps = jdbc.sql("""
                select d.rpps from doctor d join commune c on c.code = d.commune_code
                 where d.synthetic and d.active and d.specialty = 'GENERAL_PRACTICE' and c.departement_code = '15'
                 order by d.id limit 1""").query(String.class).single();
        String email = "disponible" + System.nanoTime() + "@medecin.mssante.fr";
        long account = accounts.createLocal(email, "Dr Disponible", Role.DOCTOR, TestAccounts.PASSWORD, Rpps.of(rpps));
        // three people waiting in Aurillac, alone each
        for (int i = 0; i < 3; i++) {
            long h = households.create(
                    "Foyer Aurillac " + i,
                    InseeCode.of("15014"),
                    List.of(new NewMember("Jean" + i, "Cantal", LocalDate.of(1960, 1, 1), null, null, null)));
            waitingList.register(h, WaitingList.Source.CASE, Instant.now());
        }

        Page page = chromium.browser().newPage();
        // the refused form comes back with HTTP 422, which Chromium reports as a failed resource load
        List<String> consoleErrors = BrowserSupport.consoleErrors(page, text -> text.contains("status of 422"));
        page.navigate("http://localhost:" + port + "/propositions");
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        // an error is shown next to its field, the other fields keep their values
        declare(page, "Accepte de nouveaux patients", "-2", "15014");
        assertThat(page.locator("#capacity-error")).containsText("va de 0 à 2000");
        assertThat(page.getByLabel("Commune du cabinet utilisée pour les propositions"))
                .hasValue("15014");

        declare(page, "Accepte de nouveaux patients", "1", "15014");
        assertThat(page.locator("#message")).containsText("Disponibilité mise à jour");
        assertThat(page.locator("#engagement")).containsText("sur une capacité de 1");
        assertThat(doctors.findByRpps(rpps).orElseThrow().capacity()).isEqualTo(1); // the directory, source of truth
        assertThat(peopleProposedTo(runs.run("15"), account)).isEqualTo(1);

        declare(page, "Accepte de nouveaux patients", "3", "15014");
        assertThat(page.locator("#engagement")).containsText("sur une capacité de 3");
        page.screenshot(
                BrowserSupport.screenshot().setPath(Path.of("target/screenshots/mes-propositions-disponibilite.png")));
        assertThat(peopleProposedTo(runs.run("15"), account)).isEqualTo(3);

        declare(page, "N'accepte pas de nouveaux patients", "0", "15014");
        assertThat(doctors.findByRpps(rpps).orElseThrow().newPatients().name()).isEqualTo("NOT_ACCEPTING");
        assertThat(peopleProposedTo(runs.run("15"), account)).isZero();
        assertThat(consoleErrors).isEmpty();
    }
}
