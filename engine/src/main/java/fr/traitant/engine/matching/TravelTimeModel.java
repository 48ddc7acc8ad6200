package fr.traitant.engine.matching;

/**
 * Travel time from a household's home to a doctor's practice, as used by matching.
 *
 * <p>Contract: {@link #minutes} is deterministic, in minutes, finite and &ge; 0 when the trip is
 * possible, {@link Double#NaN} when the pair is unreachable. {@link #reachMetres} bounds the search:
 * no pair farther apart (great circle) than {@code reachMetres(m)} can take {@code m} minutes or
 * less. Return {@link Double#POSITIVE_INFINITY} when no such bound exists (every pair is then
 * evaluated, which is only sensible for small instances).
 *
 * <p>Two implementations ship with the engine: {@link RoadTravelTimes} (the platform's road-time
 * estimate from the great-circle distance and the density at each end, the default) and {@link TravelTimeTable} (explicit pairs).
 */
public interface TravelTimeModel {

    /** Minutes from {@code household} to {@code doctor}, or {@code NaN} if unreachable. */
    double minutes(Household household, Doctor doctor);

    /** Great-circle metres beyond which no trip takes {@code minutes} or less; may be infinite. */
    double reachMetres(double minutes);
}
