package fr.traitant.engine.accessibility;

import fr.traitant.engine.accessibility.internal.NeighbourTable;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.TravelTimes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The APL accessibility indicator (enhanced two-step floating catchment area, E2SFCA, as DREES
 * computes it) over a fixed set of communes and travel times.
 *
 * <p>With {@code P(i)} the demand of commune {@code i} (population, optionally standardised),
 * {@code S(j)} the yearly consultations of the counted doctors practising in commune {@code j},
 * {@code t(i, j)} the travel time from {@code i} to {@code j} (minutes) and {@code w} the decay:
 * <pre>
 *   step 1, per doctor commune j:   R(j) = S(j) / Σ_i P(i) · w(t(i, j))     (0 when the sum is 0)
 *   step 2, per patient commune i:  APL(i) = Σ_j w(t(i, j)) · R(j)
 * </pre>
 * APL is in consultations per (standardised) inhabitant per year.
 *
 * <p>Preparing ({@link #prepare}) does the costly, supply-independent work once: for every
 * commune, its reachable communes with positive weight (neighbour lists in primitive arrays),
 * their reverse lists, and the step-1 denominators. {@link #compute} then costs one pass over the
 * doctors and one over the neighbour lists. {@link #update} handles one doctor change by
 * touching only the communes that reach the doctor's commune(s): the denominators do not depend
 * on supply, so a change of {@code S(j)} changes {@code R(j)} only, hence only {@code APL(i)}
 * for the {@code i} with {@code w(t(i, j)) > 0}; each of those is recomputed from its neighbour
 * list exactly as {@link #compute} does.
 *
 * <p>Immutable and thread-safe; results are deterministic for given inputs.
 */
public final class AccessibilityCalculator {

    private final Communes communes;
    private final AccessibilityParameters parameters;
    private final double[] demand;
    private final long[] population;
    private final NeighbourTable patientToDoctor; // row i: doctor communes j reachable from i, weight w(t(i,j)) > 0
    private final NeighbourTable doctorToPatient; // row j: patient communes i reaching j
    private final double[] weightedDemand; // Σ_i P(i) w(t(i,j)) per doctor commune j
    private final int[][] areaOfCommune; // [level][commune] → area index or -1
    private final String[][] areaCodes; // [level][area] → code, sorted

    private AccessibilityCalculator(
            Communes communes,
            AccessibilityParameters parameters,
            double[] demand,
            NeighbourTable patientToDoctor,
            double[] weightedDemand) {
        this.communes = communes;
        this.parameters = parameters;
        this.demand = demand;
        this.patientToDoctor = patientToDoctor;
        this.doctorToPatient = patientToDoctor.transpose();
        this.weightedDemand = weightedDemand;
        int n = communes.size();
        this.population = new long[n];
        for (int i = 0; i < n; i++) {
            population[i] = communes.get(i).population();
        }
        AreaLevel[] levels = AreaLevel.values();
        this.areaOfCommune = new int[levels.length][];
        this.areaCodes = new String[levels.length][];
        for (AreaLevel level : levels) {
            TreeSet<String> codes = new TreeSet<>();
            for (Commune c : communes.asList()) {
                String code = areaCode(c, level);
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
            String[] sorted = codes.toArray(String[]::new);
            Map<String, Integer> indexOf = new HashMap<>();
            for (int a = 0; a < sorted.length; a++) {
                indexOf.put(sorted[a], a);
            }
            int[] of = new int[n];
            for (int i = 0; i < n; i++) {
                String code = areaCode(communes.get(i), level);
                of[i] = code.isEmpty() ? -1 : java.util.Objects.requireNonNull(indexOf.get(code));
            }
            areaOfCommune[level.ordinal()] = of;
            areaCodes[level.ordinal()] = sorted;
        }
    }

    private static String areaCode(Commune c, AreaLevel level) {
        return switch (level) {
            case EPCI -> c.epci();
            case DEPARTEMENT -> c.departement();
            case REGION -> c.region();
        };
    }

    /** Prepares the indicator without progress reporting. */
    public static AccessibilityCalculator prepare(
            Communes communes, TravelTimes travelTimes, AccessibilityParameters parameters) {
        return prepare(communes, travelTimes, parameters, ProgressListener.NONE);
    }

    /**
     * Prepares the indicator: neighbour search within the decay's catchment (stage
     * {@code "neighbours"}, one unit per commune) and step-1 denominators.
     *
     * @param travelTimes times over exactly these communes ({@code communeCount() == communes.size()})
     */
    public static AccessibilityCalculator prepare(
            Communes communes, TravelTimes travelTimes, AccessibilityParameters parameters, ProgressListener progress) {
        Objects.requireNonNull(communes, "communes");
        Objects.requireNonNull(travelTimes, "travelTimes");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(progress, "progress");
        int n = communes.size();
        if (travelTimes.communeCount() != n) {
            throw new IllegalArgumentException(
                    "travel times cover " + travelTimes.communeCount() + " communes, expected " + n);
        }
        double[] demand = new double[n];
        for (int i = 0; i < n; i++) {
            double d = parameters.demand().standardisedPopulation(communes.get(i));
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(
                        "demand of commune " + communes.get(i).code() + " must be finite and >= 0, got " + d);
            }
            demand[i] = d;
        }
        DistanceDecay decay = parameters.decay();
        double maxMinutes = decay.maxMinutes();
        NeighbourTable.Builder builder = new NeighbourTable.Builder(n, n * 48);
        double[] weightedDemand = new double[n];
        long step = Math.max(1, n / 200);
        progress.progressed("neighbours", 0, n);
        for (int i = 0; i < n; i++) {
            final double demandI = demand[i];
            travelTimes.forEachReachable(i, maxMinutes, (j, minutes) -> {
                double w = decay.weight(minutes);
                if (w > 0) {
                    builder.add(j, w);
                    weightedDemand[j] += demandI * w;
                }
            });
            builder.endRow();
            if ((i + 1) % step == 0 || i + 1 == n) {
                progress.progressed("neighbours", i + 1, n);
            }
        }
        return new AccessibilityCalculator(communes, parameters, demand, builder.build(), weightedDemand);
    }

    /** The communes scored, in index order. */
    public Communes communes() {
        return communes;
    }

    public AccessibilityParameters parameters() {
        return parameters;
    }

    /** Number of (patient commune, doctor commune) pairs with a positive weight. */
    public int reachablePairCount() {
        return patientToDoctor.entries();
    }

    /** Demand {@code P(i)} of commune {@code i}, standardised inhabitants. */
    public double demand(int commune) {
        return demand[commune];
    }

    /** Step-1 denominator {@code Σ_i P(i) w(t(i, j))} of doctor commune {@code j}, standardised inhabitants. */
    public double weightedDemand(int commune) {
        return weightedDemand[commune];
    }

    /**
     * Scores every commune for this supply.
     *
     * @param doctors every doctor (ids unique; communes among {@link #communes()}); those the
     *                parameters leave out (age) are ignored
     * @throws IllegalArgumentException on a duplicate id or an unknown commune
     */
    public AccessibilityResult compute(List<DoctorActivity> doctors) {
        Objects.requireNonNull(doctors, "doctors");
        double[] supply = new double[communes.size()];
        Set<String> ids = new HashSet<>(doctors.size() * 2);
        for (DoctorActivity doctor : doctors) {
            if (!ids.add(doctor.id())) {
                throw new IllegalArgumentException("duplicate doctor id " + doctor.id());
            }
            int j = communeOf(doctor);
            if (parameters.counts(doctor)) {
                supply[j] += doctor.consultationsPerYear();
            }
        }
        double[] ratio = new double[supply.length];
        for (int j = 0; j < supply.length; j++) {
            ratio[j] = ratio(j, supply[j]);
        }
        double[] apl = new double[supply.length];
        for (int i = 0; i < apl.length; i++) {
            apl[i] = patientToDoctor.weightedSum(i, ratio);
        }
        return new AccessibilityResult(this, supply, ratio, apl);
    }

    /**
     * The result after one doctor change, computed from {@code previous} by touching only the
     * communes that reach the doctor's commune(s). Agrees with {@link #compute} on the changed
     * doctor list up to floating-point rounding of the per-commune supply sums (relative
     * difference of order 1e-15). {@code previous} is not modified.
     *
     * @param previous a result of this calculator
     * @throws IllegalArgumentException if {@code previous} comes from another calculator, a
     *                                  commune is unknown, or a removal exceeds the commune's supply
     */
    public AccessibilityResult update(AccessibilityResult previous, DoctorChange change) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(change, "change");
        if (previous.calculator() != this) {
            throw new IllegalArgumentException("the previous result comes from another calculator");
        }
        double[] supply = previous.supplyArray();
        double[] ratio = previous.ratioArray();
        double[] apl = previous.aplArray();
        int[] touched = new int[2];
        int touchedCount = 0;
        switch (change) {
            case DoctorChange.Joined joined -> touched[touchedCount++] = apply(supply, joined.doctor(), +1);
            case DoctorChange.Left left -> touched[touchedCount++] = apply(supply, left.doctor(), -1);
            case DoctorChange.Changed changed -> {
                touched[touchedCount++] = apply(supply, changed.before(), -1);
                touched[touchedCount++] = apply(supply, changed.after(), +1);
            }
        }
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            ratio[j] = ratio(j, supply[j]);
        }
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            if (t == 1 && touched[1] == touched[0]) {
                break;
            }
            for (int k = doctorToPatient.start(j), end = doctorToPatient.end(j); k < end; k++) {
                int i = doctorToPatient.column(k);
                apl[i] = patientToDoctor.weightedSum(i, ratio);
            }
        }
        return new AccessibilityResult(this, supply, ratio, apl);
    }

    private int apply(double[] supply, DoctorActivity doctor, int sign) {
        int j = communeOf(doctor);
        if (!parameters.counts(doctor)) {
            return j;
        }
        double before = supply[j];
        double after = before + sign * doctor.consultationsPerYear();
        if (after < 0) {
            double tolerance = 1e-9 * Math.max(1.0, Math.max(before, doctor.consultationsPerYear()));
            if (after < -tolerance) {
                throw new IllegalArgumentException("removing doctor " + doctor.id() + " ("
                        + doctor.consultationsPerYear() + " consultations) exceeds the supply of commune "
                        + doctor.communeCode() + " (" + before + ")");
            }
            after = 0;
        }
        supply[j] = after;
        return j;
    }

    private int communeOf(DoctorActivity doctor) {
        OptionalInt j = communes.findIndex(doctor.communeCode());
        if (j.isEmpty()) {
            throw new IllegalArgumentException(
                    "doctor " + doctor.id() + " practises in unknown commune " + doctor.communeCode());
        }
        return j.getAsInt();
    }

    private double ratio(int j, double supply) {
        return weightedDemand[j] > 0 ? supply / weightedDemand[j] : 0.0;
    }

    // --- package-private access for AccessibilityResult -------------------------------------

    long population(int commune) {
        return population[commune];
    }

    int areaOf(AreaLevel level, int commune) {
        return areaOfCommune[level.ordinal()][commune];
    }

    String[] areaCodes(AreaLevel level) {
        return areaCodes[level.ordinal()];
    }

    int communeCount() {
        return population.length;
    }

    static double[] copy(double[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
