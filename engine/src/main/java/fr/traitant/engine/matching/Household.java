package fr.traitant.engine.matching;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.travel.DensityClass;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A household looking for a médecin traitant. It is served whole, by a single doctor, or not at all.
 *
 * @param id unique, non-blank
 * @param size number of people, at least 1
 * @param location home
 * @param priority 1 (highest) to 5
 * @param waitingSince date the household started waiting; earlier dates win ties
 * @param maxMinutes longest acceptable travel time in minutes (real, estimated road minutes), &gt; 0 (30 by default)
 * @param needs what the doctor must offer
 * @param density settlement density at home: the road speed at this end of a trip ({@link RoadTravelTimes})
 * @param prefersNetwork a transferred military family: a doctor outside the médecins solidaires network costs
 *     {@link MatchingOptions#networkPreferenceMinutes()} more in the objective (never in the travel limit)
 * @param excludedDoctors ids of doctors never to propose to this household (the doctor declined it, it refused the
 *     doctor, a proposal expired); copied
 */
public record Household(
        String id,
        int size,
        GeoPoint location,
        int priority,
        LocalDate waitingSince,
        double maxMinutes,
        Needs needs,
        DensityClass density,
        boolean prefersNetwork,
        Set<String> excludedDoctors) {

    /** Default maximum travel time, in minutes (the France Santé 30-minute promise). */
    public static final double DEFAULT_MAX_MINUTES = 30.0;

    public Household {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("household id must not be blank");
        if (size < 1) throw new IllegalArgumentException("household " + id + ": size must be at least 1, got " + size);
        Objects.requireNonNull(location, "location");
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("household " + id + ": priority must be within 1..5, got " + priority);
        }
        Objects.requireNonNull(waitingSince, "waitingSince");
        if (!(maxMinutes > 0 && maxMinutes <= 24 * 60)) {
            throw new IllegalArgumentException(
                    "household " + id + ": maxMinutes must be within (0, 1440], got " + maxMinutes);
        }
        Objects.requireNonNull(needs, "needs");
        Objects.requireNonNull(density, "density");
        excludedDoctors = Set.copyOf(excludedDoctors);
    }

    /** A household at intermediate density, not transferred, excluding no doctor. */
    public Household(
            String id,
            int size,
            GeoPoint location,
            int priority,
            LocalDate waitingSince,
            double maxMinutes,
            Needs needs) {
        this(id, size, location, priority, waitingSince, maxMinutes, needs, DensityClass.INTERMEDIATE, false, Set.of());
    }

    /** A household with no particular need and the default 30-minute limit. */
    public static Household of(String id, int size, GeoPoint location, int priority, LocalDate waitingSince) {
        return new Household(id, size, location, priority, waitingSince, DEFAULT_MAX_MINUTES, Needs.NONE);
    }

    /** This household with other excluded doctors. */
    public Household withExcludedDoctors(Set<String> doctorIds) {
        return new Household(
                id, size, location, priority, waitingSince, maxMinutes, needs, density, prefersNetwork, doctorIds);
    }

    /** This household, transferred (network doctors preferred) or not. */
    public Household withPrefersNetwork(boolean prefers) {
        return new Household(
                id, size, location, priority, waitingSince, maxMinutes, needs, density, prefers, excludedDoctors);
    }

    /** This household at another density. */
    public Household withDensity(DensityClass densityClass) {
        return new Household(
                id,
                size,
                location,
                priority,
                waitingSince,
                maxMinutes,
                needs,
                densityClass,
                prefersNetwork,
                excludedDoctors);
    }
}
