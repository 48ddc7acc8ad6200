package fr.traitant.benchmarks;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.Matcher;
import fr.traitant.engine.matching.MatchingResult;
import fr.traitant.engine.matching.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Optimality gap of the matcher against CP-SAT (lexicographic: people of priority 1, fixed, then
 * 2, …, then person-minutes) on realistic instances larger than the exactness tests.
 * {@code java -cp benchmarks/target/benchmarks.jar fr.traitant.benchmarks.MatchingGap [secondsPerStage]}.
 */
public final class MatchingGap {

    public static void main(String[] args) {
        Loader.loadNativeLibraries();
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        Object[][] cases = {
            {"05", 400, 52}, {"13", 1000, 130}, {"29", 2000, 260}};
        for (Object[] c : cases) {
            String dep = (String) c[0];
            int nh = (Integer) c[1], nd = (Integer) c[2];
            MatchingInstances.Instance in = MatchingInstances.generate(nh * 31L + nd, nh, nd, dep::equals);
            long t0 = System.nanoTime();
            MatchingResult r = Matcher.solve(in.households(), in.doctors()).result();
            double ms = (System.nanoTime() - t0) / 1e6;
            long[] mine = of(r.objective());
            long t1 = System.nanoTime();
            long[] exact = new long[6];
            long[] bound = new long[6];
            String[] status = new String[6];
            boolean proven = cpSat(in, seconds, exact, bound, status);
            double cpMs = (System.nanoTime() - t1) / 1e6;
            long[] diff = new long[5];
            for (int k = 0; k < 5; k++) diff[k] = mine[k] - exact[k];
            System.out.printf("dep %s, %d households (%d people), %d doctors: matcher %s in %.0f ms (%s); CP-SAT %s in %.0f ms (%s)%n"
                            + "  CP-SAT per stage status %s, bound %s%n"
                            + "  people served difference per class %s, person-minutes gap %+.3f %%%n",
                    dep, nh, in.people(), nd, Arrays.toString(mine), ms, r.statistics(), Arrays.toString(exact), cpMs,
                    proven ? "proven optimal" : "best found in time limit", Arrays.toString(status), Arrays.toString(bound),
                    Arrays.toString(diff),
                    100.0 * (mine[5] - exact[5]) / Math.max(1, exact[5]));
        }
    }

    static long[] of(Objective o) {
        return new long[] {o.peopleServed(1), o.peopleServed(2), o.peopleServed(3), o.peopleServed(4), o.peopleServed(5),
                o.personCentiminutes()};
    }

    /** Independent eligibility: the documented crow-fly estimate, needs, accepting, capacity. */
    static int eligibleCm(Household h, Doctor d) {
        if (!d.accepting() || d.capacity() < h.size() || !h.needs().metBy(d.capabilities())) return -1;
        double km = GeoPoint.greatCircleMetres(h.location().lat(), h.location().lon(), d.location().lat(), d.location().lon()) / 1000.0;
        long cm = Math.round(km * 1.3 / 40.0 * 60.0 * 100.0);
        return cm <= Math.round(h.maxMinutes() * 100.0) ? (int) cm : -1;
    }

    @SuppressWarnings("unchecked")
    static boolean cpSat(MatchingInstances.Instance in, double secondsPerStage, long[] result, long[] bound, String[] statusOut) {
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
                int cm = eligibleCm(h, in.doctors().get(j));
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
            model.addLessOrEqual(LinearExpr.weightedSum(byDoctor[j].toArray(Literal[]::new),
                    sizeByDoctor[j].stream().mapToLong(Long::longValue).toArray()), in.doctors().get(j).capacity());
        }
        boolean proven = true;
        long[] hint = null;
        for (int c = 0; c <= 5; c++) {
            List<Literal> vars = c < 5 ? classVars.get(c) : all;
            long[] coef = (c < 5 ? classCoef.get(c) : minutes).stream().mapToLong(Long::longValue).toArray();
            statusOut[c] = "-";
            if (vars.isEmpty()) continue;
            LinearExpr expr = LinearExpr.weightedSum(vars.toArray(LinearArgument[]::new), coef);
            if (c < 5) model.maximize(expr);
            else model.minimize(expr);
            // start each stage from the previous stage's solution, which stays feasible
            model.clearHints();
            if (hint != null) for (int k = 0; k < all.size(); k++) model.addHint(all.get(k), hint[k] == 1);
            CpSolver solver = new CpSolver();
            solver.getParameters().setMaxTimeInSeconds(secondsPerStage).setNumWorkers(2).setRandomSeed(1);
            CpSolverStatus status = solver.solve(model);
            statusOut[c] = status.name();
            if (status != CpSolverStatus.OPTIMAL) proven = false;
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) return false;
            result[c] = Math.round(solver.objectiveValue());
            bound[c] = Math.round(solver.bestObjectiveBound());
            hint = new long[all.size()];
            for (int k = 0; k < all.size(); k++) hint[k] = solver.booleanValue(all.get(k)) ? 1 : 0;
            model.clearObjective();
            model.addEquality(expr, result[c]);
        }
        return proven;
    }
}
