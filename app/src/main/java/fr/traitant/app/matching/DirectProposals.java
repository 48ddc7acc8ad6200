package fr.traitant.app.matching;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: a named doctor proposed to a waiting family without a run — a successor taking over a departing doctor's
 * practice, a returning family's former médecin traitant (issue #20). The proposal then follows the usual workflow.
 */
@Service
public class DirectProposals {

    private final WaitingList waitingList;
    private final CapacityRepository capacityRows;
    private final ProposalWorkflow workflow;

    DirectProposals(WaitingList waitingList, CapacityRepository capacityRows, ProposalWorkflow workflow) {
        this.waitingList = waitingList;
        this.capacityRows = capacityRows;
        this.workflow = workflow;
    }

    /**
     * Proposes the doctor with this RPPS (their workflow row: account first, else the directory's MSSanté mirror) for a
     * waiting entry. Empty when the doctor has no workflow row or the entry is not waiting.
     */
    @Transactional
    public Optional<ProposalId> propose(long entryId, String rpps, String reason) {
        if (waitingList.get(entryId).status() != WaitingList.Status.WAITING) {
            return Optional.empty();
        }
        return capacityRows
                .doctorOfRpps(rpps)
                .map(doctorId -> workflow.propose(entryId, WorkflowDoctorId.of(doctorId), reason));
    }
}
