package fr.traitant.engine.matching;

/**
 * A household proposed to a doctor.
 *
 * @param householdId household
 * @param doctorId doctor
 * @param minutes travel time, minutes (rounded to 1/100)
 * @param size people in the household
 * @param priority the household's priority class
 */
public record Proposal(String householdId, String doctorId, double minutes, int size, int priority) {}
