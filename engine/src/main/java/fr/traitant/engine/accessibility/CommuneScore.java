package fr.traitant.engine.accessibility;

/**
 * Accessibility of one commune.
 *
 * @param code        INSEE code
 * @param apl         consultations per (standardised) inhabitant per year, ≥ 0
 * @param population  inhabitants
 * @param underserved "sous-dense": {@code apl} below the threshold of the parameters (2.5 by default)
 */
public record CommuneScore(String code, double apl, long population, boolean underserved) {}
