package fr.traitant.engine.matching.internal;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;

/**
 * Exact lexicographic solve of one large connected component (hundreds to tens of thousands of households), class by
 * class, using the structure of the problem:
 *
 * <ol>
 *   <li>the bound of class k (a maximum flow, {@link FlowBound}, with the higher classes at their optimum) is computed
 *       first; when the current solution already serves that many people, class k is proven optimal with no
 *       integer programme at all — the usual case;</li>
 *   <li>otherwise a mixed-integer programme over the households of classes 1..k only (the lower classes cannot
 *       change the optimum of class k; they are set aside and re-inserted afterwards) maximises the people of class
 *       k with every higher class kept at its optimum, warm-started from the current solution, solved by SCIP with a
 *       deterministic node limit and no optimality gap;</li>
 *   <li>the lower classes are put back by the heuristic's insertion (nearest doctor with room, else an ejection
 *       chain that moves served households without unserving any), and the next class starts from there;</li>
 *   <li>last, person-minutes are minimised by SCIP with the people per class fixed, when the component is small
 *       enough for it ({@link #MINUTES_HOUSEHOLDS}).</li>
 * </ol>
 *
 * <p>A class solved by SCIP is proven only when SCIP proves it and either every household of the component has all
 * its eligible doctors among its candidates or the optimum found equals the flow bound (which counts every eligible
 * pair). Modifies the state of the component in place.
 */
public final class StagedSolver {

    /** Outcome: classes proven, stages that needed SCIP, person-minutes proven. */
    public record Outcome(boolean peopleProven, boolean minutesProven, int integerStages) {}

    /** Person-minutes are minimised by SCIP up to this many households (above: the heuristic's local search only). */
    static final int MINUTES_HOUSEHOLDS = 1_000;

    /** Local-search sweeps on person-minutes after the classes changed. */
    static final int POLISH_PASSES = 20;

    private static final boolean TRACE = Boolean.getBoolean("traitant.trace");

    private StagedSolver() {}

    /**
     * @param hh the component's households, sorted
     * @param candidateLimit the limit candidate rows were built with
     * @param nodesPerStage SCIP branch-and-bound node limit per stage
     */
    public static Outcome solve(MatchState st, int[] hh, int candidateLimit, long nodesPerStage, int chainNodes,
                                int chainWork) {
        ProblemIndex p = st.p;
        boolean rowsComplete = true;
        for (int h : hh) if (p.slotStart[h + 1] - p.slotStart[h] >= candidateLimit) rowsComplete = false;
        long[] fixed = new long[5];
        boolean peopleProven = true;
        int integerStages = 0;
        for (int stage = 0; stage < 5; stage++) {
            final int k = stage;
            long[] served = served(st, hh);
            long[] bound = new FlowBound(st, hh, candidateLimit).bounds();
            if (TRACE) System.err.printf("stage %d: served %s bound %s%n", k, Arrays.toString(served), Arrays.toString(bound));
            if (served[k] == bound[k]) {
                fixed[k] = served[k];
                continue;
            }
            integerStages++;
            int[] sub = Arrays.stream(hh).filter(h -> p.priority[h] <= k + 1).toArray();
            Stage r = peopleStage(st, hh, sub, k, fixed, nodesPerStage);
            if (r == null) return new Outcome(false, false, integerStages);
            long value = served[k];
            if (r.value > served[k]) {
                // the lower classes make room, then come back where they can
                for (int h : hh) st.unassign(h);
                for (int i = 0; i < sub.length; i++) if (r.slots[i] >= 0) st.assign(sub[i], r.slots[i]);
                HeuristicSolver heuristic = new HeuristicSolver(st, chainNodes, chainWork);
                int[] lower = Arrays.stream(hh).filter(h -> p.priority[h] > k + 1).boxed()
                        .sorted((a, b) -> Integer.compare(p.rank[a], p.rank[b])).mapToInt(Integer::intValue).toArray();
                for (int h : lower) heuristic.insert(h, false, null);
                value = r.value;
            }
            fixed[k] = value;
            boolean proven = r.proven && (rowsComplete || value == bound[k]);
            if (!proven) peopleProven = false;
        }
        if (integerStages > 0) new HeuristicSolver(st, chainNodes, chainWork).polish(POLISH_PASSES, fr.traitant.engine.matching.ProgressListener.NONE);
        boolean minutesProven = false;
        if (peopleProven && rowsComplete && hh.length <= MINUTES_HOUSEHOLDS) {
            Stage r = minutesStage(st, hh, fixed, nodesPerStage);
            if (r != null) {
                if (r.value < served(st, hh)[5]) {
                    for (int h : hh) st.unassign(h);
                    for (int i = 0; i < hh.length; i++) if (r.slots[i] >= 0) st.assign(hh[i], r.slots[i]);
                }
                minutesProven = r.proven;
            }
        }
        return new Outcome(peopleProven, minutesProven, integerStages);
    }

    private record Stage(int[] slots, long value, boolean proven) {}

    /** People per class 1..5 and person-centiminutes of the component's current assignment. */
    static long[] served(MatchState st, int[] hh) {
        long[] v = new long[6];
        for (int h : hh) {
            int s = st.slot[h];
            if (s < 0) continue;
            v[st.p.priority[h] - 1] += st.p.size[h];
            v[5] += (long) st.p.size[h] * st.p.slotCm[s];
        }
        return v;
    }

    /** Maximises class k's people among {@code sub} (classes 1..k+1), higher classes at {@code fixed}. */
    private static Stage peopleStage(MatchState st, int[] hh, int[] sub, int k, long[] fixed, long nodes) {
        Model m = Model.of(st, hh, sub);
        if (m == null) return null;
        try {
            for (int j = 0; j < k; j++) m.atLeast(j, fixed[j]);
            return m.solve(k, true, nodes);
        } finally {
            m.solver.delete();
        }
    }

    /** Minimises person-centiminutes over the whole component, every class at {@code fixed}. */
    private static Stage minutesStage(MatchState st, int[] hh, long[] fixed, long nodes) {
        Model m = Model.of(st, hh, hh);
        if (m == null) return null;
        try {
            for (int j = 0; j < 5; j++) m.atLeast(j, fixed[j]);
            return m.solve(5, false, nodes);
        } finally {
            m.solver.delete();
        }
    }

    /** One Boolean per eligible, non-forbidden pair of the households {@code sub}; capacities of the whole component. */
    private static final class Model {
        final MPSolver solver;
        final MatchState st;
        final int[] sub;
        final MPVariable[] x;
        final int[] arcSlot, arcHousehold;
        final long[][] coef;
        /** The component's doctors and the places they have for it. */
        final int[] ds, cap;

        private Model(MPSolver solver, MatchState st, int[] sub, MPVariable[] x, int[] arcSlot, int[] arcHousehold, long[][] coef,
                      int[] ds, int[] cap) {
            this.ds = ds;
            this.cap = cap;
            this.solver = solver;
            this.st = st;
            this.sub = sub;
            this.x = x;
            this.arcSlot = arcSlot;
            this.arcHousehold = arcHousehold;
            this.coef = coef;
        }

        static Model of(MatchState st, int[] hh, int[] sub) {
            ProblemIndex p = st.p;
            MPSolver solver = MPSolver.createSolver("SCIP");
            if (solver == null) return null;
            int[] ds = st.doctorsOf(hh);
            int[] cap = st.capacityFor(hh, ds);
            int[] demand = new int[ds.length];
            for (int h : sub) for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (!st.forbidden[s]) demand[Arrays.binarySearch(ds, p.slotDoctor[s])] += p.size[h];
            }
            MPConstraint[] capacity = new MPConstraint[ds.length];
            for (int j = 0; j < ds.length; j++) if (demand[j] > cap[j]) capacity[j] = solver.makeConstraint(0, cap[j]);
            int na = 0;
            for (int h : sub) for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) if (!st.forbidden[s]) na++;
            MPVariable[] x = new MPVariable[na];
            int[] arcSlot = new int[na], arcHousehold = new int[na];
            long[][] coef = new long[6][na];
            int a = 0;
            for (int i = 0; i < sub.length; i++) {
                int h = sub[i];
                MPConstraint one = p.slotStart[h + 1] - p.slotStart[h] > 1 ? solver.makeConstraint(0, 1) : null;
                for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                    if (st.forbidden[s]) continue;
                    x[a] = solver.makeBoolVar("");
                    if (one != null) one.setCoefficient(x[a], 1);
                    MPConstraint c = capacity[Arrays.binarySearch(ds, p.slotDoctor[s])];
                    if (c != null) c.setCoefficient(x[a], p.size[h]);
                    arcSlot[a] = s;
                    arcHousehold[a] = i;
                    coef[p.priority[h] - 1][a] = p.size[h];
                    coef[5][a] = (long) p.size[h] * p.slotCm[s];
                    a++;
                }
            }
            return new Model(solver, st, sub, x, arcSlot, arcHousehold, coef, ds, cap);
        }

        void atLeast(int c, long value) {
            if (value <= 0) return;
            MPConstraint keep = solver.makeConstraint(value, Double.POSITIVE_INFINITY);
            for (int y = 0; y < x.length; y++) if (coef[c][y] != 0) keep.setCoefficient(x[y], coef[c][y]);
        }

        Stage solve(int c, boolean maximise, long nodes) {
            ProblemIndex p = st.p;
            solver.setSolverSpecificParametersAsString("limits/totalnodes = " + nodes + "\n");
            MPObjective obj = solver.objective();
            for (int y = 0; y < x.length; y++) if (coef[c][y] != 0) obj.setCoefficient(x[y], coef[c][y]);
            if (maximise) obj.setMaximization();
            else obj.setMinimization();
            double[] hint = new double[x.length];
            long start = 0;
            for (int y = 0; y < x.length; y++) {
                if (st.slot[sub[arcHousehold[y]]] == arcSlot[y]) {
                    hint[y] = 1;
                    start += coef[c][y];
                }
            }
            solver.setHint(x, hint);
            MPSolverParameters params = new MPSolverParameters();
            // integer objectives: no relative gap, or SCIP would call "optimal" a person short
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            long t0 = System.nanoTime();
            MPSolver.ResultStatus status = solver.solve(params);
            if (TRACE) System.err.printf("  scip class %d over %d households: %s in %.0f ms%n", c + 1, sub.length, status,
                    (System.nanoTime() - t0) / 1e6);
            int[] slots = new int[sub.length];
            Arrays.fill(slots, -1);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Stage(slots, maximise ? -1 : Long.MAX_VALUE, false);
            }
            long value = 0;
            for (int y = 0; y < x.length; y++) {
                if (x[y].solutionValue() > 0.5) {
                    if (slots[arcHousehold[y]] >= 0) return new Stage(slots, maximise ? -1 : Long.MAX_VALUE, false);
                    slots[arcHousehold[y]] = arcSlot[y];
                    value += coef[c][y];
                }
            }
            if (!feasible(slots)) return new Stage(slots, maximise ? -1 : Long.MAX_VALUE, false);
            return new Stage(slots, value, status == MPSolver.ResultStatus.OPTIMAL);
        }

        /** Checks one doctor per household and capacities, in whole people (no trust in floating point). */
        private boolean feasible(int[] slots) {
            ProblemIndex p = st.p;
            int[] load = new int[ds.length];
            for (int i = 0; i < sub.length; i++) {
                if (slots[i] < 0) continue;
                int j = Arrays.binarySearch(ds, p.slotDoctor[slots[i]]);
                load[j] += p.size[sub[i]];
                if (load[j] > cap[j]) return false;
            }
            return true;
        }
    }
}
