package fr.traitant.engine.territory;

import fr.traitant.engine.geo.GeoPoint;
import java.util.Objects;

/**
 * A commune as the engine needs it: code, population, a representative point and, when known,
 * its area and the administrative areas it belongs to.
 *
 * <p>Unknown administrative areas are the empty string (never {@code null}); an unknown area is
 * {@link Double#NaN}. Such communes are left out of the aggregate of that level.
 *
 * @param code        INSEE code (non-blank), unique within a {@link Communes}
 * @param name        name for display, may be empty
 * @param population  inhabitants (municipal population), ≥ 0
 * @param position    representative point (town centre or centroid), WGS84
 * @param areaKm2     area in square kilometres, &gt; 0, or {@code NaN} when unknown
 * @param epci        SIREN code of the EPCI (intercommunality), or empty
 * @param departement département code, or empty
 * @param region      région code, or empty
 */
public record Commune(
        String code,
        String name,
        long population,
        GeoPoint position,
        double areaKm2,
        String epci,
        String departement,
        String region) {

    public Commune {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("commune code must not be blank");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(epci, "epci");
        Objects.requireNonNull(departement, "departement");
        Objects.requireNonNull(region, "region");
        if (population < 0) {
            throw new IllegalArgumentException("population must be >= 0, got " + population + " for " + code);
        }
        if (!Double.isNaN(areaKm2) && !(areaKm2 > 0 && areaKm2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("area must be > 0 km² or NaN, got " + areaKm2 + " for " + code);
        }
    }

    /** A commune known only by code, population and position (no area, no administrative areas). */
    public static Commune of(String code, long population, GeoPoint position) {
        return new Commune(code, "", population, position, Double.NaN, "", "", "");
    }

    /** Population density in inhabitants per km², or {@code NaN} when the area is unknown. */
    public double densityPerKm2() {
        return population / areaKm2;
    }
}
