package fr.traitant.app.matching;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A proposal: {@code doctorId} is the workflow doctor (null for a case worker's proposal to an account without one). */
record ProposalRow(
        long id,
        long householdId,
        @Nullable Long doctorId,
        @Nullable Long doctorAccountId,
        String status,
        @Nullable Long entryId,
        int people,
        @Nullable Instant deadline) {}
