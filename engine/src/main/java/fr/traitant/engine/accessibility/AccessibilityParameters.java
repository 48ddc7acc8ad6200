package fr.traitant.engine.accessibility;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Parameters of the accessibility indicator (E2SFCA, as DREES's APL).
 *
 * @param decay                travel-time weights, used in both steps
 * @param maximumDoctorAge     when present, doctors whose known age exceeds it are left out of the
 *                             supply (DREES's main series keeps GPs aged 65 or less); doctors of
 *                             unknown age always count
 * @param demand               demand of each commune (population, optionally age-standardised)
 * @param underservedThreshold "sous-dense" when APL &lt; this, consultations per inhabitant per
 *                             year, ≥ 0 (2.5 in the 2017 GP zoning)
 * @param priorityZoneCount    how many lowest EPCIs are candidate priority zones, ≥ 0 (151 in
 *                             "Un médecin près de chez vous")
 */
public record AccessibilityParameters(
        DistanceDecay decay,
        OptionalInt maximumDoctorAge,
        DemandWeighting demand,
        double underservedThreshold,
        int priorityZoneCount) {

    /** DREES defaults for GPs: step weights 10/15/20 minutes, every age, plain population, 2.5, 151. */
    public static final AccessibilityParameters DEFAULT = new AccessibilityParameters(
            StepDecay.DREES_GENERAL_PRACTITIONERS, OptionalInt.empty(), DemandWeighting.POPULATION, 2.5, 151);

    public AccessibilityParameters {
        Objects.requireNonNull(decay, "decay");
        Objects.requireNonNull(maximumDoctorAge, "maximumDoctorAge");
        Objects.requireNonNull(demand, "demand");
        if (!(underservedThreshold >= 0) || Double.isInfinite(underservedThreshold)) {
            throw new IllegalArgumentException(
                    "underserved threshold must be finite and >= 0, got " + underservedThreshold);
        }
        if (priorityZoneCount < 0) {
            throw new IllegalArgumentException("priority zone count must be >= 0, got " + priorityZoneCount);
        }
    }

    public AccessibilityParameters withDecay(DistanceDecay newDecay) {
        return new AccessibilityParameters(newDecay, maximumDoctorAge, demand, underservedThreshold, priorityZoneCount);
    }

    /** Leaves out doctors older than {@code age} years (65 for DREES's main series). */
    public AccessibilityParameters withMaximumDoctorAge(int age) {
        return new AccessibilityParameters(decay, OptionalInt.of(age), demand, underservedThreshold, priorityZoneCount);
    }

    public AccessibilityParameters withDemand(DemandWeighting newDemand) {
        return new AccessibilityParameters(decay, maximumDoctorAge, newDemand, underservedThreshold, priorityZoneCount);
    }

    public AccessibilityParameters withPriorityZoneCount(int count) {
        return new AccessibilityParameters(decay, maximumDoctorAge, demand, underservedThreshold, count);
    }

    /** Whether {@code doctor} counts in the supply under these parameters. */
    public boolean counts(DoctorActivity doctor) {
        return maximumDoctorAge.isEmpty()
                || doctor.ageYears().isEmpty()
                || doctor.ageYears().getAsInt() <= maximumDoctorAge.getAsInt();
    }
}
