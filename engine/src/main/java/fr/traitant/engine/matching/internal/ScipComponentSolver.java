package fr.traitant.engine.matching.internal;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Levels 1–2 of one component (people per priority class, then person-centiminutes) by a
 * mixed-integer programme solved with SCIP through OR-Tools' {@code MPSolver}, lexicographically:
 * maximise people of priority 1, keep it as a constraint, … 5, then minimise person-centiminutes.
 * Single-threaded; each stage is limited by a number of branch-and-bound nodes
 * ({@code limits/totalnodes}), a deterministic limit, never by wall-clock time. Warm-started with
 * the best known solution (hint). The solution is checked (one doctor per household, capacities)
 * and rounded values are used exactly; a stage that does not prove optimality keeps the best
 * solution and marks the result not proven.
 */
final class ScipComponentSolver {

    /** Result: slot per household (-1 unserved), objective (people per class 1..5, centiminutes), proven. */
    record Result(int[] slots, long[] objective, boolean proven) {}

    private ScipComponentSolver() {}

    /**
     * @param cap capacity available to the component's doctors, indexed like {@code ds}
     * @return null when SCIP is not available in this OR-Tools build
     */
    static @Nullable Result solve(
            ProblemIndex p, boolean[] forbidden, int[] hh, int[] ds, int[] cap, int[] startSlots, long nodesPerStage) {
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) return null;
        try {
            solver.setSolverSpecificParametersAsString("limits/totalnodes = " + nodesPerStage + "\n");
            int nh = hh.length, nd = ds.length;
            MPConstraint[] capacity = new MPConstraint[nd];
            for (int j = 0; j < nd; j++) capacity[j] = solver.makeConstraint(0, cap[j]);
            int na = 0;
            for (int h : hh) for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) if (!forbidden[s]) na++;
            MPVariable[] x = new MPVariable[na];
            int[] arcSlot = new int[na], arcHousehold = new int[na];
            long[][] coef = new long[6][na];
            int a = 0;
            for (int i = 0; i < nh; i++) {
                int h = hh[i];
                MPConstraint one = solver.makeConstraint(0, 1);
                for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                    if (forbidden[s]) continue;
                    x[a] = solver.makeBoolVar("");
                    one.setCoefficient(x[a], 1);
                    capacity[Arrays.binarySearch(ds, p.slotDoctor[s])].setCoefficient(x[a], p.size[h]);
                    arcSlot[a] = s;
                    arcHousehold[a] = i;
                    coef[p.priority[h] - 1][a] = p.size[h];
                    coef[5][a] = (long) p.size[h] * p.slotCm[s];
                    a++;
                }
            }
            boolean[] current = new boolean[na];
            for (int y = 0; y < na; y++) current[y] = startSlots[arcHousehold[y]] == arcSlot[y];
            long[] value = new long[6];
            boolean proven = true;
            for (int stage = 0; stage < 6; stage++) {
                long v0 = 0;
                boolean any = false;
                for (int y = 0; y < na; y++) {
                    if (current[y]) v0 += coef[stage][y];
                    if (coef[stage][y] != 0) any = true;
                }
                value[stage] = v0;
                if (!any) continue;
                MPObjective obj = solver.objective();
                obj.clear();
                for (int y = 0; y < na; y++) if (coef[stage][y] != 0) obj.setCoefficient(x[y], coef[stage][y]);
                if (stage < 5) obj.setMaximization();
                else obj.setMinimization();
                double[] hint = new double[na];
                for (int y = 0; y < na; y++) hint[y] = current[y] ? 1 : 0;
                solver.setHint(x, hint);
                MPSolver.ResultStatus status = solver.solve(exactGap());
                if (status != MPSolver.ResultStatus.OPTIMAL) proven = false;
                if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
                    boolean[] found = new boolean[na];
                    for (int y = 0; y < na; y++) found[y] = x[y].solutionValue() > 0.5;
                    if (feasible(p, hh, ds, cap, arcSlot, arcHousehold, found)) {
                        long v = 0;
                        for (int y = 0; y < na; y++) if (found[y]) v += coef[stage][y];
                        if (better(stage, value, v, found, current, coef)) {
                            current = found;
                            value[stage] = v;
                        }
                    } else {
                        proven = false;
                    }
                }
                MPConstraint keep = stage < 5
                        ? solver.makeConstraint(value[stage], Double.POSITIVE_INFINITY)
                        : solver.makeConstraint(Double.NEGATIVE_INFINITY, value[stage]);
                for (int y = 0; y < na; y++) if (coef[stage][y] != 0) keep.setCoefficient(x[y], coef[stage][y]);
            }
            int[] slots = new int[nh];
            Arrays.fill(slots, -1);
            for (int y = 0; y < na; y++) if (current[y]) slots[arcHousehold[y]] = arcSlot[y];
            long[] objective = new long[6];
            for (int y = 0; y < na; y++) if (current[y]) for (int c = 0; c < 6; c++) objective[c] += coef[c][y];
            return new Result(slots, objective, proven);
        } finally {
            solver.delete();
        }
    }

    /** The new solution must keep the earlier stages' values and improve this one. */
    private static boolean better(int stage, long[] value, long v, boolean[] found, boolean[] current, long[][] coef) {
        for (int c = 0; c < stage; c++) {
            long f = 0;
            for (int y = 0; y < found.length; y++) if (found[y]) f += coef[c][y];
            if (c < 5 ? f < value[c] : f > value[c]) return false;
        }
        return stage < 5 ? v > value[stage] : v < value[stage];
    }

    private static boolean feasible(
            ProblemIndex p, int[] hh, int[] ds, int[] cap, int[] arcSlot, int[] arcHousehold, boolean[] on) {
        int[] load = new int[ds.length];
        boolean[] served = new boolean[hh.length];
        for (int y = 0; y < on.length; y++) {
            if (!on[y]) continue;
            int i = arcHousehold[y];
            if (served[i]) return false;
            served[i] = true;
            int j = Arrays.binarySearch(ds, p.slotDoctor[arcSlot[y]]);
            load[j] += p.size[hh[i]];
            if (load[j] > cap[j]) return false;
        }
        return true;
    }

    /**
     * Objectives are integers (people, centiminutes): no MIP gap. OR-Tools' default relative gap (1e-4) would let SCIP
     * report "optimal" a person or a few minutes short on large objectives.
     */
    static com.google.ortools.linearsolver.MPSolverParameters exactGap() {
        var params = new com.google.ortools.linearsolver.MPSolverParameters();
        params.setDoubleParam(com.google.ortools.linearsolver.MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        return params;
    }

    // ---- one stage of the staged solver (StagedSolver) ----------------------------------------------------------

    /** One stage's solution over the households {@code sub}: slot per household (-1 unserved), value, proven. */
    record Stage(int[] slots, long value, boolean proven) {}

    /** Maximises class k's people among {@code sub} (classes 1..k+1), higher classes at {@code fixed}. */
    static @Nullable Stage peopleStage(MatchState st, int[] hh, int[] sub, int k, long[] fixed, long nodes) {
        StageModel m = StageModel.of(st, hh, sub);
        if (m == null) return null;
        try {
            for (int j = 0; j < k; j++) m.atLeast(j, fixed[j]);
            return m.solve(k, true, nodes);
        } finally {
            m.solver.delete();
        }
    }

    /** One Boolean per eligible, non-forbidden pair of the households {@code sub}; capacities of the whole component. */
    private static final class StageModel {
        final MPSolver solver;
        final MatchState st;
        final int[] sub;
        final MPVariable[] x;
        final int[] arcSlot, arcHousehold;
        final long[][] coef;
        /** The component's doctors and the places they have for it. */
        final int[] ds, cap;

        private StageModel(
                MPSolver solver,
                MatchState st,
                int[] sub,
                MPVariable[] x,
                int[] arcSlot,
                int[] arcHousehold,
                long[][] coef,
                int[] ds,
                int[] cap) {
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

        static @Nullable StageModel of(MatchState st, int[] hh, int[] sub) {
            ProblemIndex p = st.p;
            MPSolver solver = MPSolver.createSolver("SCIP");
            if (solver == null) return null;
            int[] ds = st.doctorsOf(hh);
            int[] cap = st.capacityFor(hh, ds);
            int[] demand = new int[ds.length];
            for (int h : sub)
                for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
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
            return new StageModel(solver, st, sub, x, arcSlot, arcHousehold, coef, ds, cap);
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
            for (int y = 0; y < x.length; y++) if (st.slot[sub[arcHousehold[y]]] == arcSlot[y]) hint[y] = 1;
            solver.setHint(x, hint);
            MPSolver.ResultStatus status = solver.solve(exactGap());
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
