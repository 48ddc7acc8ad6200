package fr.traitant.engine.supply;

import fr.traitant.engine.accessibility.DoctorActivity;
import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.geo.GeoPoint;
import java.util.Objects;

/**
 * A made-up doctor from {@link SyntheticSupplyGenerator}: <strong>synthetic data, not a real
 * person</strong>. Ids start with {@value #ID_PREFIX} so they can never be mistaken for RPPS numbers
 * (11 digits); wherever shown, label them with {@link #LABEL}.
 *
 * @param id                   {@code SYNTH-} followed by a 6-digit sequence number
 * @param specialty            specialty
 * @param communeCode          INSEE code of the commune of practice
 * @param position             practice location, near the commune's point
 * @param ageYears             age in years
 * @param consultationsPerYear yearly activity, ≥ 0
 * @param newPatients          whether new patients are taken
 * @param newPatientCapacity   how many more patients as médecin traitant (0 unless accepting)
 */
public record SyntheticDoctor(
        String id,
        Specialty specialty,
        String communeCode,
        GeoPoint position,
        int ageYears,
        double consultationsPerYear,
        NewPatients newPatients,
        int newPatientCapacity) {

    /** Prefix of every synthetic id. */
    public static final String ID_PREFIX = "SYNTH-";

    /** Label to show next to synthetic data. */
    public static final String LABEL = "Données synthétiques (fictives)";

    public SyntheticDoctor {
        Objects.requireNonNull(id, "id");
        if (!id.startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("synthetic ids start with " + ID_PREFIX + ": " + id);
        }
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(communeCode, "communeCode");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(newPatients, "newPatients");
        if (!(consultationsPerYear >= 0)) {
            throw new IllegalArgumentException("consultations must be >= 0");
        }
        if (newPatientCapacity < 0 || (newPatients != NewPatients.ACCEPTING && newPatientCapacity != 0)) {
            throw new IllegalArgumentException("capacity must be >= 0 and 0 unless accepting new patients");
        }
    }

    /** This doctor as supply for the accessibility indicator (with age, for the over-65 option). */
    public DoctorActivity toActivity() {
        return DoctorActivity.of(id, communeCode, consultationsPerYear, ageYears);
    }
}
