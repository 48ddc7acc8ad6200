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
 * minimise person-centiminutes. Eligibility and travel times are given by the caller (recomputed
 * from the documented road estimate and matching rules, not taken from the engine).
 *
 * <p>Shared with the benchmarks ({@code MatchingGap}) through the engine's test jar.
 */
public final class MipReference {

    /**
     * Result: objective [people p1..p5, person-centiminutes] (best found), per stage whether SCIP
     * proved it optimal, and the bound of the last stage.
     */
    public record Result(long[] objective, boolean[] stageProven, double lastBound) {
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
        int nh = households.size(), nd = doctors.size();
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
                long[] c = new long[6];
                c[h.priority() - 1] = h.size();
                c[5] = (long) h.size() * cm;
                vars.add(x);
                coefs.add(c);
            }
        }
        long[] result = new long[6];
        boolean[] proven = new boolean[6];
        double bound = 0;
        for (int stage = 0; stage < 6; stage++) {
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
        return new Result(result, proven, bound);
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
