package fr.traitant.engine.accessibility;

import fr.traitant.engine.territory.Communes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Accessibility of every commune for one supply, with population-weighted aggregates.
 *
 * <p>Immutable and thread-safe. APL values are consultations per (standardised) inhabitant per
 * year. Aggregates (per EPCI, département, région, and national) weight communes by their
 * population (not the standardised demand); areas are sorted by code; communes whose code at a
 * level is unknown are left out of that level.
 */
public final class AccessibilityResult {

    private final AccessibilityCalculator calculator;
    private final double[] supply;
    private final double[] ratio;
    private final double[] apl;
    // Aggregates are computed on first use (an incremental update then costs only the touched
    // communes); a race computes the same immutable value twice, which is harmless.
    private volatile @Nullable Map<AreaLevel, List<AreaScore>> areas;
    private final long totalPopulation;
    private final long underservedPopulation;
    private final double populationWeightedApl;
    private final double totalSupply;
    private final double unallocatedSupply;

    AccessibilityResult(AccessibilityCalculator calculator, double[] supply, double[] ratio, double[] apl) {
        this.calculator = calculator;
        this.supply = supply;
        this.ratio = ratio;
        this.apl = apl;
        double threshold = calculator.parameters().underservedThreshold();
        long population = 0;
        long underserved = 0;
        double weighted = 0;
        double total = 0;
        double unallocated = 0;
        for (int i = 0; i < apl.length; i++) {
            long p = calculator.population(i);
            population += p;
            weighted += p * apl[i];
            if (apl[i] < threshold) {
                underserved += p;
            }
            total += supply[i];
            if (!(calculator.weightedDemand(i) > 0)) {
                unallocated += supply[i];
            }
        }
        this.totalPopulation = population;
        this.underservedPopulation = underserved;
        this.populationWeightedApl = population > 0 ? weighted / population : 0.0;
        this.totalSupply = total;
        this.unallocatedSupply = unallocated;
    }

    private Map<AreaLevel, List<AreaScore>> areas() {
        Map<AreaLevel, List<AreaScore>> computed = areas;
        if (computed == null) {
            double threshold = calculator.parameters().underservedThreshold();
            EnumMap<AreaLevel, List<AreaScore>> map = new EnumMap<>(AreaLevel.class);
            for (AreaLevel level : AreaLevel.values()) {
                map.put(level, aggregate(level, threshold));
            }
            computed = java.util.Collections.unmodifiableMap(map);
            areas = computed;
        }
        return computed;
    }

    private List<AreaScore> aggregate(AreaLevel level, double threshold) {
        String[] codes = calculator.areaCodes(level);
        int[] count = new int[codes.length];
        long[] population = new long[codes.length];
        long[] underserved = new long[codes.length];
        double[] weighted = new double[codes.length];
        for (int i = 0; i < apl.length; i++) {
            int a = calculator.areaOf(level, i);
            if (a < 0) {
                continue;
            }
            long p = calculator.population(i);
            count[a]++;
            population[a] += p;
            weighted[a] += p * apl[i];
            if (apl[i] < threshold) {
                underserved[a] += p;
            }
        }
        List<AreaScore> result = new ArrayList<>(codes.length);
        for (int a = 0; a < codes.length; a++) {
            double mean = population[a] > 0 ? weighted[a] / population[a] : 0.0;
            result.add(new AreaScore(level, codes[a], count[a], population[a], mean, underserved[a]));
        }
        return List.copyOf(result);
    }

    AccessibilityCalculator calculator() {
        return calculator;
    }

    double[] supplyArray() {
        return AccessibilityCalculator.copy(supply);
    }

    double[] ratioArray() {
        return AccessibilityCalculator.copy(ratio);
    }

    /** The communes scored, in index order. */
    public Communes communes() {
        return calculator.communes();
    }

    /** Number of communes scored. */
    public int size() {
        return apl.length;
    }

    /** APL of the commune at {@code index}, consultations per inhabitant per year. */
    public double apl(int index) {
        return apl[index];
    }

    /** APL of every commune in index order (a copy). */
    public double[] aplArray() {
        return AccessibilityCalculator.copy(apl);
    }

    /** Score of the commune at {@code index}. */
    public CommuneScore score(int index) {
        return new CommuneScore(
                calculator.communes().get(index).code(),
                apl[index],
                calculator.population(index),
                apl[index] < calculator.parameters().underservedThreshold());
    }

    /** Score of the commune with this INSEE code, if it is scored. */
    public Optional<CommuneScore> find(String code) {
        OptionalInt i = calculator.communes().findIndex(code);
        return i.isPresent() ? Optional.of(score(i.getAsInt())) : Optional.empty();
    }

    /** Scores of every commune, in index order. */
    public List<CommuneScore> communeScores() {
        List<CommuneScore> scores = new ArrayList<>(apl.length);
        for (int i = 0; i < apl.length; i++) {
            scores.add(score(i));
        }
        return scores;
    }

    /** Yearly consultations of the counted doctors practising in the commune at {@code index}. */
    public double supplyConsultations(int index) {
        return supply[index];
    }

    /** Step-1 ratio {@code R(j)} of the commune at {@code index}: consultations per weighted inhabitant. */
    public double supplyRatio(int index) {
        return ratio[index];
    }

    /** Yearly consultations of every counted doctor. */
    public double totalSupplyConsultations() {
        return totalSupply;
    }

    /**
     * Yearly consultations of counted doctors whose commune is reached by no commune with
     * positive demand: they cannot be allocated to anyone and are lost to the indicator.
     */
    public double unallocatedSupplyConsultations() {
        return unallocatedSupply;
    }

    /** Total population of the communes scored. */
    public long totalPopulation() {
        return totalPopulation;
    }

    /** Population-weighted mean APL over every commune. */
    public double populationWeightedApl() {
        return populationWeightedApl;
    }

    /** Inhabitants of "sous-dense" communes (APL below the threshold). */
    public long underservedPopulation() {
        return underservedPopulation;
    }

    /** Aggregates at {@code level}, sorted by code. */
    public List<AreaScore> areas(AreaLevel level) {
        return java.util.Objects.requireNonNull(areas().get(level));
    }

    /** Aggregate of one area, if it exists. */
    public Optional<AreaScore> findArea(AreaLevel level, String code) {
        List<AreaScore> list = areas(level);
        int i = Arrays.binarySearch(calculator.areaCodes(level), code);
        return i >= 0 ? Optional.of(list.get(i)) : Optional.empty();
    }

    /**
     * The {@code n} inhabited EPCIs with the lowest population-weighted APL (ties: lower code
     * first), lowest first.
     */
    public List<AreaScore> lowestEpcis(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return areas(AreaLevel.EPCI).stream()
                .filter(a -> a.population() > 0)
                .sorted(Comparator.comparingDouble(AreaScore::apl).thenComparing(AreaScore::code))
                .limit(n)
                .toList();
    }

    /** Candidate priority zones: the {@code priorityZoneCount} lowest EPCIs of the parameters. */
    public List<AreaScore> priorityZoneCandidates() {
        return lowestEpcis(calculator.parameters().priorityZoneCount());
    }
}
