package fr.traitant.app.network;

/**
 * Signatories in a département.
 *
 * @param code           département code
 * @param name           département name
 * @param members        current signatories
 * @param newPatientsPerYear sum of their stated yearly new-patient capacity
 */
public record DepartementCount(String code, String name, int members, long newPatientsPerYear) {}
