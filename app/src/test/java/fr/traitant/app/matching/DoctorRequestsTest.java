package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.continuity.ContinuityWorld;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #20, point 4: a full doctor's own waiting list. Two families ask for the same full doctor; when a place frees,
 * the older request is proposed first — by the next matching run, before the run's own assignments — and the younger
 * one keeps its rank.
 */
@IntegrationTest
class DoctorRequestsTest {

    @Autowired
    ContinuityWorld world;

    @Autowired
    DoctorRequests requests;

    @Autowired
    WaitingList waitingList;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    MatchingRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_full_doctors_own_waiting_list_is_served_first_when_places_free() {
        // one family of two holds the doctor's two places with a pending proposal: the doctor is full
        var doctor = world.doctor("Lefebvre", "04019", "04400", 44.3869, 6.6518, 2);
        long holder = world.family("Dumas", "04019", null, null);
        long doctorId = jdbc.sql("select id from doctor_capacity where rpps = ?")
                .param(doctor.rpps())
                .query(Long.class)
                .single();
        ProposalId holding = workflow.propose(
                waitingList.register(holder, WaitingList.Source.ONLINE, Instant.now()),
                WorkflowDoctorId.of(doctorId),
                "test");
        long older = world.family("Aubert", "04019", null, null);
        long younger = world.family("Brun", "04019", null, null);
        assertThat(requests.request(older, doctor.rpps()).rank()).isEqualTo(1);
        assertThat(requests.request(younger, doctor.rpps()).rank()).isEqualTo(2);
        assertThat(requests.request(older, doctor.rpps()).rank())
                .as("asking twice keeps the first date")
                .isEqualTo(1);
        // both also wait on the general list, where a run could give them anybody
        waitingList.register(older, WaitingList.Source.ONLINE, Instant.now());
        waitingList.register(younger, WaitingList.Source.ONLINE, Instant.now());
        assertThat(requests.serve()).as("no place yet").isZero();

        workflow.declineAs(holding, doctor.accountId());
        // the run of the département serves the doctor's own list before its own assignments
        long run = runs.run("04");
        ProposalId proposal = workflow.openProposal(older).orElseThrow();
        assertThat(world.doctorOf(proposal.value())).isEqualTo(doctor.rpps());
        assertThat(world.reasonOf(proposal.value())).startsWith("Vous aviez demandé ce médecin le ");
        assertThat(runs.get(run).lines())
                .as("the run saw the doctor full again and the older family already proposed")
                .noneMatch(l -> l.householdId() == older)
                .noneMatch(l -> l.doctorId() != null && l.doctorId() == doctorId);
        assertThat(requests.ofHousehold(older).getFirst().status()).isEqualTo("PROPOSED");
        DoctorRequests.Request waiting = requests.ofHousehold(younger).getFirst();
        assertThat(waiting.waiting()).isTrue();
        assertThat(waiting.rank()).isEqualTo(1);
        requests.cancel(younger, waiting.id());
        assertThat(requests.waitingFor(doctor.rpps())).isZero();
    }
}
