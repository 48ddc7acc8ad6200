package fr.traitant.app.matching;

import java.time.Instant;

/** A proposal as its doctor (or an agent) sees it. */
public record ProposalView(long id, long householdId, long doctorAccountId, String status, Instant createdAt) {}
