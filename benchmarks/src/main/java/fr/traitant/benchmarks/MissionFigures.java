package fr.traitant.benchmarks;

import fr.traitant.engine.missions.CpSatMissions;
import fr.traitant.engine.missions.MissionPlan;
import fr.traitant.engine.missions.MissionPlanner;
import fr.traitant.engine.missions.MissionProblem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The month's plan of volunteer days on generated instances: volunteers and sites scattered over a 600 km square,
 * travel = 10 min + 1 min per km (pairs within 90 min allowed), volunteers free 3–10 days and giving 1 or 2, sites with
 * a need of 100–10,000 (whole), 1–3 rooms, open 6–20 days. The exact planner's figures, the greedy's, and CP-SAT's
 * three stages as the independent check ({@code value × 1,000,000} rounded per day; started from the exact plan as a
 * hint, each stage's optimum proven by CP-SAT itself, 60 s a stage): {@code java
 * --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar fr.traitant.benchmarks.MissionFigures}.
 */
public final class MissionFigures {

    private MissionFigures() {}

    public static void main(String[] args) {
        System.out.println("Mission figures (month 2027-03, max 90 minutes)");
        int[][] sizes = {{300, 100}, {500, 100}, {1000, 200}, {3000, 500}};
        for (int[] size : sizes) {
            MissionProblem problem = generate(7, size[0], size[1]);
            long start = System.nanoTime();
            MissionPlan plan = MissionPlanner.optimal(problem);
            double exact = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            MissionPlan greedy = MissionPlanner.greedy(problem);
            double greedyTime = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%d volunteers, %d sites, %,d possible days: exact %.2f s — %d days, %d sites with a day, value"
                            + " %.1f, travel %.0f min; greedy %.2f s — %d days, %d sites, value %.1f (%.2f %% below),"
                            + " travel %.0f min%n",
                    size[0],
                    size[1],
                    problem.options().size(),
                    exact,
                    plan.days().size(),
                    plan.score().sitesWithDays(),
                    plan.score().value(),
                    plan.score().travelMinutes(),
                    greedyTime,
                    greedy.days().size(),
                    greedy.score().sitesWithDays(),
                    greedy.score().value(),
                    100 * (1 - greedy.score().value() / plan.score().value()),
                    greedy.score().travelMinutes());
            if (size[0] <= 500) {
                start = System.nanoTime();
                CpSatMissions.Result cp = CpSatMissions.solve(problem, 1_000_000, 60, plan, 2);
                System.out.printf(
                        Locale.ROOT,
                        "  CP-SAT check %.1f s (%s): sites %d, value %.1f, travel %d min — difference with the exact"
                                + " planner: sites %d, value %.2e %%, travel %.0f min%n",
                        (System.nanoTime() - start) / 1e9,
                        cp.proven() ? "every stage proven optimal" : "time limit reached",
                        cp.sitesWithDays(),
                        cp.scaledValue() / 1e6,
                        cp.travelMinutes(),
                        plan.score().sitesWithDays() - cp.sitesWithDays(),
                        100
                                * (plan.score().value() - cp.scaledValue() / 1e6)
                                / plan.score().value(),
                        plan.score().travelMinutes() - cp.travelMinutes());
            }
        }
    }

    static MissionProblem generate(long seed, int volunteers, int sites) {
        SplittableRandom random = new SplittableRandom(seed);
        YearMonth month = YearMonth.of(2027, 3);
        double[][] vAt = new double[volunteers][], sAt = new double[sites][];
        List<MissionProblem.Volunteer> v = new ArrayList<>();
        for (int i = 0; i < volunteers; i++) {
            vAt[i] = new double[] {random.nextDouble(600), random.nextDouble(600)};
            v.add(new MissionProblem.Volunteer(
                    String.format("v%05d", i), 1 + random.nextInt(2), dates(random, month, 3 + random.nextInt(8))));
        }
        List<MissionProblem.Site> s = new ArrayList<>();
        for (int j = 0; j < sites; j++) {
            sAt[j] = new double[] {random.nextDouble(600), random.nextDouble(600)};
            s.add(new MissionProblem.Site(
                    String.format("s%04d", j),
                    100 + random.nextInt(9_901),
                    1 + random.nextInt(3),
                    dates(random, month, 6 + random.nextInt(15))));
        }
        List<MissionProblem.Travel> t = new ArrayList<>();
        for (int i = 0; i < volunteers; i++) {
            for (int j = 0; j < sites; j++) {
                double km = Math.hypot(vAt[i][0] - sAt[j][0], vAt[i][1] - sAt[j][1]);
                long minutes = Math.round(10 + km);
                if (minutes <= 90)
                    t.add(new MissionProblem.Travel(v.get(i).id(), s.get(j).id(), minutes));
            }
        }
        return MissionProblem.of(v, s, t, 90);
    }

    private static Set<LocalDate> dates(SplittableRandom random, YearMonth month, int n) {
        Set<LocalDate> set = new HashSet<>();
        while (set.size() < n) set.add(month.atDay(1 + random.nextInt(month.lengthOfMonth())));
        return set;
    }
}
