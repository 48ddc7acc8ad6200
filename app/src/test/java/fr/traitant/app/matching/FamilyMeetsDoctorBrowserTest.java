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
import fr.traitant.app.directory.DirectoryImports;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.MemberImport;
import fr.traitant.engine.directory.DirectoryFormat;
import fr.traitant.engine.directory.Rpps;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closing the loop in a real browser: the family sees who the doctor is (name, practice address, phone, travel time)
 * before confirming; the doctor sees the family's names and shared contact details only once chosen, and records the
 * declaration, which the family then sees; both get their e-mails (GreenMail).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyMeetsDoctorBrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    MemberImport memberImport;

    @Autowired
    DirectoryImports directory;

    @Autowired
    WaitingList waitingList;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    fr.traitant.app.identity.Inbox inbox;

    private Page signedIn(String username, String path) {
        return BrowserSupport.signedIn(chromium.browser(), port, username, path);
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> WorkflowChainBrowserTest.recipient(m, address))
                .toList();
    }

    @Test
    void the_family_sees_its_doctor_and_the_doctor_sees_the_family_once_chosen() throws Exception {
        String rpps = "19" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String doctorMail = "anne.lemaire." + rpps + "@medecin.mssante.fr";
        String header = String.join(",", DirectoryFormat.CsvColumns.ALL);
        String line =
                rpps + ",Lemaire,Anne,SM54,29019,29200,12 rue de Siam,Cabinet de Siam,48.3905,-4.4860,02 98 12 34 56,"
                        + doctorMail + ",1,oui,oui,en,1975,ACCEPTING,15,2";
        assertThat(directory
                        .importFile(
                                new ByteArrayInputStream(
                                        (header + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8)),
                                DirectoryFormat.TRAITANT_CSV,
                                false)
                        .status()
                        .name())
                .isEqualTo("APPLIED");
        String doctorLogin = "anne.lemaire." + rpps + "@test.traitant.fr";
        long doctor =
                accounts.createLocal(doctorLogin, "Dr Anne Lemaire", Role.DOCTOR, TestAccounts.PASSWORD, Rpps.of(rpps));
        capacities.declareCapacity(doctor, rpps, "29019", 5, doctorMail);

        String ref = "R" + System.nanoTime();
        String familyMail = "famille." + ref.toLowerCase() + "@example.fr"; // addresses are stored in lower case
        memberImport.importCsv(new StringReader(String.join(";", MemberImport.COLUMNS) + "\n"
                + ref + "-F;" + ref + "-1;ACTIVE;" + TransfersTest.nir("8602")
                + ";Hugo;Kerbrat;1986-02-02;M;29019;;;non;;" + familyMail
                + ";0612345678;oui\n"
                + ref + "-F;" + ref + "-2;FAMILY_MEMBER;;Alice;Kerbrat;2018-05-09;F;29019;;;non;;;;non\n"));
        long household = jdbc.sql("select id from household where external_ref = :r")
                .param("r", ref + "-F")
                .query(Long.class)
                .single();
        var insured = TestAccounts.create(accounts, Role.INSURED);
        households.link(household, insured.accountId());
        long entry = waitingList.register(household, WaitingList.Source.ONLINE, java.time.Instant.now());
        long proposal = workflow.propose(
                        entry, capacities.capacity(doctor).orElseThrow().doctor(), "test")
                .value();

        // 1. the doctor sees an anonymous profile, and accepts
        Page doctorPage = signedIn(doctorLogin, "/propositions/" + proposal);
        List<String> doctorErrors = BrowserSupport.consoleErrors(doctorPage);
        assertThat(doctorPage.locator("#etat")).hasText("En attente de votre réponse");
        assertThat(doctorPage.locator("main")).not().containsText("Kerbrat");
        assertThat(doctorPage.locator("#foyer-choisi")).hasCount(0);
        doctorPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter"))
                .click();

        // 2. the family sees who the doctor is before confirming
        Page family = signedIn(insured.username(), "/mon-medecin-traitant");
        List<String> familyErrors = BrowserSupport.consoleErrors(family);
        assertThat(family.locator("#medecin-nom")).hasText("Dr Anne Lemaire");
        assertThat(family.locator("#medecin-adresse")).containsText("12 rue de Siam");
        assertThat(family.locator("#medecin-adresse")).containsText("29200 Brest");
        assertThat(family.locator("#medecin-telephone")).hasText("02 98 12 34 56");
        assertThat(family.locator("#medecin-trajet")).containsText("min");
        assertThat(family.locator("#medecin")).containsText("anglais");
        assertThat(family.locator("#carte-medecin[data-loaded='true']")).hasCount(1);
        family.screenshot(
                BrowserSupport.screenshot().setPath(Path.of("target/screenshots/famille-voit-son-medecin.png")));
        NotificationsTest.await(() -> mailTo(familyMail).stream()
                .anyMatch(m -> NotificationsTest.subject(m).contains("un médecin accepte")));
        String accepted = NotificationsTest.text(mailTo(familyMail).stream()
                .filter(m -> NotificationsTest.subject(m).contains("un médecin accepte"))
                .findFirst()
                .orElseThrow());
        assertThat(accepted).contains("Lemaire").contains("12 rue de Siam");

        family.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je confirme"))
                .click();
        assertThat(family.locator("#rattache")).containsText("Votre médecin traitant est Dr Anne Lemaire");
        assertThat(family.locator("#declaration-a-faire")).containsText("premier rendez-vous");

        // 3. the doctor now sees the family, with the contact details they agreed to share, and records the declaration
        doctorPage.navigate("http://localhost:" + port + "/propositions/" + proposal);
        assertThat(doctorPage.locator("#etat")).hasText("Le foyer vous a choisi comme médecin traitant");
        assertThat(doctorPage.locator("#membres")).containsText("Hugo Kerbrat");
        assertThat(doctorPage.locator("#membres")).containsText("2 février 1986");
        assertThat(doctorPage.locator("#membres")).containsText("06 12 34 56 78");
        assertThat(doctorPage.locator("#membres")).containsText(familyMail);
        assertThat(doctorPage.locator("#membres tr", new Page.LocatorOptions().setHasText("Alice")))
                .containsText("non communiqué");
        doctorPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'ai fait la déclaration"))
                .click();
        assertThat(doctorPage.locator("#declaration")).containsText("Déclaration de médecin traitant faite le");
        doctorPage.screenshot(
                BrowserSupport.screenshot().setPath(Path.of("target/screenshots/medecin-voit-le-foyer.png")));
        NotificationsTest.await(() -> mailTo(doctorMail).stream()
                .anyMatch(m -> NotificationsTest.text(m).contains("Kerbrat")));
        assertThat(jdbc.sql("select declared_at is not null from proposal where id = :id")
                        .param("id", proposal)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // in-app notices too, each linking to the page it is about
        assertThat(inbox.page(insured.accountId(), fr.traitant.app.platform.ListRequest.first("/mes-notifications"))
                        .rows())
                .extracting(fr.traitant.app.identity.Inbox.Notice::message)
                .anyMatch(m -> m.startsWith("Une proposition de médecin traitant est en cours"))
                .anyMatch(m -> m.startsWith("Un médecin accepte de devenir le médecin traitant"))
                .anyMatch(m -> m.startsWith("Votre médecin a fait la déclaration"));
        assertThat(inbox.page(doctor, fr.traitant.app.platform.ListRequest.first("/mes-notifications"))
                        .rows())
                .anySatisfy(n -> {
                    assertThat(n.message()).startsWith("Un foyer vous a choisi comme médecin traitant");
                    assertThat(n.href()).isEqualTo("/propositions/" + proposal);
                });

        // 4. the family sees the declaration (and the notice in the header)
        family.reload();
        assertThat(family.locator("#declaration-faite")).containsText("déclaration de médecin traitant");
        NotificationsTest.await(() -> mailTo(familyMail).stream()
                .anyMatch(m -> NotificationsTest.subject(m).equals("Traitant — votre médecin traitant est déclaré")));
        assertThat(doctorErrors).isEmpty();
        assertThat(familyErrors).isEmpty();
    }
}
