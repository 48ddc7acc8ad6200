package fr.traitant.app.network;

import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.geo.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the network needs from the directory of doctors — a port implemented by the {@code directory} module, which
 * depends on {@code network} (never the reverse). The directory also keeps its "network member" flag by listening to
 * {@link CharterSigned} and {@link CharterWithdrawn}.
 */
public interface NetworkDoctors {

    /**
     * A doctor of the directory as the network sees them.
     *
     * @param id          directory id
     * @param rpps        RPPS number, if known
     * @param displayName "Dr Prénom NOM"
     * @param mssante     secure e-mail address (may be blank)
     * @param synthetic   a synthetic doctor of the demo data
     * @param active      still practising (present in the last national extraction)
     * @param communeCode commune of the main practice location
     * @param lat         latitude of the main practice location
     * @param lon         longitude of the main practice location
     * @param newPatients whether the doctor takes new patients
     * @param capacity    new patients the doctor will take
     * @param maxComplexity 1 (simple situations) to 3
     * @param complexityDeclared whether the doctor chose their complexity themselves
     * @param availabilityUpdatedAt when the doctor last declared their availability
     */
    record Doctor(
            String id,
            Optional<String> rpps,
            String displayName,
            String mssante,
            boolean synthetic,
            boolean active,
            String communeCode,
            double lat,
            double lon,
            NewPatients newPatients,
            int capacity,
            int maxComplexity,
            boolean complexityDeclared,
            Optional<Instant> availabilityUpdatedAt) {}

    /** The doctor with this RPPS number, active or not. */
    Optional<Doctor> findByRpps(String rpps);

    /** The doctor with this directory id. */
    Optional<Doctor> find(String doctorId);

    /** RPPS number of the signed-in doctor, if the current user is one. */
    Optional<String> currentDoctorRpps();

    /** The signed-in doctor declares whether they take new patients, how many and up to which complexity. */
    void updateAvailability(String rpps, NewPatients status, int capacity, int maxComplexity);

    /** Ids of the active general practitioners nearest to a point (demo data of the network). */
    List<String> nearestGeneralPractitioners(GeoPoint point, double radiusKm, int count);
}
