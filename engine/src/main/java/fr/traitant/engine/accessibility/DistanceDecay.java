package fr.traitant.engine.accessibility;

/**
 * How the weight of a doctor for a patient decreases with the travel time between them.
 *
 * <p>Contract, for every implementation: {@link #weight} is defined for every time ≥ 0 (minutes,
 * {@link Double#POSITIVE_INFINITY} allowed), lies in [0, 1], never increases when the time
 * grows, and is 0 for every time strictly above {@link #maxMinutes()}.
 */
public sealed interface DistanceDecay permits StepDecay {

    /** Weight in [0, 1] of a trip of {@code minutes} (≥ 0) minutes. */
    double weight(double minutes);

    /** Largest travel time, in minutes, with a positive weight: the catchment limit. */
    double maxMinutes();
}
