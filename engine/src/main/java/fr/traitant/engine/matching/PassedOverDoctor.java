package fr.traitant.engine.matching;

/**
 * A doctor nearer than the proposed one, and why it was not proposed.
 *
 * @param doctorId doctor
 * @param minutes travel time from the household, minutes
 * @param reason why not
 */
public record PassedOverDoctor(String doctorId, double minutes, PassOverReason reason) {}
