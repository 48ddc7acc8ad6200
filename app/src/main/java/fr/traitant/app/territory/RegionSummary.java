package fr.traitant.app.territory;

/**
 * A région with its totals.
 *
 * @param code       région code
 * @param name       name
 * @param population sum of its communes' municipal population
 * @param communes   number of communes
 */
public record RegionSummary(String code, String name, long population, int communes) {}
