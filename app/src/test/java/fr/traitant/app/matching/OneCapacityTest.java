package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.engine.directory.Rpps;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 4: the number of new patients a doctor sets anywhere — their space or the proposals page — is the
 * number everywhere: the directory (public card), the proposals page and the capacity the matching runs fill.
 */
@IntegrationTest
class OneCapacityTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Doctors doctors;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_number_set_on_either_page_is_the_number_everywhere() {
        String rpps = jdbc.sql("""
                select d.rpps from doctor d join commune c on c.code = d.commune_code
                 where d.synthetic and d.active and d.specialty = 'GENERAL_PRACTICE' and c.departement_code = '15'
                 order by d.id offset 1 limit 1""").query(String.class).single();
        String email = "unechiffre" + System.nanoTime() + "@medecin.mssante.fr";
        long account = accounts.createLocal(email, "Dr Un Chiffre", Role.DOCTOR, TestAccounts.PASSWORD, Rpps.of(rpps));
        WebSession doctor = new WebSession(port);
        doctor.login(email, TestAccounts.PASSWORD);

        // on the proposals page
        assertThat(doctor.submit(
                                "/propositions",
                                "/propositions/capacite",
                                Map.of("status", "ACCEPTING", "capacity", "5", "commune", "Aurillac"))
                        .status())
                .isEqualTo(302);
        assertThat(doctors.findByRpps(rpps).orElseThrow().capacity()).isEqualTo(5);
        assertThat(capacities.capacity(account).orElseThrow().capacity()).isEqualTo(5);

        // then in the doctor's space: the proposals page, the public card and the runs' capacity follow
        assertThat(doctor.submit(
                                "/espace-medecin",
                                "/espace-medecin/disponibilite",
                                Map.of("status", "ACCEPTING", "capacity", "8", "maxComplexity", "2"))
                        .status())
                .isEqualTo(302);
        assertThat(doctors.findByRpps(rpps).orElseThrow().capacity()).isEqualTo(8);
        assertThat(capacities.capacity(account).orElseThrow().capacity()).isEqualTo(8);
        assertThat(org.jsoup.Jsoup.parse(doctor.get("/propositions").body())
                        .getElementById("engagement")
                        .text())
                .contains("sur une capacité de 8");
        String doctorId = doctors.findByRpps(rpps).orElseThrow().id();
        assertThat(new WebSession(port).get("/medecins/" + doctorId).body()).contains("(8 place(s))");
        assertThat(new WebSession(port).get("/medecins/" + rpps).body()).contains("(8 place(s))");

        // fewer places than already accepted is refused on either page, and nothing changes anywhere
        jdbc.sql("update doctor_capacity set committed = 6 where doctor_account_id = :a")
                .param("a", account)
                .update();
        WebSession.Response refused = doctor.submit(
                "/espace-medecin",
                "/espace-medecin/disponibilite",
                Map.of("status", "ACCEPTING", "capacity", "4", "maxComplexity", "2"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Vous avez déjà accepté 6");
        assertThat(doctors.findByRpps(rpps).orElseThrow().capacity()).isEqualTo(8);
        assertThat(capacities.capacity(account).orElseThrow().capacity()).isEqualTo(8);

        // no longer accepting: no room left, the places taken stay counted
        assertThat(doctor.submit(
                                "/espace-medecin",
                                "/espace-medecin/disponibilite",
                                Map.of("status", "NOT_ACCEPTING", "capacity", "0", "maxComplexity", "2"))
                        .status())
                .isEqualTo(302);
        DoctorCapacities.Capacity after = capacities.capacity(account).orElseThrow();
        assertThat(after.accepting()).isFalse();
        assertThat(after.capacity()).isEqualTo(6);
        jdbc.sql("update doctor_capacity set committed = 0 where doctor_account_id = :a")
                .param("a", account)
                .update();
    }
}
