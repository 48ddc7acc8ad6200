package fr.traitant.engine.matching;

import fr.traitant.engine.geo.GeoPoint;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A household looking for a médecin traitant. It is served whole, by a single doctor, or not at all.
 *
 * @param id unique, non-blank
 * @param size number of people, at least 1
 * @param location home
 * @param priority 1 (highest) to 5
 * @param waitingSince date the household started waiting; earlier dates win ties
 * @param maxMinutes longest acceptable travel time in minutes, &gt; 0 (30 by default)
 * @param needs what the doctor must offer
 */
public record Household(String id, int size, GeoPoint location, int priority, LocalDate waitingSince,
                        double maxMinutes, Needs needs) {

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
            throw new IllegalArgumentException("household " + id + ": maxMinutes must be within (0, 1440], got " + maxMinutes);
        }
        Objects.requireNonNull(needs, "needs");
    }

    /** A household with no particular need and the default 30-minute limit. */
    public static Household of(String id, int size, GeoPoint location, int priority, LocalDate waitingSince) {
        return new Household(id, size, location, priority, waitingSince, DEFAULT_MAX_MINUTES, Needs.NONE);
    }
}
