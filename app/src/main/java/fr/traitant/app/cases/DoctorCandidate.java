package fr.traitant.app.cases;

import org.jspecify.annotations.Nullable;

/**
 * A doctor an agent may contact for a case. {@code accountId} is the doctor's account when they have one (a
 * proposal can then be sent to them); {@code communeName} and {@code networkMember} may be unknown.
 */
public record DoctorCandidate(
        String ref,
        String name,
        @Nullable Long accountId,
        @Nullable String communeCode,
        @Nullable String communeName,
        @Nullable Boolean networkMember,
        @Nullable Boolean acceptingNewPatients) {}
