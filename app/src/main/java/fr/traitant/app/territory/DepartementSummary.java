package fr.traitant.app.territory;

/**
 * A département with its totals.
 *
 * @param code       département code
 * @param name       name
 * @param region     région code
 * @param regionName région name
 * @param population sum of its communes' municipal population
 * @param communes   number of communes
 * @param areaKm2    sum of the known commune areas, km²
 */
public record DepartementSummary(
        String code, String name, String region, String regionName, long population, int communes, double areaKm2) {}
