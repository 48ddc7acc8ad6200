package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.TestMail;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.engine.directory.Rpps;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ADR 0051: a run considers every directory doctor of the zone who accepts new patients with a capacity, account or
 * not; such a doctor is reached by e-mail with signed links, and sees the proposal on signing in later with that RPPS.
 * Haute-Marne (52), where no other test puts doctors or households.
 */
@IntegrationTest
class DirectoryDoctorsMatchingTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @LocalServerPort
    int port;

    @Autowired
    MatchingRuns runs;

    @Autowired
    RunPublication publication;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Households households;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    /** A valid RPPS number of the real range (starts with 1), random. */
    static String newRpps() {
        while (true) {
            String stem =
                    "1" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
            for (int check = 0; check <= 9; check++) {
                if (fr.traitant.engine.directory.Rpps.isValid(stem + check)) {
                    return stem + check;
                }
            }
        }
    }

    /** A non-synthetic general practitioner of the directory at the centre of a commune, without any account. */
    static String directoryDoctor(
            JdbcClient jdbc, String id, String rpps, String commune, String status, int capacity, String mail) {
        jdbc.sql("""
                        insert into doctor (id, rpps, last_name, first_name, specialty, commune_code, lat, lon, consultations_per_year,
                                            new_patient_status, new_patient_capacity, synthetic, active, updated_at, mssante)
                        select :id, :rpps, 'Annuaire', 'Docteur', 'GENERAL_PRACTICE', c.code, c.lat, c.lon, 4000, :status, :cap, false, true,
                               now(), :mail from commune c where c.code = :commune""")
                .param("id", id)
                .param("rpps", rpps)
                .param("status", status)
                .param("cap", capacity)
                .param("mail", mail)
                .param("commune", commune)
                .update();
        return rpps;
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    long rowOf(String rpps) {
        return jdbc.sql("select id from doctor_capacity where rpps = :r")
                .param("r", rpps)
                .query(Long.class)
                .single();
    }

    @Test
    void a_run_proposes_directory_doctors_without_account_by_email_and_they_answer_and_later_sign_in()
            throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String mailA = "annuaire-a-" + tag + "@medecin.mssante.fr";
        String accepting =
                directoryDoctor(jdbc, "TEST-FLOW3-A-" + tag, newRpps(), "52121", "ACCEPTING", 2, mailA); // Chaumont
        String notAccepting = directoryDoctor(
                jdbc,
                "TEST-FLOW3-B-" + tag,
                newRpps(),
                "52121",
                "NOT_ACCEPTING",
                0,
                "annuaire-b-" + tag + "@medecin.mssante.fr");
        String full = directoryDoctor(
                jdbc,
                "TEST-FLOW3-C-" + tag,
                newRpps(),
                "52121",
                "ACCEPTING",
                0,
                "annuaire-c-" + tag + "@medecin.mssante.fr");
        long household = households.create(
                "Foyer Chaumont",
                InseeCode.of("52121"),
                List.of(new NewMember("Léa", "Chaumont", LocalDate.of(1981, 4, 4), null, null, null)));
        long entry = waitingList.register(household, WaitingList.Source.CASE, Instant.now());

        long runId = runs.run("52");
        long doctorA = rowOf(accepting);
        // the accepting directory doctor is proposed; the one not accepting and the one without places get nothing
        assertThat(runs.get(runId).lines())
                .filteredOn(l -> l.entryId() == entry)
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.doctorId()).isEqualTo(doctorA);
                    // the advisor's review page names the doctor from the directory
                    assertThat(l.doctorLabel()).isEqualTo("Dr Docteur Annuaire (RPPS " + accepting + ")");
                });
        assertThat(jdbc.sql("select count(*) from doctor_capacity where rpps in (:r)")
                        .param("r", List.of(notAccepting, full))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "select doctor_account_id is null and email = :m and capacity = 2 and committed = 0 from doctor_capacity where id = :d")
                        .param("m", mailA)
                        .param("d", doctorA)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        publication.publish(runId);
        long proposal = jdbc.sql("select id from proposal where waiting_entry_id = :e and status = 'PENDING'")
                .param("e", entry)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql(
                                "select count(*) from proposal p join doctor_capacity c on c.id = p.doctor_id where c.rpps in (:r)")
                        .param("r", List.of(notAccepting, full))
                        .query(Long.class)
                        .single())
                .isZero();

        // the e-mail to the doctor's MSSanté address, with the signed links; the doctor accepts without any account
        NotificationsTest.await(() -> !mailTo(mailA).isEmpty());
        MimeMessage toDoctor = mailTo(mailA).getFirst();
        assertThat(toDoctor.getSubject()).contains("proposition " + proposal);
        String accept = NotificationsTest.link(toDoctor, "Accepter");
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.submit(accept, accept, Map.of()).body().replace("&#39;", "'"))
                .contains("Votre réponse est enregistrée");
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select committed from doctor_capacity where id = :d")
                        .param("d", doctorA)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // later the doctor signs in with an account bearing that RPPS: "Mes propositions" shows the proposal
        String login = "dr-annuaire-" + tag + "@test.traitant.fr";
        long account =
                accounts.createLocal(login, "Dr Annuaire", Role.DOCTOR, TestAccounts.PASSWORD, Rpps.of(accepting));
        WebSession doctor = new WebSession(port);
        assertThat(doctor.login(login, TestAccounts.PASSWORD).status()).isEqualTo(302);
        assertThat(doctor.get("/propositions").body()).contains("/propositions/" + proposal + "\"");
        assertThat(doctor.get("/propositions/" + proposal).status()).isEqualTo(200);
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where record_type = 'proposal' and record_id = :p and person_ref in (:refs)")
                        .param("p", Long.toString(proposal))
                        .param("refs", households.personRefs(household))
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(capacities.capacity(account).orElseThrow().doctorId()).isEqualTo(doctorA);
        // another doctor does not see it
        WebSession other = TestAccounts.signedIn(accounts, Role.DOCTOR, port);
        assertThat(other.get("/propositions/" + proposal).status()).isEqualTo(404);
        assertThat(other.get("/propositions").body()).doesNotContain("/propositions/" + proposal + "\"");

        // declaring availability links the account to the same workflow doctor, places already committed kept
        capacities.declareCapacity(account, accepting, "52121", 3);
        assertThat(jdbc.sql("select count(*) from doctor_capacity where rpps = :r")
                        .param("r", accepting)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select doctor_account_id = :a and committed = 1 and capacity = 3 from doctor_capacity where id = :d")
                        .param("a", account)
                        .param("d", doctorA)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
