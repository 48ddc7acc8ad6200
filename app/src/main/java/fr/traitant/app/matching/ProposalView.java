package fr.traitant.app.matching;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A proposal as its doctor (or an agent) sees it; no account id when made to a directory doctor without account (ADR 0051). */
public record ProposalView(
        long id, long householdId, @Nullable Long doctorAccountId, String status, Instant createdAt) {

    /** The state in French, as the doctor reads it. */
    public String statusLabel() {
        for (ProposalStatus s : ProposalStatus.values()) {
            if (s.name().equals(status)) {
                return s.doctorLabel();
            }
        }
        return status;
    }
}
