package fr.traitant.engine.matching;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.travel.DensityClass;
import java.util.Objects;

/**
 * A GP who may take new patients.
 *
 * @param id unique, non-blank
 * @param location practice
 * @param capacity number of new patients (people, not households) the doctor takes, &ge; 0
 * @param accepting false when the doctor currently takes nobody new (capacity then unused)
 * @param capabilities needs the doctor can meet
 * @param density settlement density at the practice: the road speed at this end of a trip ({@link RoadTravelTimes})
 * @param networkMember signed the médecins solidaires charter: preferred for transferred families
 *     ({@link Household#prefersNetwork()})
 */
public record Doctor(
        String id,
        GeoPoint location,
        int capacity,
        boolean accepting,
        Capabilities capabilities,
        DensityClass density,
        boolean networkMember) {

    public Doctor {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("doctor id must not be blank");
        Objects.requireNonNull(location, "location");
        if (capacity < 0)
            throw new IllegalArgumentException("doctor " + id + ": capacity must be >= 0, got " + capacity);
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(density, "density");
    }

    /** A doctor at intermediate density, outside the network. */
    public Doctor(String id, GeoPoint location, int capacity, boolean accepting, Capabilities capabilities) {
        this(id, location, capacity, accepting, capabilities, DensityClass.INTERMEDIATE, false);
    }

    /** An accepting doctor meeting every need but language. */
    public static Doctor of(String id, GeoPoint location, int capacity) {
        return new Doctor(id, location, capacity, true, Capabilities.UNRESTRICTED);
    }

    /** This doctor, in the network or not. */
    public Doctor withNetworkMember(boolean member) {
        return new Doctor(id, location, capacity, accepting, capabilities, density, member);
    }

    /** This doctor at another density. */
    public Doctor withDensity(DensityClass densityClass) {
        return new Doctor(id, location, capacity, accepting, capabilities, densityClass, networkMember);
    }
}
