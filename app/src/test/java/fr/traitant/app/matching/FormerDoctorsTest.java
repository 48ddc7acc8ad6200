package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.continuity.ContinuityWorld;
import fr.traitant.app.platform.FrenchDates;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #20, point 3: a transferred family that returns where it had a médecin traitant within the last years is first
 * proposed that doctor, who still practises there — not the nearest doctor with places.
 */
@IntegrationTest
class FormerDoctorsTest {

    @Autowired
    ContinuityWorld world;

    @Autowired
    Transfers transfers;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    WaitingList waitingList;

    @Autowired
    FormerDoctors formerDoctors;

    @Autowired
    JdbcClient jdbc;

    private void transfer(long household, String commune, LocalDate arrival) {
        String ref = world.reference(household);
        String member = ref.substring(0, ref.length() - 2) + "-1";
        transfers.importPlan(new StringReader(String.join(";", Transfers.COLUMNS) + "\n" + member + ";" + ref + ";"
                + commune + ";" + arrival + "\n"));
    }

    @Test
    void a_family_returning_within_three_years_is_proposed_its_former_doctor_first() {
        // in Sisteron, with its doctor; a nearer doctor with more places opens in the same commune meanwhile
        var former = world.doctor("Mercier", "04209", "04200", 44.200, 5.950, 3);
        long family = world.family("Lambert", "04209", former.rpps(), null);
        LocalDate today = LocalDate.now(FrenchDates.PARIS);

        // transferred to Brest: the Sisteron doctor becomes a former doctor
        transfer(family, "29019", today.plusDays(20));
        assertThat(formerDoctors.of(family, null)).containsExactly(former.rpps());
        waitingList.openEntry(family).ifPresent(e -> {
            workflow.openProposal(family)
                    .ifPresent(p -> jdbc.sql("update proposal set status = 'EXPIRED' where id = ?")
                            .param(p.value())
                            .update());
            waitingList.changeStatus(e.id(), WaitingList.Status.WITHDRAWN, "Test : la famille s’installe");
        });
        world.moves(family, "Lambert", "29019", null);

        // back to Sisteron a year later: the former doctor is proposed, not the nearest one
        var nearest = world.doctor("Noel", "04209", "04200", 44.19002, 5.94643, 10);
        transfer(family, "04209", today.plusDays(30));
        ProposalId proposal = workflow.openProposal(family).orElseThrow();
        assertThat(world.doctorOf(proposal.value())).isEqualTo(former.rpps()).isNotEqualTo(nearest.rpps());
        assertThat(world.reasonOf(proposal.value())).startsWith("Votre ancien médecin traitant");
    }
}
