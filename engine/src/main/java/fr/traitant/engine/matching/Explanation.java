package fr.traitant.engine.matching;

import java.util.List;

/**
 * Why a household was proposed this doctor.
 *
 * @param householdId household
 * @param doctorId proposed doctor
 * @param minutes travel time to the proposed doctor, minutes
 * @param rank 1-based rank of the proposed doctor among the household's eligible doctors, nearest first
 * @param eligibleDoctors number of eligible doctors (within reach, accepting, needs met, capacity ≥ size)
 * @param nearerDoctors every doctor strictly nearer than the proposed one, nearest first, with the reason it was passed over
 */
public record Explanation(
        String householdId,
        String doctorId,
        double minutes,
        int rank,
        int eligibleDoctors,
        List<PassedOverDoctor> nearerDoctors) {
    public Explanation {
        nearerDoctors = List.copyOf(nearerDoctors);
    }
}
