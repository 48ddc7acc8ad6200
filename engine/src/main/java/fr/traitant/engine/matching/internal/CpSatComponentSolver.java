package fr.traitant.engine.matching.internal;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Exact lexicographic solve of one connected component with OR-Tools, used when the pure-Java
 * branch-and-bound did not prove optimality, and for the tie-break stages. Levels 1–2 go first to
 * SCIP ({@link ScipComponentSolver}, node limit = 5,000 × the stage limit); when SCIP does not prove
 * them, CP-SAT's stages 1–6 below continue from SCIP's best solution. The tie-break is always CP-SAT.
 *
 * <p>Model: one Boolean per eligible, non-forbidden (household, doctor) pair; at most one doctor
 * per household; Σ size ≤ capacity per doctor. Stages, each keeping the optimum of the previous
 * ones by a constraint (≥ the people served, ≤ the person-minutes) before the next: (1–5) maximise
 * the people served of priority 1, …, 5; (6) minimise person-centiminutes; (7) the tie-break,
 * lexicographic in one folded objective: minimise Σ over served households of size × waiting-since
 * day (i.e. maximise the people-days waited, the people served being fixed by stages 1–5), then
 * Σ over served households of size × rank of its id (smaller ids first). The id term is below the
 * scale of one people-day, so it only separates solutions equal on waiting.
 *
 * <p>Deterministic: one worker, fixed seed, and a <em>deterministic</em> time limit per stage
 * ({@code max_deterministic_time}), never wall-clock time. Each stage is warm-started with the best
 * solution known (hint). A stage that does not prove optimality within its limit keeps its best
 * solution and the remaining stages still run on it (constrained to its value), so the result is
 * always feasible and never worse than the hint.
 */
public final class CpSatComponentSolver {

    /** Result: slot per household (-1 unserved), and which stages were proven optimal. */
    public record Result(int[] households, int[] slots, boolean objectiveProven, boolean tieBreakProven) {}

    /** SCIP branch-and-bound nodes per lexicographic stage and CP-SAT deterministic unit (10 units: 50,000 nodes). */
    static final long SCIP_NODES_PER_UNIT = 5_000;
    /** For measurements only: -Dtraitant.matching.noScip=true skips the SCIP stage. */
    private static final boolean scipDisabled = Boolean.getBoolean("traitant.matching.noScip");

    /** Up to this many households the tie-break stage gets the full stage limit; above, proportionally less. */
    static final double TIE_BREAK_HOUSEHOLDS = 400.0;

    private CpSatComponentSolver() {}

    /** Loads the native library once; false when it cannot be loaded on this platform. */
    public static boolean available() {
        return fr.traitant.engine.OrTools.available();
    }

    /**
     * Solves the component {@code hh} (all candidate doctors of these households, used by no other
     * household) starting from {@code startSlots} (one per household, -1 unserved; a feasible
     * assignment). When {@code knownOptimum} (people per class 1..5 and person-centiminutes, proven
     * optimal by branch-and-bound) is given, stages 1–6 are replaced by equalities to it.
     *
     * @param detTimePerStage deterministic time limit of each stage (CP-SAT's unit, ~ seconds of work)
     */
    public static Result solve(
            MatchState st,
            int[] hh,
            int[] startSlots,
            long @Nullable [] knownOptimum,
            boolean tieBreak,
            double detTimePerStage) {
        ProblemIndex p = st.p;
        int nh = hh.length;
        int[] ds = st.doctorsOf(hh);
        int nd = ds.length;
        int[] cap = st.capacityFor(hh, ds);

        // levels 1–2 by SCIP first when not already proven: on these assignment problems its LP bound
        // proves the optimum faster than CP-SAT (measured, ADR 0045); CP-SAT stays the fallback
        if (knownOptimum == null && !scipDisabled) {
            ScipComponentSolver.Result scip =
                    ScipComponentSolver.solve(p, st.forbidden, hh, ds, cap, startSlots, Math.max(1_000L, (long)
                            (detTimePerStage * SCIP_NODES_PER_UNIT)));
            if (scip != null) {
                startSlots = scip.slots();
                if (scip.proven()) knownOptimum = scip.objective();
            }
        }
        CpModel model = new CpModel();
        int[] arcStart = new int[nh + 1];
        int na = 0;
        for (int i = 0; i < nh; i++) {
            int h = hh[i];
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) if (!st.forbidden[s]) na++;
            arcStart[i + 1] = na;
        }
        BoolVar[] x = new BoolVar[na];
        int[] arcSlot = new int[na];
        int[] perDoctor = new int[nd];
        int a = 0;
        for (int i = 0; i < nh; i++) {
            int h = hh[i];
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (st.forbidden[s]) continue;
                x[a] = model.newBoolVar("");
                arcSlot[a] = s;
                perDoctor[Arrays.binarySearch(ds, p.slotDoctor[s])]++;
                a++;
            }
            if (arcStart[i + 1] - arcStart[i] > 1) {
                model.addAtMostOne(Arrays.copyOfRange(x, arcStart[i], arcStart[i + 1]));
            }
        }
        Literal[][] byDoctor = new Literal[nd][];
        long[][] sizeByDoctor = new long[nd][];
        for (int j = 0; j < nd; j++) {
            byDoctor[j] = new Literal[perDoctor[j]];
            sizeByDoctor[j] = new long[perDoctor[j]];
        }
        int[] fill = new int[nd];
        for (int i = 0; i < nh; i++) {
            for (int y = arcStart[i]; y < arcStart[i + 1]; y++) {
                int j = Arrays.binarySearch(ds, p.slotDoctor[arcSlot[y]]);
                byDoctor[j][fill[j]] = x[y];
                sizeByDoctor[j][fill[j]++] = p.size[hh[i]];
            }
        }
        for (int j = 0; j < nd; j++) {
            long total = 0;
            for (long s : sizeByDoctor[j]) total += s;
            if (total > cap[j]) model.addLessOrEqual(LinearExpr.weightedSum(byDoctor[j], sizeByDoctor[j]), cap[j]);
        }
        // objectives per stage, as coefficients over x
        int minDay = Integer.MAX_VALUE;
        for (int h : hh)
            minDay = (int) Math.min(minDay, p.households[h].waitingSince().toEpochDay());
        int[] idRank = new int[nh];
        {
            // households are indexed in id order in the ProblemIndex, and hh is sorted by index
            int[] sorted = hh.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < nh; i++) idRank[i] = Arrays.binarySearch(sorted, hh[i]);
        }
        long idScale = 1;
        for (int h : hh) idScale += (long) p.size[h] * nh;
        long[][] coef = new long[7][na];
        for (int i = 0; i < nh; i++) {
            int h = hh[i];
            long size = p.size[h];
            long day = p.households[h].waitingSince().toEpochDay() - minDay;
            for (int y = arcStart[i]; y < arcStart[i + 1]; y++) {
                coef[p.priority[h] - 1][y] = size;
                coef[5][y] = size * p.slotCm[arcSlot[y]];
                // waiting first, then id: the id term is below idScale, so it only breaks ties of the first
                coef[6][y] = size * day * idScale + size * idRank[i];
            }
        }
        boolean[] current = new boolean[na];
        for (int i = 0; i < nh; i++) {
            if (startSlots[i] < 0) continue;
            for (int y = arcStart[i]; y < arcStart[i + 1]; y++) if (arcSlot[y] == startSlots[i]) current[y] = true;
        }
        long[] classPeople = new long[5];
        for (int h : hh) classPeople[p.priority[h] - 1] += p.size[h];
        long[] classServed = new long[5];
        boolean objectiveProven = true, tieProven = true;
        int lastStage = tieBreak ? 7 : 6;
        for (int stage = 0; stage < lastStage; stage++) {
            if (stage == 6) constantTieBreakOfFullClasses(coef[6], classServed, classPeople, hh, arcStart, p);
            LinearExpr expr = LinearExpr.weightedSum(x, coef[stage]);
            long value = 0;
            for (int y = 0; y < na; y++) if (current[y]) value += coef[stage][y];
            if (stage < 6 && knownOptimum != null) {
                if (stage < 5) {
                    model.addGreaterOrEqual(expr, knownOptimum[stage]);
                    classServed[stage] = knownOptimum[stage];
                } else model.addLessOrEqual(expr, knownOptimum[stage]);
                continue;
            }
            boolean nonZero = false;
            for (long c : coef[stage]) if (c != 0) nonZero = true;
            if (!nonZero) continue;
            if (stage < 5) model.maximize(expr);
            else model.minimize(expr);
            model.clearHints();
            for (int y = 0; y < na; y++) model.addHint(x[y], current[y]);
            CpSolver solver = new CpSolver();
            // the tie-break is a third-level nicety: above 400 households its limit shrinks with the size
            double limit = stage == 6 ? detTimePerStage * Math.min(1.0, TIE_BREAK_HOUSEHOLDS / nh) : detTimePerStage;
            solver.getParameters()
                    .setNumWorkers(1)
                    .setRandomSeed(20261122)
                    .setMaxDeterministicTime(limit)
                    .setLogSearchProgress(false);
            CpSolverStatus status = solver.solve(model);
            boolean proven = status == CpSolverStatus.OPTIMAL;
            if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
                long found = solver.value(expr);
                boolean better = stage < 5 ? found > value : found < value;
                if (better) {
                    for (int y = 0; y < na; y++) current[y] = solver.booleanValue(x[y]);
                    value = found;
                }
            }
            if (!proven) {
                if (stage < 6) objectiveProven = false;
                else tieProven = false;
            }
            model.clearObjective();
            if (stage < 5) {
                model.addGreaterOrEqual(expr, value);
                classServed[stage] = value;
            } else model.addLessOrEqual(expr, value);
        }
        int[] slots = new int[nh];
        Arrays.fill(slots, -1);
        for (int i = 0; i < nh; i++)
            for (int y = arcStart[i]; y < arcStart[i + 1]; y++) if (current[y]) slots[i] = arcSlot[y];
        boolean levels12 = objectiveProven || knownOptimum != null;
        return new Result(hh, slots, levels12, tieBreak && tieProven && levels12);
    }

    /**
     * Zeroes the tie-break coefficients of the households of a class whose people are all served: once stages 1–5
     * hold, every one of them is served in every solution left, so their share of the tie-break is the same in all
     * and only slows the proof (a département where everybody gets a doctor has nothing left to break).
     */
    static void constantTieBreakOfFullClasses(
            long[] tieBreak, long[] classServed, long[] classPeople, int[] hh, int[] arcStart, ProblemIndex p) {
        for (int i = 0; i < hh.length; i++) {
            int c = p.priority[hh[i]] - 1;
            if (classServed[c] < classPeople[c]) continue;
            Arrays.fill(tieBreak, arcStart[i], arcStart[i + 1], 0L);
        }
    }
}
