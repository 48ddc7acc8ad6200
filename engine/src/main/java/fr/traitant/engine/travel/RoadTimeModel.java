package fr.traitant.engine.travel;

import fr.traitant.engine.geo.GeoPoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Road travel time estimated from the crow-fly (great-circle) distance.
 *
 * <p>Between two different communes (or points) {@code a} and {@code b}, {@code d} km apart:
 * <pre>
 *   minutes = fixedMinutes + detourFactor · d · 60 · (1/v(a) + 1/v(b)) / 2
 * </pre>
 * where {@code v(x)} is the average road speed (km/h) of the density class of {@code x}: half of
 * the road distance is driven at each end's speed, which keeps the estimate symmetric. Inside a
 * commune the time is {@code intraCommuneMinutes} (0 by default, as in DREES's APL).
 *
 * <p>Defaults ({@link #DEFAULT}): detour factor 1.3 (road distance / crow-fly distance; commonly
 * measured between 1.2 and 1.4 for European road networks), fixed 2 minutes per trip (leaving
 * and entering built-up areas, parking), speeds 25 / 40 / 60 / 65 km/h for
 * {@link DensityClass#DENSE} / {@code INTERMEDIATE} / {@code SPARSE} / {@code VERY_SPARSE}.
 * These are engineering assumptions, not a calibration: see {@code docs/adr/0005-travel-time-estimate.md}.
 *
 * @param detourFactor        road distance / crow-fly distance, ≥ 1
 * @param fixedMinutes        minutes added to every trip between two different places, ≥ 0
 * @param intraCommuneMinutes travel time inside one commune, minutes, ≥ 0
 * @param speedsKmh           average road speed per density class, km/h, &gt; 0, every class present
 */
public record RoadTimeModel(
        double detourFactor, double fixedMinutes, double intraCommuneMinutes, Map<DensityClass, Double> speedsKmh) {

    /** The default parameters described above. */
    public static final RoadTimeModel DEFAULT = new RoadTimeModel(
            1.3,
            2.0,
            0.0,
            Map.of(
                    DensityClass.DENSE, 25.0,
                    DensityClass.INTERMEDIATE, 40.0,
                    DensityClass.SPARSE, 60.0,
                    DensityClass.VERY_SPARSE, 65.0));

    public RoadTimeModel {
        if (!(detourFactor >= 1 && detourFactor < 10)) {
            throw new IllegalArgumentException("detour factor must be in [1, 10), got " + detourFactor);
        }
        if (!(fixedMinutes >= 0 && fixedMinutes < 1_000)) {
            throw new IllegalArgumentException("fixed minutes must be in [0, 1000), got " + fixedMinutes);
        }
        if (!(intraCommuneMinutes >= 0 && intraCommuneMinutes < 1_000)) {
            throw new IllegalArgumentException(
                    "intra-commune minutes must be in [0, 1000), got " + intraCommuneMinutes);
        }
        Objects.requireNonNull(speedsKmh, "speedsKmh");
        EnumMap<DensityClass, Double> copy = new EnumMap<>(DensityClass.class);
        for (DensityClass c : DensityClass.values()) {
            Double v = speedsKmh.get(c);
            if (v == null || !(v > 0 && v <= 200)) {
                throw new IllegalArgumentException("speed for " + c + " must be in (0, 200] km/h, got " + v);
            }
            copy.put(c, v);
        }
        // an EnumMap reads by ordinal: this speed is looked up twice for every pair of every matching run
        speedsKmh = java.util.Collections.unmodifiableMap(copy);
    }

    /** Average road speed of a density class, km/h. */
    public double speedKmh(DensityClass densityClass) {
        return java.util.Objects.requireNonNull(speedsKmh.get(densityClass));
    }

    /** Highest speed of any class, km/h. */
    public double maxSpeedKmh() {
        double max = 0;
        for (double v : speedsKmh.values()) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * Estimated minutes between two distinct places {@code distanceKm} apart (crow-fly), whose
     * density classes have speeds {@code speedAKmh} and {@code speedBKmh}.
     */
    public double minutesBetween(double distanceKm, double speedAKmh, double speedBKmh) {
        return fixedMinutes + detourFactor * distanceKm * 30.0 * (1.0 / speedAKmh + 1.0 / speedBKmh);
    }

    /** Estimated minutes between two distinct points with their density classes. */
    public double minutes(GeoPoint a, DensityClass classA, GeoPoint b, DensityClass classB) {
        return minutesBetween(a.distanceMetresTo(b) / 1_000.0, speedKmh(classA), speedKmh(classB));
    }

    /**
     * Largest crow-fly distance, in metres, that any trip of at most {@code maxMinutes} can cover
     * under this model (both ends at the highest speed); 0 when {@code maxMinutes < fixedMinutes}.
     */
    public double maxCrowFlyMetres(double maxMinutes) {
        double driving = maxMinutes - fixedMinutes;
        if (driving <= 0) {
            return 0;
        }
        return driving / 60.0 * maxSpeedKmh() / detourFactor * 1_000.0;
    }
}
