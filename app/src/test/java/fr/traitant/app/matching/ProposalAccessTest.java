package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A doctor sees only the proposals addressed to them; reads are audited. */
@IntegrationTest
class ProposalAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    MatchingFixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    private long household() {
        return fixtures.household("Foyer Proposé", "83137", "Zoé", "Proposée", java.time.LocalDate.of(1990, 3, 3));
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_doctor_sees_only_proposals_addressed_to_them() {
        SignedInUser drA = TestAccounts.create(accounts, Role.DOCTOR);
        SignedInUser drB = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(drA.accountId(), null, "83137", 5);
        capacities.declareCapacity(drB.accountId(), null, "83137", 5);
        long toA = workflow.proposeFromCase(
                        household(), fr.traitant.app.identity.AccountId.of(drA.accountId()), "TEST-A")
                .value();
        long toB = workflow.proposeFromCase(
                        household(), fr.traitant.app.identity.AccountId.of(drB.accountId()), "TEST-B")
                .value();

        WebSession a = new WebSession(port);
        a.login(drA.username(), TestAccounts.PASSWORD);
        WebSession.Response list = a.get("/api/v1/proposals", "application/json");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":" + toA).doesNotContain("\"id\":" + toB);
        assertThat(a.get("/api/v1/proposals/" + toA, "application/json").status())
                .isEqualTo(200);
        WebSession.Response other = a.get("/api/v1/proposals/" + toB, "application/json");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("\"householdId\"");
        assertThat(a.get("/propositions").body()).contains("Propositions qui me sont adressées");

        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        assertThat(advisor.get("/api/v1/proposals/" + toB, "application/json").status())
                .isEqualTo(200);

        long reads = jdbc.sql(
                        "select count(*) from audit_event where record_type = 'proposal' and record_id = :id and action = 'READ'")
                .param("id", Long.toString(toA))
                .query(Long.class)
                .single();
        assertThat(reads).isGreaterThanOrEqualTo(2);
    }
}
