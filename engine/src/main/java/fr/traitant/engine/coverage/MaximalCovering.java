package fr.traitant.engine.coverage;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where to open (or label) the next sites: at most K candidates maximising the population newly within the time
 * limit of a site (maximal covering). Lazy greedy (the covered population is submodular in the sites), then an upper
 * bound (the smaller of the submodular bound, the linear relaxation solved by GLOP and the population left), then, when
 * the bound is not reached and there are at most {@link #EXACT_CANDIDATES} useful candidates, the integer programme
 * (SCIP, warm-started from greedy, a node limit: reproducible) that closes the gap. Deterministic; ties go to the
 * smaller id.
 */
public final class MaximalCovering {

    /** Up to this many useful candidates the integer programme runs when greedy is not proven optimal. */
    public static final int EXACT_CANDIDATES = 2_000;

    private MaximalCovering() {}

    /** A place where a site could be opened or labelled. */
    public record Candidate(String id, String commune) {}

    /**
     * @param selection candidates' ids, the most useful first
     * @param gains the population each adds, in that order
     * @param covered population newly covered by the selection
     * @param upperBound no selection of at most K candidates covers more (proven)
     * @param alreadyCovered population covered by the existing sites
     * @param method {@code greedy} or {@code greedy+mip}
     */
    public record Proposal(
            List<String> selection,
            List<Long> gains,
            long covered,
            long upperBound,
            long alreadyCovered,
            String method) {
        public Proposal {
            selection = List.copyOf(selection);
            gains = List.copyOf(gains);
        }

        public boolean proven() {
            return covered >= upperBound;
        }

        /** Relative distance to the bound. */
        public double gap() {
            return upperBound == 0 ? 0 : (double) (upperBound - covered) / upperBound;
        }
    }

    public static Proposal propose(
            CoverageWorld world, List<String> siteCommunes, List<Candidate> candidates, int k, double maxMinutes) {
        if (k < 0) throw new IllegalArgumentException("K must be ≥ 0");
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(Candidate::id));
        Set<String> ids = new HashSet<>();
        for (Candidate c : sorted)
            if (!ids.add(c.id())) throw new IllegalArgumentException("duplicate candidate " + c.id());
        int n = world.communes.size();
        long[] population = world.communes.stream()
                .mapToLong(CoverageWorld.Commune::population)
                .toArray();
        boolean[] covered = new boolean[n];
        double[] nearest = world.minutesToNearest(siteCommunes);
        long already = 0;
        for (int i = 0; i < n; i++) {
            if (nearest[i] <= maxMinutes) {
                covered[i] = true;
                already += population[i];
            }
        }
        long left = 0;
        for (int i = 0; i < n; i++) if (!covered[i]) left += population[i];
        // each candidate's communes not yet covered
        int m = sorted.size();
        int[][] reach = new int[m][];
        for (int j = 0; j < m; j++) {
            reach[j] = Arrays.stream(world.reach(sorted.get(j).commune(), maxMinutes))
                    .filter(i -> !covered[i] && population[i] > 0)
                    .toArray();
        }
        // lazy greedy
        boolean[] taken = covered.clone();
        long[] first = new long[m];
        for (int j = 0; j < m; j++) first[j] = gain(reach[j], taken, population);
        PriorityQueue<long[]> queue =
                new PriorityQueue<>(Comparator.<long[]>comparingLong(e -> -e[0]).thenComparingLong(e -> e[1]));
        for (int j = 0; j < m; j++) if (first[j] > 0) queue.add(new long[] {first[j], j, 0});
        List<Integer> chosen = new ArrayList<>();
        List<Long> gains = new ArrayList<>();
        long value = 0;
        int round = 0;
        while (chosen.size() < k && !queue.isEmpty()) {
            long[] top = queue.poll();
            int j = (int) top[1];
            if (top[2] == round) {
                if (top[0] <= 0) break;
                for (int i : reach[j]) taken[i] = true;
                chosen.add(j);
                gains.add(top[0]);
                value += top[0];
                round++;
            } else {
                long g = gain(reach[j], taken, population);
                if (g > 0) queue.add(new long[] {g, j, round});
            }
        }
        long bound = Math.min(left, sumOfLargest(first, k));
        long[] last = new long[m];
        for (int j = 0; j < m; j++) last[j] = gain(reach[j], taken, population);
        bound = Math.min(bound, value + sumOfLargest(last, k));
        List<Integer> selection = chosen;
        String method = "greedy";
        int useful = (int) Arrays.stream(first).filter(g -> g > 0).count();
        if (bound > value && available()) {
            @Nullable Double relaxation = programme(population, reach, first, k, chosen, false);
            if (relaxation != null) bound = Math.min(bound, (long) Math.floor(relaxation + 1e-6));
            if (bound > value && useful <= EXACT_CANDIDATES) {
                List<Integer> exact = new ArrayList<>();
                @Nullable Double best = programme(population, reach, first, k, chosen, true, exact);
                // SCIP's value when proven optimal, else its dual bound
                if (best != null) {
                    method = "greedy+mip";
                    long exactValue = valueOf(exact, reach, population, n);
                    if (exactValue > value) {
                        selection = greedyOrder(exact, reach, population, n);
                        value = exactValue;
                    }
                    bound = Math.max(value, Math.min(bound, (long) Math.floor(best + 1e-6)));
                }
            }
        }
        bound = Math.max(bound, value);
        List<Long> orderedGains = selection == chosen ? gains : gainsOf(selection, reach, population, n);
        return new Proposal(
                selection.stream().map(j -> sorted.get(j).id()).toList(), orderedGains, value, bound, already, method);
    }

    private static long gain(int[] communes, boolean[] taken, long[] population) {
        long g = 0;
        for (int i : communes) if (!taken[i]) g += population[i];
        return g;
    }

    private static long valueOf(List<Integer> selection, int[][] reach, long[] population, int n) {
        boolean[] taken = new boolean[n];
        long v = 0;
        for (int j : selection) {
            for (int i : reach[j]) {
                if (!taken[i]) {
                    taken[i] = true;
                    v += population[i];
                }
            }
        }
        return v;
    }

    /** Orders a selection as greedy would among it (largest gain first, ties to the smaller index). */
    private static List<Integer> greedyOrder(List<Integer> selection, int[][] reach, long[] population, int n) {
        List<Integer> left = new ArrayList<>(selection);
        left.sort(Comparator.naturalOrder());
        boolean[] taken = new boolean[n];
        List<Integer> ordered = new ArrayList<>();
        while (!left.isEmpty()) {
            int best = 0;
            long bestGain = -1;
            for (int x = 0; x < left.size(); x++) {
                long g = gain(reach[left.get(x)], taken, population);
                if (g > bestGain) {
                    bestGain = g;
                    best = x;
                }
            }
            int j = left.remove(best);
            for (int i : reach[j]) taken[i] = true;
            ordered.add(j);
        }
        return ordered;
    }

    private static List<Long> gainsOf(List<Integer> ordered, int[][] reach, long[] population, int n) {
        boolean[] taken = new boolean[n];
        List<Long> gains = new ArrayList<>();
        for (int j : ordered) {
            gains.add(gain(reach[j], taken, population));
            for (int i : reach[j]) taken[i] = true;
        }
        return gains;
    }

    private static long sumOfLargest(long[] values, int k) {
        long[] s = values.clone();
        Arrays.sort(s);
        long sum = 0;
        for (int i = s.length - 1; i >= 0 && i >= s.length - k; i--) sum += s[i];
        return sum;
    }

    private static @Nullable Double programme(
            long[] population, int[][] reach, long[] first, int k, List<Integer> start, boolean integer) {
        return programme(population, reach, first, k, start, integer, new ArrayList<>());
    }

    /**
     * max Σ p_i y_i subject to y_i ≤ Σ_{j reaching i} x_j, Σ x_j ≤ K, 0 ≤ x, y ≤ 1 (x binary when {@code integer});
     * only the communes some candidate reaches. Returns the optimum (relaxation) or the best bound (SCIP), and the
     * selection into {@code selection}; null when the solver is unavailable or fails.
     */
    private static @Nullable Double programme(
            long[] population,
            int[][] reach,
            long[] first,
            int k,
            List<Integer> start,
            boolean integer,
            List<Integer> selection) {
        MPSolver solver = MPSolver.createSolver(integer ? "SCIP" : "GLOP");
        if (solver == null) return null;
        try {
            if (integer) solver.setSolverSpecificParametersAsString("limits/totalnodes = 20000\n");
            int m = reach.length;
            MPVariable[] x = new MPVariable[m];
            MPConstraint budget = solver.makeConstraint(0, k);
            java.util.Map<Integer, MPConstraint> link = new java.util.HashMap<>();
            var objective = solver.objective();
            objective.setMaximization();
            for (int j = 0; j < m; j++) {
                if (first[j] <= 0) continue;
                x[j] = integer ? solver.makeBoolVar("") : solver.makeNumVar(0, 1, "");
                budget.setCoefficient(x[j], 1);
                for (int i : reach[j]) {
                    MPConstraint c = link.get(i);
                    if (c == null) {
                        MPVariable y = solver.makeNumVar(0, 1, "");
                        objective.setCoefficient(y, population[i]);
                        c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                        c.setCoefficient(y, 1);
                        link.put(i, c);
                    }
                    c.setCoefficient(x[j], -1);
                }
            }
            MPSolverParameters params = new MPSolverParameters();
            if (integer) {
                List<MPVariable> vars = new ArrayList<>();
                List<Double> hint = new ArrayList<>();
                Set<Integer> started = new HashSet<>(start);
                for (int j = 0; j < m; j++) {
                    if (x[j] == null) continue;
                    vars.add(x[j]);
                    hint.add(started.contains(j) ? 1.0 : 0.0);
                }
                solver.setHint(
                        vars.toArray(MPVariable[]::new),
                        hint.stream().mapToDouble(Double::doubleValue).toArray());
                params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            }
            MPSolver.ResultStatus status = solver.solve(params);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) return null;
            for (int j = 0; j < m; j++) if (x[j] != null && x[j].solutionValue() > 0.5) selection.add(j);
            return integer && status != MPSolver.ResultStatus.OPTIMAL ? objective.bestBound() : objective.value();
        } finally {
            solver.delete();
        }
    }

    static boolean available() {
        return fr.traitant.engine.OrTools.available();
    }
}
