package fr.traitant.engine.matching;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * Independent exact reference for the matcher: a mixed-integer programme solved by SCIP through
 * OR-Tools' {@code MPSolver} — a different method from the engine's (pure-Java branch-and-bound,
 * then CP-SAT). Lexicographic: maximise the people of priority 1, fix it, then 2, …, 5, then
 * minimise person-centiminutes, and on request the tie-break: then minimise Σ size × waiting-since day (the most
 * people-days waited), then Σ size × the household's rank in id order. Eligibility and travel times are given by the caller (recomputed
 * from the documented road estimate and matching rules, not taken from the engine).
 *
 * <p>Shared with the benchmarks ({@code MatchingGap}) through the engine's test jar.
 */
public final class MipReference {

    /**
     * Result: objective [people p1..p5, person-centiminutes] (best found), per stage whether SCIP
     * proved it optimal, and the bound of the last stage.
     */
    public record Result(long[] objective, boolean[] stageProven, double lastBound, long[] tieBreak) {
        public boolean proven() {
            for (boolean b : stageProven) if (!b) return false;
            return true;
        }
    }

    static {
        Loader.loadNativeLibraries();
    }

    private MipReference() {}

    /** The documented road estimate with the eligibility rules: cost in centiminutes, or -1 when not eligible. */
    public static int eligibleCm(Household h, Doctor d) {
        return RandomInstances.eligibleCm(h, d);
    }

    /** Solves lexicographically with SCIP, {@code secondsPerStage} wall-clock seconds per stage at most. */
    public static Result solve(
            List<Household> households,
            List<Doctor> doctors,
            ToIntBiFunction<Household, Doctor> eligibleCm,
            double secondsPerStage) {
        return solve(households, doctors, eligibleCm, secondsPerStage, false);
    }

    /**
     * The same, with the two tie-break stages after the person-minutes when {@code tieBreak} ({@link Result#tieBreak}:
     * Σ size × (waiting-since day − the earliest), Σ size × rank in id order; zeros when not asked).
     */
    public static Result solve(
            List<Household> households,
            List<Doctor> doctors,
            ToIntBiFunction<Household, Doctor> eligibleCm,
            double secondsPerStage,
            boolean tieBreak) {
        int nh = households.size(), nd = doctors.size();
        long minDay = households.stream()
                .mapToLong(h -> h.waitingSince().toEpochDay())
                .min()
                .orElse(0);
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        households.stream().map(Household::id).sorted().forEach(id -> rank.put(id, rank.size()));
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) throw new IllegalStateException("SCIP is not available in this OR-Tools build");
        MPConstraint[] capacity = new MPConstraint[nd];
        for (int j = 0; j < nd; j++)
            capacity[j] = solver.makeConstraint(0, doctors.get(j).capacity());
        List<MPVariable> vars = new ArrayList<>();
        List<long[]> coefs = new ArrayList<>(); // per variable: 6 stage coefficients
        for (int i = 0; i < nh; i++) {
            Household h = households.get(i);
            MPConstraint one = null;
            for (int j = 0; j < nd; j++) {
                int cm = eligibleCm.applyAsInt(h, doctors.get(j));
                if (cm < 0) continue;
                MPVariable x = solver.makeBoolVar("x" + i + "_" + j);
                if (one == null) one = solver.makeConstraint(0, 1);
                one.setCoefficient(x, 1);
                capacity[j].setCoefficient(x, h.size());
                long[] c = new long[8];
                c[h.priority() - 1] = h.size();
                c[5] = (long) h.size() * cm;
                c[6] = h.size() * (h.waitingSince().toEpochDay() - minDay);
                c[7] = (long) h.size() * rank.get(h.id());
                vars.add(x);
                coefs.add(c);
            }
        }
        int stages = tieBreak ? 8 : 6;
        long[] result = new long[8];
        boolean[] proven = new boolean[stages];
        double bound = 0;
        for (int stage = 0; stage < stages; stage++) {
            MPObjective obj = solver.objective();
            obj.clear();
            boolean any = false;
            for (int v = 0; v < vars.size(); v++) {
                long c = coefs.get(v)[stage];
                if (c != 0) {
                    obj.setCoefficient(vars.get(v), c);
                    any = true;
                }
            }
            if (!any) {
                proven[stage] = true;
                continue;
            }
            if (stage < 5) obj.setMaximization();
            else obj.setMinimization();
            solver.setTimeLimit((long) (secondsPerStage * 1000));
            MPSolver.ResultStatus status = solver.solve(exactGap());
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                throw new IllegalStateException("SCIP: " + status);
            }
            proven[stage] = status == MPSolver.ResultStatus.OPTIMAL;
            // integer data: the value of the solution itself, exactly
            long value = 0;
            for (int v = 0; v < vars.size(); v++) if (vars.get(v).solutionValue() > 0.5) value += coefs.get(v)[stage];
            result[stage] = value;
            bound = obj.bestBound();
            MPConstraint fix = solver.makeConstraint(value, value);
            for (int v = 0; v < vars.size(); v++)
                if (coefs.get(v)[stage] != 0) fix.setCoefficient(vars.get(v), coefs.get(v)[stage]);
        }
        solver.delete();
        return new Result(
                java.util.Arrays.copyOf(result, 6), proven, bound, java.util.Arrays.copyOfRange(result, 6, 8));
    }

    /**
     * The tie-break's two values of an assignment, as {@link Result#tieBreak}: Σ size × (waiting-since day − the
     * earliest of {@code households}) and Σ size × rank in id order, over the households the proposals serve.
     */
    public static long[] levelThree(List<Household> households, List<Proposal> proposals) {
        long minDay = households.stream()
                .mapToLong(h -> h.waitingSince().toEpochDay())
                .min()
                .orElse(0);
        List<String> ids = households.stream().map(Household::id).sorted().toList();
        java.util.Map<String, Household> byId = new java.util.HashMap<>();
        for (Household h : households) byId.put(h.id(), h);
        long waited = 0, rank = 0;
        for (Proposal proposal : proposals) {
            Household h = byId.get(proposal.householdId());
            waited += h.size() * (h.waitingSince().toEpochDay() - minDay);
            rank += (long) h.size() * java.util.Collections.binarySearch(ids, h.id());
        }
        return new long[] {waited, rank};
    }

    /**
     * Objectives are integers (people, centiminutes): no MIP gap. OR-Tools' default relative gap (1e-4) would let SCIP
     * report "optimal" a person or a few minutes short on large objectives.
     */
    private static com.google.ortools.linearsolver.MPSolverParameters exactGap() {
        var params = new com.google.ortools.linearsolver.MPSolverParameters();
        params.setDoubleParam(com.google.ortools.linearsolver.MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        return params;
    }
}
