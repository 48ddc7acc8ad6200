package fr.traitant.app.network;

/**
 * A signatory's practice commune and the new patients of the network they committed to take a year.
 *
 * @param doctorId directory id
 */
public record MemberPlaces(String doctorId, String communeCode, int newPatientsPerYear) {}
