package fr.traitant.engine.matching;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * Independent exact reference of {@code ExactnessTest}: a lexicographic CP-SAT model written
 * here, not the engine's (the engine proves components by its own branch-and-bound, else SCIP,
 * else its own CP-SAT model): maximise people of priority 1, fix it, then 2, …, then minimise
 * person-minutes; two workers, wall-clock limit per stage. Returns null when a stage is not
 * proven optimal. Eligibility recomputed with {@link RandomInstances#eligibleCm}.
 */
final class CpSatReference {

    static {
        Loader.loadNativeLibraries();
    }

    private CpSatReference() {}

    @SuppressWarnings("unchecked")
    static long[] solveLexicographic(RandomInstances.Instance in, double secondsPerStage) {
        int nh = in.households().size(), nd = in.doctors().size();
        CpModel model = new CpModel();
        List<Literal>[] byDoctor = new List[nd];
        List<Long>[] sizeByDoctor = new List[nd];
        for (int j = 0; j < nd; j++) {
            byDoctor[j] = new ArrayList<>();
            sizeByDoctor[j] = new ArrayList<>();
        }
        List<List<Literal>> classVars = new ArrayList<>();
        List<List<Long>> classCoef = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            classVars.add(new ArrayList<>());
            classCoef.add(new ArrayList<>());
        }
        List<Literal> all = new ArrayList<>();
        List<Long> minutes = new ArrayList<>();
        for (int i = 0; i < nh; i++) {
            Household h = in.households().get(i);
            List<Literal> mine = new ArrayList<>();
            for (int j = 0; j < nd; j++) {
                int cm = RandomInstances.eligibleCm(h, in.doctors().get(j));
                if (cm < 0) continue;
                Literal x = model.newBoolVar("x" + i + "_" + j);
                mine.add(x);
                byDoctor[j].add(x);
                sizeByDoctor[j].add((long) h.size());
                classVars.get(h.priority() - 1).add(x);
                classCoef.get(h.priority() - 1).add((long) h.size());
                all.add(x);
                minutes.add((long) h.size() * cm);
            }
            if (mine.size() > 1) model.addAtMostOne(mine);
        }
        for (int j = 0; j < nd; j++) {
            if (byDoctor[j].isEmpty()) continue;
            model.addLessOrEqual(
                    LinearExpr.weightedSum(
                            byDoctor[j].toArray(Literal[]::new),
                            sizeByDoctor[j].stream().mapToLong(Long::longValue).toArray()),
                    in.doctors().get(j).capacity());
        }
        long[] result = new long[6];
        for (int c = 0; c <= 5; c++) {
            List<Literal> vars = c < 5 ? classVars.get(c) : all;
            long[] coef = (c < 5 ? classCoef.get(c) : minutes)
                    .stream().mapToLong(Long::longValue).toArray();
            if (vars.isEmpty()) {
                result[c] = 0;
                continue;
            }
            LinearExpr expr = LinearExpr.weightedSum(vars.toArray(LinearArgument[]::new), coef);
            if (c < 5) model.maximize(expr);
            else model.minimize(expr);
            CpSolver solver = new CpSolver();
            solver.getParameters()
                    .setMaxTimeInSeconds(secondsPerStage)
                    .setNumWorkers(2)
                    .setRandomSeed(1);
            CpSolverStatus status = solver.solve(model);
            if (status != CpSolverStatus.OPTIMAL) return null;
            result[c] = Math.round(solver.objectiveValue());
            model.clearObjective();
            model.addEquality(expr, result[c]);
        }
        return result;
    }
}
