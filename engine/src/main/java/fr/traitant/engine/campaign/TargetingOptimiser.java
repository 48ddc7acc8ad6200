package fr.traitant.engine.campaign;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import fr.traitant.engine.matching.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Selects at most a budget of candidates maximising the expected people covered ({@link
 * CoverageFlow}).
 *
 * <ol>
 *   <li><b>Lazy greedy.</b> The value is submodular in the selection (a flow from a set of sources),
 *       so a candidate's gain only shrinks as others are chosen: gains computed earlier are upper
 *       bounds and only the top of the queue is recomputed. Ties go to the smaller id.
 *   <li><b>Bound.</b> By submodularity, for the greedy selection S (and for the empty one), the
 *       optimum is at most value(S) plus the sum of the budget's largest gains with respect to S.
 *   <li><b>Mixed-integer programme</b> (SCIP, when the useful candidates are at most {@link
 *       TargetingOptions#exactCandidateLimit()}): binary choice per candidate, flow per pair,
 *       warm-started from greedy, within a node limit. Its solution replaces greedy's when better;
 *       its dual bound tightens the bound; when it finishes, the selection is proven optimal.
 * </ol>
 */
public final class TargetingOptimiser {

    private TargetingOptimiser() {}

    public static TargetingResult select(TargetingProblem problem, TargetingOptions options) {
        return select(problem, options, ProgressListener.NONE);
    }

    public static TargetingResult select(
            TargetingProblem problem, TargetingOptions options, ProgressListener progress) {
        int budget = options.budget();
        int[] useful = usefulCandidates(problem);
        // 1. lazy greedy
        CoverageFlow flow = new CoverageFlow(problem);
        double[] firstGains = new double[useful.length];
        for (int i = 0; i < useful.length; i++) firstGains[i] = flow.gain(useful[i]);
        double bound = Math.min(problem.totalDemand(), sumOfLargest(firstGains, budget));
        List<Integer> chosen = lazyGreedy(problem, flow, useful, firstGains, budget, progress);
        double greedyValue = flow.value();
        if (greedyValue < bound - CoverageFlow.EPSILON) {
            double[] lastGains = new double[useful.length];
            for (int i = 0; i < useful.length; i++) lastGains[i] = flow.gain(useful[i]);
            bound = Math.min(bound, greedyValue + sumOfLargest(lastGains, budget));
        }
        bound = Math.max(bound, greedyValue);
        List<Integer> selection = chosen;
        double value = greedyValue;
        String method = "greedy";
        // 2. the linear relaxation bounds the gap; 3. the mixed-integer programme closes it
        if (!proven(value, bound) && orToolsAvailable()) {
            progress.onProgress("bound", 0, 1);
            @Nullable Mip relaxation = solveProgramme(problem, useful, budget, chosen, false, 0);
            if (relaxation != null) bound = Math.max(value, Math.min(bound, relaxation.bound()));
            progress.onProgress("bound", 1, 1);
        }
        if (!proven(value, bound) && useful.length <= options.exactCandidateLimit() && orToolsAvailable()) {
            progress.onProgress("mip", 0, 1);
            @Nullable Mip mip = solveProgramme(problem, useful, budget, chosen, true, options.mipNodeLimit());
            if (mip != null) {
                method = "greedy+mip";
                double mipValue = valueOf(problem, mip.selection());
                if (mipValue > value + CoverageFlow.EPSILON) {
                    selection = mip.selection();
                    value = mipValue;
                }
                bound = Math.max(
                        value,
                        mip.optimal() ? Math.min(bound, Math.max(value, mip.bound())) : Math.min(bound, mip.bound()));
            }
            progress.onProgress("mip", 1, 1);
        }
        List<String> naive = naiveSelection(problem, useful, budget);
        double naiveValue = CoverageFlow.valueOf(problem, naive);
        return new TargetingResult(
                ids(problem, inGreedyOrder(problem, selection)), value, bound, naive, naiveValue, method);
    }

    /** Candidates with expected places and at least one zone with people within reach. */
    private static int[] usefulCandidates(TargetingProblem p) {
        return java.util.stream.IntStream.range(0, p.candidates.size())
                .filter(c -> p.supply[c] > CoverageFlow.EPSILON)
                .filter(c -> java.util.stream.IntStream.range(p.pairStart[c], p.pairStart[c + 1])
                        .anyMatch(q -> p.demand[p.pairZone[q]] > CoverageFlow.EPSILON))
                .toArray();
    }

    /**
     * The naive choice a manager would make without the optimiser: the candidates nearest to a place
     * of demand (the shortest travel time to any zone with people), ties by id.
     */
    static List<String> naiveSelection(TargetingProblem p, int[] useful, int budget) {
        double[] nearest = new double[p.candidates.size()];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c : useful) {
            for (int q = p.pairStart[c]; q < p.pairStart[c + 1]; q++) {
                if (p.demand[p.pairZone[q]] > CoverageFlow.EPSILON) nearest[c] = Math.min(nearest[c], p.pairMinutes[q]);
            }
        }
        return Arrays.stream(useful)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> nearest[c]).thenComparingInt(c -> c))
                .limit(budget)
                .map(c -> p.candidates.get(c).id())
                .toList();
    }

    private static double valueOf(TargetingProblem p, List<Integer> selection) {
        CoverageFlow f = new CoverageFlow(p);
        for (int c : selection) f.add(c);
        return f.value();
    }

    /** Orders a selection as greedy would pick among it: the largest gain first. */
    private static List<Integer> inGreedyOrder(TargetingProblem p, List<Integer> selection) {
        CoverageFlow f = new CoverageFlow(p);
        int[] among = selection.stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] gains = Arrays.stream(among).mapToDouble(f::gain).toArray();
        return lazyGreedy(p, f, among, gains, among.length, ProgressListener.NONE);
    }

    /**
     * Adds to {@code flow} up to {@code budget} of {@code among}, each time the one with the largest
     * gain (ties: the smaller index), stopping when nothing adds more.
     *
     * @param gains each one's gain with respect to the flow as it is
     */
    private static List<Integer> lazyGreedy(
            TargetingProblem p, CoverageFlow flow, int[] among, double[] gains, int budget, ProgressListener progress) {
        // entries: gain (an upper bound once others are chosen), candidate, round it was computed in
        PriorityQueue<double[]> queue = new PriorityQueue<>(
                Comparator.<double[]>comparingDouble(e -> -e[0]).thenComparingDouble(e -> e[1]));
        for (int i = 0; i < among.length; i++) queue.add(new double[] {gains[i], among[i], 0});
        double total = p.totalDemand();
        List<Integer> chosen = new ArrayList<>();
        int round = 0;
        while (chosen.size() < budget && !queue.isEmpty() && flow.value() < total - CoverageFlow.EPSILON) {
            double[] top = queue.poll();
            if (top[0] <= CoverageFlow.EPSILON) break;
            int c = (int) top[1];
            if ((int) top[2] == round) {
                flow.add(c);
                chosen.add(c);
                round++;
                progress.onProgress("greedy", chosen.size(), budget);
            } else {
                queue.add(new double[] {flow.gain(c), c, round});
            }
        }
        return chosen;
    }

    private static List<String> ids(TargetingProblem p, List<Integer> selection) {
        return selection.stream().map(c -> p.candidates.get(c).id()).toList();
    }

    private static boolean proven(double value, double bound) {
        return bound - value <= 1e-6 * Math.max(1, bound);
    }

    private static double sumOfLargest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int i = sorted.length - 1; i >= 0 && i >= sorted.length - k; i--) sum += sorted[i];
        return sum;
    }

    private record Mip(List<Integer> selection, double bound, boolean optimal) {}

    /**
     * The programme: a choice per candidate (binary, or between 0 and 1 for the linear relaxation,
     * solved by GLOP), a flow per pair within reach.
     */
    private static @Nullable Mip solveProgramme(
            TargetingProblem p, int[] useful, int budget, List<Integer> start, boolean integer, long nodeLimit) {
        MPSolver solver = MPSolver.createSolver(integer ? "SCIP" : "GLOP");
        if (solver == null) return null;
        try {
            if (integer) solver.setSolverSpecificParametersAsString("limits/totalnodes = " + nodeLimit + "\n");
            MPConstraint[] zone = new MPConstraint[p.zones.size()];
            for (int z = 0; z < zone.length; z++) zone[z] = solver.makeConstraint(0, p.demand[z]);
            MPConstraint letters = solver.makeConstraint(0, budget);
            MPObjective objective = solver.objective();
            objective.setMaximization();
            MPVariable[] x = new MPVariable[useful.length];
            List<MPVariable> hinted = new ArrayList<>();
            List<Double> hints = new ArrayList<>();
            boolean[] started = new boolean[p.candidates.size()];
            for (int c : start) started[c] = true;
            for (int i = 0; i < useful.length; i++) {
                int c = useful[i];
                x[i] = integer ? solver.makeBoolVar("") : solver.makeNumVar(0, 1, "");
                letters.setCoefficient(x[i], 1);
                hinted.add(x[i]);
                hints.add(started[c] ? 1.0 : 0.0);
                MPConstraint supply = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                supply.setCoefficient(x[i], -p.supply[c]);
                for (int q = p.pairStart[c]; q < p.pairStart[c + 1]; q++) {
                    int z = p.pairZone[q];
                    if (p.demand[z] <= CoverageFlow.EPSILON) continue;
                    MPVariable f = solver.makeNumVar(0, Math.min(p.supply[c], p.demand[z]), "");
                    supply.setCoefficient(f, 1);
                    zone[z].setCoefficient(f, 1);
                    objective.setCoefficient(f, 1);
                }
            }
            solver.setHint(
                    hinted.toArray(MPVariable[]::new),
                    hints.stream().mapToDouble(Double::doubleValue).toArray());
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            MPSolver.ResultStatus status = solver.solve(params);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) return null;
            List<Integer> selection = new ArrayList<>();
            for (int i = 0; i < useful.length; i++) if (x[i].solutionValue() > 0.5) selection.add(useful[i]);
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            // the relaxation's optimum bounds every integer selection; SCIP's dual bound likewise
            double bound = optimal || !integer ? objective.value() : objective.bestBound();
            return new Mip(selection, bound, optimal);
        } finally {
            solver.delete();
        }
    }

    static boolean orToolsAvailable() {
        return fr.traitant.engine.OrTools.available();
    }
}
