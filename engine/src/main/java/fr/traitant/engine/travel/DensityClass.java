package fr.traitant.engine.travel;

/**
 * Settlement density class of a commune, used to choose an average road speed.
 *
 * <p>Thresholds are on the commune's mean density (inhabitants per km²), a proxy inspired by the
 * levels of Insee's "grille communale de densité" (which is computed on 1 km² grid cells, not
 * on the commune mean, so the classes differ from Insee's at the margins):
 * {@code DENSE} ≥ 1,500; {@code INTERMEDIATE} ≥ 300; {@code SPARSE} ≥ 25; {@code VERY_SPARSE}
 * below. When the area is unknown the class is taken from the population alone:
 * ≥ 100,000 inhabitants {@code DENSE}, ≥ 20,000 {@code INTERMEDIATE}, otherwise {@code SPARSE}.
 */
public enum DensityClass {
    DENSE,
    INTERMEDIATE,
    SPARSE,
    VERY_SPARSE;

    /**
     * Class of a commune of {@code population} inhabitants on {@code areaKm2} km²
     * ({@code NaN} area = unknown).
     */
    public static DensityClass of(long population, double areaKm2) {
        if (Double.isNaN(areaKm2)) {
            if (population >= 100_000) {
                return DENSE;
            }
            return population >= 20_000 ? INTERMEDIATE : SPARSE;
        }
        double density = population / areaKm2;
        if (density >= 1_500) {
            return DENSE;
        }
        if (density >= 300) {
            return INTERMEDIATE;
        }
        return density >= 25 ? SPARSE : VERY_SPARSE;
    }
}
