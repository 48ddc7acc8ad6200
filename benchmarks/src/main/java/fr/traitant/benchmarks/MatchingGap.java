package fr.traitant.benchmarks;

import fr.traitant.engine.matching.Matcher;
import fr.traitant.engine.matching.MatchingOptions;
import fr.traitant.engine.matching.MatchingResult;
import fr.traitant.engine.matching.MipReference;
import fr.traitant.engine.matching.Objective;
import java.util.Arrays;

/**
 * Optimality gap of the matcher against an independent exact solver — the tests' SCIP reference
 * ({@link MipReference}, lexicographic: people of priority 1, fixed, then 2, …, then
 * person-minutes) — on realistic instances larger than the exactness tests.
 * {@code java -cp benchmarks/target/benchmarks.jar fr.traitant.benchmarks.MatchingGap [secondsPerStage] [exactLimit] [windows]}
 * (the matcher's exact component limit, 0 or absent: {@link MatchingOptions#DEFAULT}'s; fix-and-optimise windows per
 * household above it, absent: the default's, i.e. off; the CLI's default is 1).
 */
public final class MatchingGap {

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        MatchingOptions options = args.length > 1 && Integer.parseInt(args[1]) > 0
                ? MatchingOptions.DEFAULT.withExactComponentLimit(Integer.parseInt(args[1]))
                : MatchingOptions.DEFAULT;
        if (args.length > 2) options = options.withWindowsPerHousehold(Double.parseDouble(args[2]));
        Object[][] cases = {{"05", 400, 52}, {"13", 1000, 130}, {"29", 2000, 260}};
        for (Object[] c : cases) {
            String dep = (String) c[0];
            int nh = (Integer) c[1], nd = (Integer) c[2];
            MatchingInstances.Instance in = MatchingInstances.generate(nh * 31L + nd, nh, nd, dep::equals);
            long t0 = System.nanoTime();
            MatchingResult r = Matcher.solve(
                            in.households(), in.doctors(), fr.traitant.engine.matching.RoadTravelTimes.DEFAULT, options)
                    .result();
            double ms = (System.nanoTime() - t0) / 1e6;
            long[] mine = of(r.objective());
            long t1 = System.nanoTime();
            MipReference.Result ref =
                    MipReference.solve(in.households(), in.doctors(), MipReference::eligibleCm, seconds);
            double refMs = (System.nanoTime() - t1) / 1e6;
            long[] exact = ref.objective();
            long[] diff = new long[5];
            for (int k = 0; k < 5; k++) diff[k] = mine[k] - exact[k];
            System.out.printf(
                    "dep %s, %d households (%d people), %d doctors: matcher %s in %.0f ms (%s); SCIP %s in %.0f ms (%s)%n"
                            + "  SCIP stages proven %s, last stage bound %.0f%n"
                            + "  people served difference per class %s, person-minutes gap %+.3f %%%n",
                    dep,
                    nh,
                    in.people(),
                    nd,
                    Arrays.toString(mine),
                    ms,
                    r.statistics(),
                    Arrays.toString(exact),
                    refMs,
                    ref.proven() ? "proven optimal" : "best found in time limit",
                    Arrays.toString(ref.stageProven()),
                    ref.lastBound(),
                    Arrays.toString(diff),
                    100.0 * (mine[5] - exact[5]) / Math.max(1, exact[5]));
        }
    }

    static long[] of(Objective o) {
        return new long[] {
            o.peopleServed(1),
            o.peopleServed(2),
            o.peopleServed(3),
            o.peopleServed(4),
            o.peopleServed(5),
            o.personCentiminutes()
        };
    }
}
