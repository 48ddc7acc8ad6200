package fr.traitant.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.matching.ProposalId;
import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A proposal made from a case file goes through the proposal workflow: it counts the whole household, has an answer
 * period, e-mails the doctor, and a household never has two open proposals or two attachments — even when the form is
 * sent twice at once.
 */
@IntegrationTest
class CaseProposalTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    fr.traitant.app.matching.DoctorCapacities capacities;

    @Autowired
    JdbcClient jdbc;

    long household;
    long caseId;
    long doctor;
    String doctorEmail;
    WebSession advisor;

    @BeforeEach
    void aTwoPersonHouseholdWithACaseAndADoctor() {
        SignedInUser insured = TestAccounts.create(accounts, Role.INSURED);
        household = households.create(
                "Foyer Double",
                InseeCode.of("83137"),
                List.of(
                        new NewMember("Léa", "Double", LocalDate.of(1987, 4, 4), null, null, null),
                        new NewMember("Tom", "Double", LocalDate.of(2015, 9, 9), null, null, null)));
        households.link(household, insured.accountId());
        WebSession person = new WebSession(port);
        person.login(insured.username(), TestAccounts.PASSWORD);
        WebSession.Response filed =
                person.submit("/demandes/nouvelle", "/demandes", CaseAccessTest.validRequest("PASS", "FIND_DOCTOR"));
        Matcher m = Pattern.compile("/mes-demandes/(\\d+)").matcher(filed.location());
        assertThat(m.find()).as(filed.location()).isTrue();
        caseId = Long.parseLong(m.group(1));
        doctor = TestAccounts.create(accounts, Role.DOCTOR).accountId();
        doctorEmail = "dr-" + doctor + "@medecin.mssante.fr";
        capacities.declareCapacity(doctor, null, "83137", 5, doctorEmail);
        advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
    }

    private WebSession.Response propose(String csrfPage) {
        return advisor.post(
                "/dossiers/" + caseId + "/proposition",
                Map.of("medecin", "account:" + doctor, "_csrf", WebSession.csrfToken(csrfPage)));
    }

    @Test
    void counts_the_whole_household_has_a_deadline_and_e_mails_the_doctor() {
        Instant before = Instant.now();
        WebSession.Response answer = propose(advisor.get("/dossiers/" + caseId).body());
        assertThat(answer.status()).isEqualTo(302);
        Map<String, Object> proposal = jdbc.sql(
                        "select id, people, status, deadline, waiting_entry_id from proposal where household_id = :h")
                .param("h", household)
                .query()
                .singleRow();
        assertThat(proposal.get("people")).isEqualTo(2);
        assertThat(proposal.get("status")).isEqualTo("PENDING");
        assertThat(proposal.get("waiting_entry_id")).isNotNull();
        Instant deadline = ((java.sql.Timestamp) proposal.get("deadline")).toInstant();
        assertThat(Duration.between(before, deadline))
                .isBetween(
                        Duration.ofDays(14).minusMinutes(5), Duration.ofDays(14).plusMinutes(5));
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r and reference = :ref")
                        .param("r", doctorEmail)
                        .param("ref", "proposal:" + proposal.get("id"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // like a run's proposal, it expires and the household goes back to the list
        jdbc.sql("update proposal set deadline = now() - interval '1 minute' where id = :id")
                .param("id", proposal.get("id"))
                .update();
        workflow.expireOverdue();
        assertThat(workflow.status(ProposalId.of((Long) proposal.get("id")))).isEqualTo("EXPIRED");
        assertThat(jdbc.sql("select subject from outbox_message where recipient = :r and reference = :ref order by id")
                        .param("r", doctorEmail)
                        .param("ref", "proposal:" + proposal.get("id"))
                        .query(String.class)
                        .list())
                .last()
                .asString()
                .contains("a expiré");
    }

    @Test
    void the_same_form_sent_twice_at_once_makes_one_proposal_and_a_clear_conflict() throws Exception {
        String page = advisor.get("/dossiers/" + caseId).body();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<WebSession.Response>> answers = List.of(
                CompletableFuture.supplyAsync(() -> await(go, () -> propose(page))),
                CompletableFuture.supplyAsync(() -> await(go, () -> propose(page))));
        go.countDown();
        List<WebSession.Response> done =
                answers.stream().map(CompletableFuture::join).toList();
        // the second is stopped either as a repeated form (same session, same values) or by the workflow
        assertThat(done).extracting(WebSession.Response::status).containsExactlyInAnyOrder(302, 409);
        assertThat(jdbc.sql("select count(*) from proposal where household_id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // another advisor proposing the same household meanwhile: refused by the workflow, and the page says why
        advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        WebSession.Response again = propose(advisor.get("/dossiers/" + caseId).body());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Une proposition est déjà en cours pour ce foyer");
        assertThat(jdbc.sql("select count(*) from proposal where household_id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void accepted_and_confirmed_twice_commits_the_household_once() {
        propose(advisor.get("/dossiers/" + caseId).body());
        long proposal = jdbc.sql("select id from proposal where household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();
        workflow.acceptAs(ProposalId.of(proposal), doctor);
        assertThatThrownBy(() -> workflow.acceptAs(ProposalId.of(proposal), doctor))
                .isInstanceOf(ProposalWorkflow.TransitionRefused.class);
        workflow.confirmAs(ProposalId.of(proposal), household);
        assertThatThrownBy(() -> workflow.confirmAs(ProposalId.of(proposal), household))
                .isInstanceOf(ProposalWorkflow.TransitionRefused.class);
        assertThat(capacities.capacity(doctor).orElseThrow().committed()).isEqualTo(2);

        // the confirmation closed the "find a doctor" case by itself
        assertThat(jdbc.sql("select status || '/' || outcome from case_file where id = :id")
                        .param("id", caseId)
                        .query(String.class)
                        .single())
                .isEqualTo("CLOSED/DOCTOR_DECLARED");
        // the household has chosen its doctor: another proposal is refused now, not at the family's confirmation
        assertThatThrownBy(() -> workflow.proposeFromCase(
                        household, fr.traitant.app.identity.AccountId.of(doctor), "AUTRE-DOSSIER"))
                .isInstanceOf(ProposalWorkflow.TransitionRefused.class)
                .hasMessageContaining("Ce foyer a déjà choisi son médecin traitant avec Traitant");
    }

    @Test
    void the_database_refuses_a_second_open_proposal_or_a_second_attachment() {
        propose(advisor.get("/dossiers/" + caseId).body());
        long doctorRow = capacities.capacity(doctor).orElseThrow().doctorId();
        assertThatThrownBy(() -> jdbc.sql(
                                "insert into proposal (household_id, doctor_id, status) values (:h, :d, 'PENDING')")
                        .param("h", household)
                        .param("d", doctorRow)
                        .update())
                .isInstanceOf(DuplicateKeyException.class);
        jdbc.sql("insert into proposal (household_id, doctor_id, status) values (:h, :d, 'ATTACHED')")
                .param("h", household)
                .param("d", doctorRow)
                .update();
        assertThatThrownBy(() -> jdbc.sql(
                                "insert into proposal (household_id, doctor_id, status) values (:h, :d, 'ATTACHED')")
                        .param("h", household)
                        .param("d", doctorRow)
                        .update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static <T> T await(CountDownLatch go, java.util.function.Supplier<T> action) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }
}
