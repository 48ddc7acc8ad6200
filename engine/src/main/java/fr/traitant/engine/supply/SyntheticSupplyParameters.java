package fr.traitant.engine.supply;

import java.util.Map;
import java.util.Objects;

/**
 * Parameters of {@link SyntheticSupplyGenerator}.
 *
 * @param doctorCount          number of doctors to generate, ≥ 0 (about 100,000 for France)
 * @param departementFactors   multiplier of the doctor density per département code (1 when
 *                             absent); below 1 makes a département under-served
 * @param departementNoise     standard deviation of a seeded log-normal factor applied to every
 *                             département on top of {@code departementFactors}, ≥ 0
 */
public record SyntheticSupplyParameters(
        int doctorCount, Map<String, Double> departementFactors, double departementNoise) {

    /**
     * Illustrative département factors: a few départements known for low GP density (Eure,
     * Eure-et-Loir, Cher, Indre, Orne, Nièvre, Yonne, Seine-Saint-Denis, Aisne, and far below:
     * Guyane, Mayotte) and a few known for high density (Hautes-Alpes, Hautes-Pyrénées,
     * Alpes-Maritimes, Hérault, Pyrénées-Orientales). Orders of magnitude, not data.
     */
    public static final Map<String, Double> ILLUSTRATIVE_DEPARTEMENT_FACTORS = Map.ofEntries(
            Map.entry("27", 0.55),
            Map.entry("28", 0.6),
            Map.entry("18", 0.6),
            Map.entry("36", 0.6),
            Map.entry("61", 0.65),
            Map.entry("58", 0.65),
            Map.entry("89", 0.65),
            Map.entry("93", 0.65),
            Map.entry("02", 0.7),
            Map.entry("973", 0.4),
            Map.entry("976", 0.25),
            Map.entry("05", 1.35),
            Map.entry("65", 1.3),
            Map.entry("06", 1.25),
            Map.entry("34", 1.2),
            Map.entry("66", 1.2));

    /** 100,000 doctors, illustrative factors, noise 0.1. */
    public static final SyntheticSupplyParameters DEFAULT =
            new SyntheticSupplyParameters(100_000, ILLUSTRATIVE_DEPARTEMENT_FACTORS, 0.1);

    public SyntheticSupplyParameters {
        if (doctorCount < 0) {
            throw new IllegalArgumentException("doctor count must be >= 0");
        }
        departementFactors = Map.copyOf(Objects.requireNonNull(departementFactors, "departementFactors"));
        departementFactors.forEach((code, f) -> {
            if (!(f >= 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("factor of département " + code + " must be finite and >= 0");
            }
        });
        if (!(departementNoise >= 0 && departementNoise < 2)) {
            throw new IllegalArgumentException("noise must be in [0, 2)");
        }
    }

    public SyntheticSupplyParameters withDoctorCount(int count) {
        return new SyntheticSupplyParameters(count, departementFactors, departementNoise);
    }
}
