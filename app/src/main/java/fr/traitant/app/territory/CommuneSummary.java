package fr.traitant.app.territory;

import java.util.List;

/**
 * A commune of France as the territory module publishes it (names, codes, postal codes; the API's JSON). The
 * engine's computations use {@link fr.traitant.engine.territory.Commune}, built from the same reference data.
 *
 * @param code        INSEE code (5 characters, {@code 2A}/{@code 2B} for Corsica)
 * @param name        official name
 * @param departement département code
 * @param region      région code
 * @param epci        SIREN of its intercommunalité, or null for the few communes outside any EPCI
 * @param population  municipal population (INSEE)
 * @param lat         latitude, WGS84 degrees
 * @param lon         longitude, WGS84 degrees
 * @param postalCodes postal codes, never null
 */
public record CommuneSummary(
        String code,
        String name,
        String departement,
        String region,
        String epci,
        int population,
        double lat,
        double lon,
        List<String> postalCodes) {
    public CommuneSummary {
        postalCodes = List.copyOf(postalCodes);
    }
}
