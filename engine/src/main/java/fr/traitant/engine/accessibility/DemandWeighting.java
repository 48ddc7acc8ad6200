package fr.traitant.engine.accessibility;

import fr.traitant.engine.territory.Commune;

/**
 * Demand of a commune for the accessibility indicator: its population, optionally standardised
 * by age-specific consumption of GP care (DREES weights each age band by its mean consumption
 * relative to the national mean, so the standardised population of France equals its population).
 *
 * <p>The engine has no age structure of its own; an age-standardised weighting is supplied by
 * the caller (e.g. from Insee's population by age). Results must be finite and ≥ 0.
 */
@FunctionalInterface
public interface DemandWeighting {

    /** Plain population, no standardisation. */
    DemandWeighting POPULATION = commune -> commune.population();

    /** Standardised demand of {@code commune}, in (standardised) inhabitants, ≥ 0. */
    double standardisedPopulation(Commune commune);
}
