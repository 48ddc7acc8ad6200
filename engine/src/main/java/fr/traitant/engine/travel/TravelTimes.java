package fr.traitant.engine.travel;

/**
 * Road travel times, in minutes, between the communes of one {@link fr.traitant.engine.territory.Communes}
 * list, addressed by their index in that list.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>{@link #minutes} is ≥ 0 and finite for a reachable pair, {@link Double#POSITIVE_INFINITY}
 *       for an unreachable one; it need not be symmetric (the origin is where the trip starts).</li>
 *   <li>{@link #forEachReachable} reports exactly the destinations {@code d} with
 *       {@code minutes(origin, d) <= maxMinutes}, each once, with that same value.</li>
 *   <li>Implementations are immutable, deterministic and thread-safe.</li>
 * </ul>
 * Two implementations ship: {@link EstimatedRoadTimes} (crow-fly estimate, see
 * {@link RoadTimeModel}) and {@link MatrixTravelTimes} (an explicit origin–destination matrix,
 * e.g. from OSRM, GraphHopper or Insee Metric).
 */
public interface TravelTimes {

    /** Receives one reachable destination. */
    @FunctionalInterface
    interface Reach {
        /**
         * @param destination commune index
         * @param minutes     travel time from the origin, minutes, ≥ 0
         */
        void reach(int destination, double minutes);
    }

    /** Number of communes this table covers (valid indices are {@code 0..communeCount()-1}). */
    int communeCount();

    /**
     * Travel time from commune {@code origin} to commune {@code destination}, in minutes, or
     * {@link Double#POSITIVE_INFINITY} when the destination cannot be reached.
     */
    double minutes(int origin, int destination);

    /**
     * Reports every destination reachable from {@code origin} within {@code maxMinutes}
     * (inclusive), in an unspecified but deterministic order.
     *
     * @param maxMinutes time budget in minutes, ≥ 0
     */
    void forEachReachable(int origin, double maxMinutes, Reach consumer);
}
