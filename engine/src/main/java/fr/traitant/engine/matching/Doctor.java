package fr.traitant.engine.matching;

import fr.traitant.engine.geo.GeoPoint;
import java.util.Objects;

/**
 * A GP who may take new patients.
 *
 * @param id unique, non-blank
 * @param location practice
 * @param capacity number of new patients (people, not households) the doctor takes, &ge; 0
 * @param accepting false when the doctor currently takes nobody new (capacity then unused)
 * @param capabilities needs the doctor can meet
 */
public record Doctor(String id, GeoPoint location, int capacity, boolean accepting, Capabilities capabilities) {

    public Doctor {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("doctor id must not be blank");
        Objects.requireNonNull(location, "location");
        if (capacity < 0) throw new IllegalArgumentException("doctor " + id + ": capacity must be >= 0, got " + capacity);
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /** An accepting doctor meeting every need but language. */
    public static Doctor of(String id, GeoPoint location, int capacity) {
        return new Doctor(id, location, capacity, true, Capabilities.GENERAL);
    }
}
