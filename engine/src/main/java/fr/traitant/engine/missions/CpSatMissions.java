package fr.traitant.engine.missions;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent model of the month's plan, to check {@link MissionPlanner} (tests and benchmarks; not used to plan):
 * CP-SAT with one Boolean per possible day, the rules as linear constraints, a site's k-th day as an ordered Boolean
 * worth {@code round(need × scale / k)}, solved in the objective's three stages (sites with a day, value, travel in
 * whole minutes), each stage's optimum kept as a constraint of the next.
 */
public final class CpSatMissions {

    private CpSatMissions() {}

    /**
     * @param scaledValue Σ round(need × scale / k) of the plan
     * @param proven      whether every stage was solved to optimality
     */
    public record Result(long sitesWithDays, long scaledValue, long travelMinutes, boolean proven) {}

    public static Result solve(MissionProblem problem, long scale, double secondsPerStage) {
        return solve(problem, scale, secondsPerStage, null, 1);
    }

    /**
     * The same, starting from a plan (a hint: CP-SAT still proves each stage's optimum by itself) with this many
     * workers.
     */
    public static Result solve(
            MissionProblem problem,
            long scale,
            double secondsPerStage,
            @org.jspecify.annotations.Nullable MissionPlan hint,
            int workers) {
        if (!fr.traitant.engine.OrTools.available()) throw new IllegalStateException("OR-Tools cannot be loaded");
        CpModel model = new CpModel();
        List<MissionProblem.Option> options = problem.options();
        BoolVar[] x = new BoolVar[options.size()];
        Map<Integer, List<BoolVar>> byVolunteer = new HashMap<>(), bySite = new HashMap<>();
        Map<String, List<BoolVar>> byVolunteerDate = new HashMap<>(), bySiteDate = new HashMap<>();
        LinearExprBuilder travel = LinearExpr.newBuilder();
        for (int i = 0; i < options.size(); i++) {
            MissionProblem.Option o = options.get(i);
            x[i] = model.newBoolVar("x" + i);
            byVolunteer.computeIfAbsent(o.volunteer(), k -> new ArrayList<>()).add(x[i]);
            bySite.computeIfAbsent(o.site(), k -> new ArrayList<>()).add(x[i]);
            byVolunteerDate
                    .computeIfAbsent(o.volunteer() + "/" + o.date(), k -> new ArrayList<>())
                    .add(x[i]);
            bySiteDate
                    .computeIfAbsent(o.site() + "/" + o.date(), k -> new ArrayList<>())
                    .add(x[i]);
            travel.addTerm(x[i], Math.round(o.minutes()));
        }
        byVolunteer.forEach((v, list) -> model.addLessOrEqual(
                LinearExpr.sum(list.toArray(BoolVar[]::new)),
                problem.volunteers().get(v).maxDays()));
        byVolunteerDate.values().forEach(list -> model.addAtMostOne(list.toArray(BoolVar[]::new)));
        bySiteDate.forEach((key, list) -> model.addLessOrEqual(
                LinearExpr.sum(list.toArray(BoolVar[]::new)),
                problem.sites()
                        .get(Integer.parseInt(key.substring(0, key.indexOf('/'))))
                        .rooms()));
        LinearExprBuilder covered = LinearExpr.newBuilder(), value = LinearExpr.newBuilder();
        List<BoolVar> all = new ArrayList<>(java.util.Arrays.asList(x));
        bySite.forEach((s, list) -> {
            // at most as many days as the site has rooms over its dates, and as the possible days
            Map<String, Integer> perDate = new HashMap<>();
            for (MissionProblem.Option o : options)
                if (o.site() == s) perDate.merge(o.date().toString(), 1, Integer::sum);
            int rooms = problem.sites().get(s).rooms(), max = 0;
            for (int n : perDate.values()) max += Math.min(n, rooms);
            BoolVar[] y = new BoolVar[max];
            for (int k = 0; k < max; k++) {
                y[k] = model.newBoolVar("y" + s + "_" + k);
                all.add(y[k]);
                if (k > 0) model.addImplication(y[k], y[k - 1]);
            }
            model.addEquality(LinearExpr.sum(y), LinearExpr.sum(list.toArray(BoolVar[]::new)));
            if (max > 0) covered.add(y[0]);
            double need = problem.sites().get(s).need();
            for (int k = 0; k < max; k++) value.addTerm(y[k], Math.round(need * scale / (k + 1)));
        });
        if (hint != null) {
            java.util.Set<String> planned = new java.util.HashSet<>();
            for (MissionPlan.Day d : hint.days()) planned.add(d.volunteer() + "/" + d.site() + "/" + d.date());
            for (int i = 0; i < options.size(); i++) {
                MissionProblem.Option o = options.get(i);
                String key = problem.volunteers().get(o.volunteer()).id() + "/"
                        + problem.sites().get(o.site()).id() + "/" + o.date();
                model.addHint(x[i], planned.contains(key));
            }
        }
        long[] result = new long[3];
        boolean proven = true;
        LinearExpr[] stages = {covered.build(), value.build(), travel.build()};
        for (int stage = 0; stage < 3; stage++) {
            if (stage < 2) model.maximize(stages[stage]);
            else model.minimize(stages[stage]);
            CpSolver solver = new CpSolver();
            solver.getParameters()
                    .setNumWorkers(workers)
                    .setRandomSeed(19)
                    .setMaxTimeInSeconds(secondsPerStage)
                    .setLogSearchProgress(false)
                    .setRepairHint(true);
            CpSolverStatus status = solver.solve(model);
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                throw new IllegalStateException("CP-SAT found no plan in stage " + (stage + 1) + ": " + status);
            }
            proven &= status == CpSolverStatus.OPTIMAL;
            result[stage] = Math.round(solver.objectiveValue());
            // the next stage starts from this stage's plan (feasible for it by construction)
            model.clearHints();
            for (BoolVar v : all) model.addHint(v, solver.booleanValue(v));
            model.clearObjective();
            if (stage < 2) model.addGreaterOrEqual(stages[stage], result[stage]);
        }
        return new Result(result[0], result[1], result[2], proven);
    }
}
