package fr.traitant.engine.accessibility;

/**
 * Population-weighted accessibility of an administrative area:
 * {@code apl = Σ population(c) · apl(c) / Σ population(c)} over its communes (0 when the area has
 * no inhabitants).
 *
 * @param level                 administrative level
 * @param code                  code of the area (EPCI SIREN, département or région code)
 * @param communeCount          number of communes in the area
 * @param population            inhabitants
 * @param apl                   population-weighted APL, consultations per inhabitant per year
 * @param underservedPopulation inhabitants of its "sous-dense" communes
 */
public record AreaScore(
        AreaLevel level, String code, int communeCount, long population, double apl, long underservedPopulation) {}
