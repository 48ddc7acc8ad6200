package fr.traitant.app.directory;

/**
 * A doctor as supply of care: what the accessibility indicator counts.
 *
 * @param doctorId             directory id
 * @param communeCode          INSEE code of the practice commune
 * @param generalPractitioner  whether the doctor is a GP (the APL counts GPs only)
 * @param consultationsPerYear yearly activity, ≥ 0
 * @param ageYears             age in years at the time of reading, or -1 if unknown
 */
public record SupplyLine(
        String doctorId, String communeCode, boolean generalPractitioner, double consultationsPerYear, int ageYears) {}
