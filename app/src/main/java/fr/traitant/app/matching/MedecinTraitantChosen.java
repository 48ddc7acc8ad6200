package fr.traitant.app.matching;

/**
 * A household confirmed a doctor who had accepted it: its médecin traitant is declared (published in the confirming
 * transaction; the case module closes the household's "find me a doctor" cases with that outcome).
 */
public record MedecinTraitantChosen(long householdId, long proposalId) {}
