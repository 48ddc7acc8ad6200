package fr.traitant.app.network;

/** A signatory on the map: position and département (no name). */
public record MemberPoint(double lat, double lon, String departement, boolean synthetic) {}
