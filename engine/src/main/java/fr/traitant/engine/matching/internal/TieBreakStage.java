package fr.traitant.engine.matching.internal;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;

/**
 * The third level of the lexicographic objective on a large component whose people per class and person-minutes are
 * proven ({@link MinutesStage}): among the assignments serving exactly as many people of each class at the same
 * person-minutes, the one that serves the people who have waited longest (minimise Σ size × waiting-since day, the
 * people served being fixed), then the smaller ids — the same folded objective as {@link CpSatComponentSolver}'s
 * tie-break stage on the small components.
 *
 * <p>Only the pairs that some optimal assignment may use enter the model: every assignment with the proven people
 * costs at least L + size × reduced cost of each of its pairs (L the relaxation's bound), so at the optimum V only the
 * pairs with size × reduced cost ≤ V − L can appear; {@link MinutesStage} passes those — when V = L, with the pairs
 * complementary slackness fixes; when V &gt; L, with the person-minutes as a constraint. SCIP, zero gap, a node limit
 * per level, warm-started from the current assignment (measured: CP-SAT with the folded objective did not prove a
 * 520-household component in its default 10 units of deterministic time); each level's solution is checked in whole
 * numbers (places, people per class, person-minutes) before it is kept, and keeps its value while the next level runs.
 */
final class TieBreakStage {

    /** The assignment (slot per household of the component, -1 unserved) and whether SCIP proved both levels. */
    record Result(int[] slots, boolean proven) {}

    /**
     * Where every optimum lies ({@link MinutesStage}): the slots it may use, those it must use, per household of the
     * component (in its order) whether it must be served, and the doctors (global) it must fill. On the face of the
     * relaxation's optima ({@code withinGap} false) every assignment meeting these costs the optimum; when the optimum
     * is above the relaxation's bound ({@code withinGap} true: the pairs are those within the gap of reduced cost, nothing
     * fixed) the person-minutes are kept by a constraint.
     */
    record Face(int[] pairs, int[] fixed, boolean[] serve, int[] fullDoctors, boolean withinGap) {}

    private TieBreakStage() {}

    /**
     * @param hh the component's households
     * @param face the face every optimum lies on (the current assignment is on it)
     * @param people the proven people per class 1..5
     * @param minutes the proven person-centiminutes
     * @param nodes SCIP's node limit per level
     */
    static Result solve(MatchState st, int[] hh, Face face, long[] people, long minutes, long nodes) {
        ProblemIndex p = st.p;
        int[] current = st.slotsOf(hh);
        int[] ds = st.doctorsOf(hh);
        int[] places = st.capacityFor(hh, ds);
        int[] index = new int[p.householdCount()];
        for (int i = 0; i < hh.length; i++) index[hh[i]] = i;
        // a class with nobody served in the optimum keeps nobody served: its households' pairs are left out
        int[] fixed = face.fixed().clone();
        Arrays.sort(fixed);
        int[] sorted = Arrays.stream(face.pairs())
                .filter(s -> people[p.priority[householdOf(p, s)] - 1] > 0)
                .sorted()
                .toArray();
        long minDay = Long.MAX_VALUE;
        for (int h : hh)
            minDay = Math.min(minDay, p.households[h].waitingSince().toEpochDay());
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) return new Result(current, false);
        try {
            solver.setSolverSpecificParametersAsString("limits/totalnodes = " + nodes + "\n");
            int n = sorted.length;
            MPVariable[] x = new MPVariable[n];
            int[] household = new int[n];
            MPConstraint[] one = new MPConstraint[hh.length];
            MPConstraint[] capacity = new MPConstraint[ds.length];
            MPConstraint[] cls = new MPConstraint[5];
            for (int k = 0; k < 5; k++) cls[k] = solver.makeConstraint(people[k], people[k]);
            for (int d : face.fullDoctors()) {
                int j = Arrays.binarySearch(ds, d);
                if (j >= 0) capacity[j] = solver.makeConstraint(places[j], places[j]);
            }
            // on the face every assignment costs the optimum; within the gap the person-minutes are kept by a
            // constraint
            MPConstraint trips = face.withinGap() ? solver.makeConstraint(Double.NEGATIVE_INFINITY, minutes) : null;
            long[] waited = new long[n], id = new long[n];
            double[] hint = new double[n];
            for (int y = 0; y < n; y++) {
                int s = sorted[y], h = householdOf(p, s), i = index[h];
                household[y] = i;
                x[y] = solver.makeBoolVar("");
                if (one[i] == null) one[i] = solver.makeConstraint(face.serve()[i] ? 1 : 0, 1);
                if (Arrays.binarySearch(fixed, s) >= 0) x[y].setLb(1);
                one[i].setCoefficient(x[y], 1);
                int j = Arrays.binarySearch(ds, p.slotDoctor[s]);
                if (capacity[j] == null) capacity[j] = solver.makeConstraint(0, places[j]);
                capacity[j].setCoefficient(x[y], p.size[h]);
                cls[p.priority[h] - 1].setCoefficient(x[y], p.size[h]);
                if (trips != null) trips.setCoefficient(x[y], (double) p.size[h] * p.slotCm[s]);
                // people served being fixed, the fewest Σ size × waiting-since day is the most people-days waited;
                // households are indexed in id order
                waited[y] = p.size[h] * (p.households[h].waitingSince().toEpochDay() - minDay);
                id[y] = (long) p.size[h] * index[h];
                hint[y] = current[i] == s ? 1 : 0;
            }
            boolean proven = true;
            long[][] levels = {waited, id};
            for (long[] level : levels) {
                MPObjective objective = solver.objective();
                objective.clear();
                for (int y = 0; y < n; y++) objective.setCoefficient(x[y], level[y]);
                objective.setMinimization();
                solver.setHint(x, hint);
                MPSolver.ResultStatus status = solver.solve(ScipComponentSolver.exactGap());
                if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                    proven = false;
                    break;
                }
                double[] found = new double[n];
                long value = 0;
                for (int y = 0; y < n; y++) {
                    found[y] = x[y].solutionValue() > 0.5 ? 1 : 0;
                    if (found[y] > 0) value += level[y];
                }
                if (!holds(p, hh, ds, places, slotsOf(sorted, household, found, hh.length), people, minutes)) {
                    proven = false;
                    break;
                }
                proven &= status == MPSolver.ResultStatus.OPTIMAL;
                hint = found;
                // the level keeps its value while the next one is optimised
                MPConstraint keep = solver.makeConstraint(Double.NEGATIVE_INFINITY, value);
                for (int y = 0; y < n; y++) keep.setCoefficient(x[y], level[y]);
            }
            int[] slots = slotsOf(sorted, household, hint, hh.length);
            if (!holds(p, hh, ds, places, slots, people, minutes)) return new Result(current, false);
            return new Result(slots, proven);
        } finally {
            solver.delete();
        }
    }

    private static int[] slotsOf(int[] sorted, int[] household, double[] chosen, int nh) {
        int[] slots = new int[nh];
        Arrays.fill(slots, -1);
        for (int y = 0; y < sorted.length; y++) if (chosen[y] > 0.5) slots[household[y]] = sorted[y];
        return slots;
    }

    /** The household of slot s (rows are contiguous by household). */
    private static int householdOf(ProblemIndex p, int s) {
        int lo = 0, hi = p.householdCount() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (p.slotStart[mid] <= s) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** The assignment keeps the places, the people per class and the person-minutes (checked in whole numbers). */
    private static boolean holds(
            ProblemIndex p, int[] hh, int[] ds, int[] places, int[] slots, long[] people, long minutes) {
        long v = checkedValue(p, hh, d -> Math.max(-1, Arrays.binarySearch(ds, d)), places, slots, people);
        return v >= 0 && v <= minutes;
    }

    /**
     * Person-centiminutes of an assignment of a component (slot per household of {@code hh}, -1 unserved), checked in
     * whole numbers — no doctor (local number {@code localOf}) above its places, exactly {@code people} per class; -1
     * when it breaks one (no trust in a solver's floating point).
     */
    static long checkedValue(
            ProblemIndex p,
            int[] hh,
            java.util.function.IntUnaryOperator localOf,
            int[] places,
            int[] slots,
            long[] people) {
        int[] load = new int[places.length];
        long[] served = new long[5];
        long v = 0;
        for (int i = 0; i < hh.length; i++) {
            if (slots[i] < 0) continue;
            int h = hh[i], j = localOf.applyAsInt(p.slotDoctor[slots[i]]);
            if (j < 0 || (load[j] += p.size[h]) > places[j]) return -1;
            served[p.priority[h] - 1] += p.size[h];
            v += (long) p.size[h] * p.slotCm[slots[i]];
        }
        return Arrays.equals(served, people) ? v : -1;
    }
}
