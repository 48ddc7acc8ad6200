package fr.traitant.engine.supply;

/**
 * Medical specialty of a synthetic doctor, with the generator's assumptions for it.
 *
 * <p>{@code share}: fraction of all generated doctors; {@code concentration}: exponent α of the
 * commune weight {@code population^α} (above 1, doctors favour big towns more than inhabitants
 * do); {@code smallTownHalfPopulation}: population at which a commune gets half the weight it
 * would have without the small-town penalty {@code population / (population + h)};
 * {@code medianConsultationsPerYear}: median yearly activity. Orders of magnitude only (see
 * {@code docs/adr/0007-synthetic-doctor-supply.md}).
 */
public enum Specialty {
    GENERAL_PRACTICE(0.55, 0.9, 800, 4_600),
    ANAESTHESIOLOGY(0.08, 1.25, 10_000, 2_500),
    RADIOLOGY(0.06, 1.30, 10_000, 7_000),
    PSYCHIATRY(0.055, 1.35, 10_000, 2_000),
    CARDIOLOGY(0.045, 1.30, 10_000, 3_500),
    GYNAECOLOGY(0.045, 1.30, 10_000, 3_000),
    PAEDIATRICS(0.04, 1.30, 10_000, 3_500),
    OPHTHALMOLOGY(0.04, 1.30, 10_000, 6_000),
    DERMATOLOGY(0.03, 1.35, 10_000, 4_500),
    OTHER_SPECIALTY(0.055, 1.30, 10_000, 3_000);

    private final double share;
    private final double concentration;
    private final double smallTownHalfPopulation;
    private final double medianConsultationsPerYear;

    Specialty(double share, double concentration, double smallTownHalfPopulation, double medianConsultationsPerYear) {
        this.share = share;
        this.concentration = concentration;
        this.smallTownHalfPopulation = smallTownHalfPopulation;
        this.medianConsultationsPerYear = medianConsultationsPerYear;
    }

    /** Fraction of generated doctors with this specialty, in (0, 1); the shares sum to 1. */
    public double share() {
        return share;
    }

    /** Exponent α of the population weight. */
    public double concentration() {
        return concentration;
    }

    /** Population h of the small-town penalty {@code p / (p + h)}, inhabitants. */
    public double smallTownHalfPopulation() {
        return smallTownHalfPopulation;
    }

    /** Median consultations per year of a doctor aged 35 to 64. */
    public double medianConsultationsPerYear() {
        return medianConsultationsPerYear;
    }

    /** Whether this is general practice (the supply of the GP accessibility indicator). */
    public boolean isGeneralPractice() {
        return this == GENERAL_PRACTICE;
    }
}
