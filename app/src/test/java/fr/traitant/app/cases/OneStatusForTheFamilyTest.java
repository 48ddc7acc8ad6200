package fr.traitant.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 4: one status for the family. "Mon médecin traitant" shows the open PASS request about finding a
 * doctor, and the request's page shows where the search for a doctor stands.
 */
@IntegrationTest
class OneStatusForTheFamilyTest {

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
    fr.traitant.app.matching.DoctorCapacities capacities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_request_and_the_doctor_search_show_each_other() {
        SignedInUser insured = TestAccounts.create(accounts, Role.INSURED);
        long household = households.create(
                "Foyer Unique",
                InseeCode.of("83137"),
                List.of(new NewMember("Léa", "Unique", LocalDate.of(1990, 6, 1), null, null, null)));
        households.link(household, insured.accountId());
        WebSession family = new WebSession(port);
        family.login(insured.username(), TestAccounts.PASSWORD);

        WebSession.Response sent =
                family.submit("/demandes/nouvelle", "/demandes", CaseAccessTest.validRequest("PASS", "FIND_DOCTOR"));
        Matcher m = Pattern.compile("/mes-demandes/(\\d+)").matcher(sent.location());
        assertThat(m.find()).as(sent.location()).isTrue();
        long caseId = Long.parseLong(m.group(1));
        String reference = jdbc.sql("select reference from case_file where id = :id")
                .param("id", caseId)
                .query(String.class)
                .single();

        // "Mon médecin traitant" shows the request
        org.jsoup.nodes.Document page =
                Jsoup.parse(family.get("/mon-medecin-traitant").body());
        assertThat(page.getElementById("demandes-accompagnement").text())
                .contains(reference)
                .contains("Accompagnement PASS")
                .contains("Reçue");
        // and never "no request in progress" beside it
        assertThat(page.getElementById("sans-demande")).isNull();

        // a doctor is proposed to the household: the request's page says so
        SignedInUser doctor = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(doctor.accountId(), null, "83137", 3, null);
        long entry = waitingList.register(household, WaitingList.Source.CASE, java.time.Instant.now());
        workflow.propose(
                entry, capacities.capacity(doctor.accountId()).orElseThrow().doctor(), "Test");
        String request = Jsoup.parse(family.get("/mes-demandes/" + caseId).body())
                .getElementById("recherche-medecin")
                .text();
        assertThat(request).contains("Un médecin a reçu une proposition pour votre foyer");
    }
}
