package fr.traitant.engine.accessibility;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One doctor as a source of supply for the accessibility indicator.
 *
 * @param id                   stable identifier (unique within one computation)
 * @param communeCode          INSEE code of the commune where the doctor practises
 * @param consultationsPerYear yearly activity (consultations and visits), ≥ 0 and finite
 * @param ageYears             age in whole years, when known (used to exclude older doctors)
 */
public record DoctorActivity(String id, String communeCode, double consultationsPerYear, OptionalInt ageYears) {

    public DoctorActivity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(communeCode, "communeCode");
        Objects.requireNonNull(ageYears, "ageYears");
        if (!(consultationsPerYear >= 0) || Double.isInfinite(consultationsPerYear)) {
            throw new IllegalArgumentException("consultations per year must be finite and >= 0, got "
                    + consultationsPerYear + " for doctor " + id);
        }
    }

    /** A doctor of unknown age. */
    public static DoctorActivity of(String id, String communeCode, double consultationsPerYear) {
        return new DoctorActivity(id, communeCode, consultationsPerYear, OptionalInt.empty());
    }

    /** A doctor of known age. */
    public static DoctorActivity of(String id, String communeCode, double consultationsPerYear, int ageYears) {
        return new DoctorActivity(id, communeCode, consultationsPerYear, OptionalInt.of(ageYears));
    }

    /** This doctor with another activity. */
    public DoctorActivity withConsultationsPerYear(double consultations) {
        return new DoctorActivity(id, communeCode, consultations, ageYears);
    }
}
