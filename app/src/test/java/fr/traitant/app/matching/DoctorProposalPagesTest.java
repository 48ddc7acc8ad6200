package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.Nir;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Mes propositions": the doctor sees the profile of the households proposed to them (minimum necessary, never the
 * NIR), only theirs (404 otherwise), every read audited; and declares their availability, errors next to the field.
 */
@IntegrationTest
class DoctorProposalPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    WaitingList waitingList;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    JdbcClient jdbc;

    WebSession signIn(SignedInUser user) {
        WebSession session = new WebSession(port);
        WebSession.Response r = session.login(user.username(), TestAccounts.PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        return session;
    }

    long auditRows(long proposal, long accountId) {
        return jdbc.sql("""
                        select count(*) from audit_event where record_type = 'proposal' and record_id = :p and action = 'READ'
                           and actor_account_id = :a and person_ref is not null""")
                .param("p", Long.toString(proposal))
                .param("a", accountId)
                .query(Long.class)
                .single();
    }

    @Test
    void a_doctor_sees_the_profile_of_the_households_proposed_to_them_only_and_each_read_is_audited() {
        SignedInUser doctor = TestAccounts.create(accounts, Role.DOCTOR);
        SignedInUser other = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(doctor.accountId(), null, "31555", 5); // Toulouse
        String nir = TransfersTest.nir();
        long household = households.create(
                "Foyer Profil",
                InseeCode.of("31555"),
                List.of(
                        new NewMember("Nadia", "Profilova", LocalDate.now().minusYears(40), Nir.of(nir), null, null),
                        new NewMember("Sami", "Profilova", LocalDate.now().minusYears(6), null, null, null)));
        jdbc.sql("update member set long_term_condition = 'DIABETES' where household_id = :h and first_name = 'Nadia'")
                .param("h", household)
                .update();
        long entry = waitingList.register(household, WaitingList.Source.CASE, Instant.now());
        long proposal = workflow.propose(
                        entry,
                        capacities.capacity(doctor.accountId()).orElseThrow().doctor(),
                        "test")
                .value();

        WebSession session = signIn(doctor);
        String list = session.get("/propositions").body();
        assertThat(list)
                .contains("2 personne(s)")
                .contains("1 de 3 à 15 ans")
                .contains("1 de 16 à 59 ans")
                .contains("ALD : oui")
                .contains("enfant(s) de moins de 16 ans")
                .contains("Toulouse (31)")
                .contains(" min");
        WebSession.Response one = session.get("/propositions/" + proposal);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body())
                .contains("Toulouse (31)")
                .contains("suivi pédiatrique")
                .doesNotContain("Profilova")
                .doesNotContain(nir)
                .doesNotContain(nir.substring(0, 13))
                .doesNotContain("Diabète");
        assertThat(list).doesNotContain("Profilova").doesNotContain(nir.substring(0, 13));
        assertThat(auditRows(proposal, doctor.accountId())).isGreaterThanOrEqualTo(4); // two members × two reads

        WebSession intruder = signIn(other);
        assertThat(intruder.get("/propositions/" + proposal).status()).isEqualTo(404);
        assertThat(intruder.get("/propositions").body()).doesNotContain("Toulouse (31)");
        assertThat(auditRows(proposal, other.accountId())).isZero();
        // agents follow proposals on their own pages, not on the doctor's
        assertThat(TestAccounts.signedIn(accounts, Role.ADVISOR, port)
                        .get("/propositions/" + proposal)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_availability_form_shows_each_error_next_to_its_field_and_records_a_valid_declaration() {
        SignedInUser doctor = TestAccounts.create(accounts, Role.DOCTOR);
        WebSession session = signIn(doctor);
        WebSession.Response bad = session.submit(
                "/propositions",
                "/propositions/capacite",
                Map.of("status", "ACCEPTING", "capacity", "beaucoup", "commune", "31555"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body())
                .contains("id=\"capacity-error\"")
                .contains("nombre entier")
                .doesNotContain("id=\"commune-error\"")
                .contains("value=\"beaucoup\"");
        WebSession.Response noCommune = session.submit(
                "/propositions",
                "/propositions/capacite",
                Map.of("status", "ACCEPTING", "capacity", "4", "commune", "99999"));
        assertThat(noCommune.body()).contains("id=\"commune-error\"").contains("Commune introuvable");
        WebSession.Response notAccepting = session.submit(
                "/propositions",
                "/propositions/capacite",
                Map.of("status", "NOT_ACCEPTING", "capacity", "4", "commune", "31555"));
        assertThat(notAccepting.body()).contains("id=\"capacity-error\"").contains("mettez 0");
        WebSession.Response noStatus = session.submit(
                "/propositions", "/propositions/capacite", Map.of("status", "", "capacity", "4", "commune", "31555"));
        assertThat(noStatus.body()).contains("id=\"status-error\"");
        assertThat(capacities.capacity(doctor.accountId())).isEmpty();

        WebSession.Response ok = session.submit(
                "/propositions",
                "/propositions/capacite",
                Map.of("status", "ACCEPTING", "capacity", "4", "commune", "31555"));
        assertThat(ok.status()).isEqualTo(302);
        DoctorCapacities.Capacity capacity =
                capacities.capacity(doctor.accountId()).orElseThrow();
        assertThat(capacity.capacity()).isEqualTo(4);
        assertThat(capacity.accepting()).isTrue();
        assertThat(capacity.communeCode()).isEqualTo("31555");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where record_type = 'doctor_availability' and record_id = :a and action = 'UPDATE'")
                        .param("a", Long.toString(doctor.accountId()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
