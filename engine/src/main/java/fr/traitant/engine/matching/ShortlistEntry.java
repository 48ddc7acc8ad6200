package fr.traitant.engine.matching;

/**
 * One household on a doctor's shortlist.
 *
 * @param householdId household
 * @param size people
 * @param priority priority class
 * @param minutes travel time to the doctor, minutes
 * @param kind proposed by the optimum, or alternate
 */
public record ShortlistEntry(String householdId, int size, int priority, double minutes, Kind kind) {

    /** Whether the household is part of the optimal assignment for this doctor. */
    public enum Kind {
        /** The optimum assigns the household to this doctor. */
        PROPOSED,
        /** Unserved household for whom this doctor is eligible: next in line if a place frees up. */
        ALTERNATE
    }
}
