package fr.traitant.app.matching;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.TestMail;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.MemberImport;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole chain in a real browser: a transfer is imported → a doctor is proposed before the family arrives → the
 * doctor accepts through the link of the e-mail (read from a real SMTP server) → the family confirms on "Mon médecin
 * traitant" → the médecin traitant is declared → the public figures count one more attached household.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowChainBrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    MemberImport memberImport;

    @Autowired
    Transfers transfers;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    WaitingFigures figures;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    long attachedThisMonth() {
        String month = YearMonth.now(ZoneId.of("Europe/Paris")).toString();
        // the exact count (the public figure says "< 11" for a small month)
        return jdbc.sql("select count(*) from waiting_entry where status = 'ATTACHED'"
                        + " and to_char(status_changed_at at time zone 'Europe/Paris', 'YYYY-MM') = :m")
                .param("m", month)
                .query(Long.class)
                .single();
    }

    @Test
    void transfer_proposal_before_arrival_doctor_accepts_by_email_family_confirms_figures_updated() throws Exception {
        // a network doctor in Besançon with an MSSanté address
        String doctorMail = "solidaire" + System.nanoTime() + "@medecin.mssante.fr";
        SignedInUser doctor = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(doctor.accountId(), "10000000005", "25056", 4, doctorMail);
        // a family in Toulon, whose insured person has an account
        String ref = "C" + System.nanoTime();
        String familyMail = "famille" + System.nanoTime() + "@example.fr";
        memberImport.importCsv(new StringReader(String.join(";", MemberImport.COLUMNS) + "\n"
                + ref + "-F;" + ref + "-1;ACTIVE;" + TransfersTest.nir("8602")
                + ";Hugo;Chaine;1986-02-02;M;83137;;;oui;;" + familyMail + ";;oui\n"
                + ref + "-F;" + ref + "-2;FAMILY_MEMBER;;Alice;Chaine;2018-02-02;F;83137;;;oui;;;;oui\n"));
        long household = jdbc.sql("select id from household where external_ref = :r")
                .param("r", ref + "-F")
                .query(Long.class)
                .single();
        SignedInUser insured = TestAccounts.create(accounts, Role.INSURED);
        households.link(household, insured.accountId());
        long before = attachedThisMonth();

        // the transfer plan: they arrive in Besançon in 40 days → a proposal is made now, before arrival
        transfers.importPlan(new StringReader("beneficiaire;foyer;commune_destination;date_arrivee\n" + ref + "-1;"
                + ref + "-F;25056;" + LocalDate.now().plusDays(40) + "\n"));
        long proposal = jdbc.sql("select id from proposal where household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();

        // the doctor reads the e-mail and accepts through its link
        NotificationsTest.await(
                () -> Arrays.stream(greenMail.getReceivedMessages()).anyMatch(m -> recipient(m, doctorMail)));
        MimeMessage toDoctor = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m, doctorMail))
                .findFirst()
                .orElseThrow();
        String accept = NotificationsTest.link(toDoctor, "Accepter");
        Page page = chromium.browser().newPage();
        List<String> consoleErrors = BrowserSupport.consoleErrors(page);
        page.navigate("http://localhost:" + port + accept);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'accepte"))
                .click();
        assertThat(page.locator("#fait")).containsText("Votre réponse est enregistrée");
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("ACCEPTED");

        // the family signs in and confirms on "Mon médecin traitant"
        page.navigate("http://localhost:" + port + "/mon-medecin-traitant");
        page.getByLabel("Adresse électronique").fill(insured.username());
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        assertThat(page.locator("#proposition")).containsText("accepte de devenir votre médecin traitant");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je confirme"))
                .click();
        assertThat(page.locator("#rattache")).containsText("Votre médecin traitant est");
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/mon-medecin-traitant.png")));

        // médecin traitant declared for the whole family, figures updated
        assertThat(jdbc.sql(
                                "select count(*) from member where household_id = :h and has_declared_doctor and declared_doctor_rpps = '10000000005'")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(attachedThisMonth()).isEqualTo(before + 1);
        page.navigate("http://localhost:" + port + "/chiffres/attente");
        assertThat(page.locator("#rattaches"))
                .containsText(YearMonth.now(ZoneId.of("Europe/Paris")).toString());
        assertThat(consoleErrors).isEmpty();
    }

    static boolean recipient(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
