package fr.traitant.benchmarks;

import fr.traitant.engine.matching.Matcher;
import fr.traitant.engine.matching.MatchingOptions;
import fr.traitant.engine.matching.MatchingSession;
import fr.traitant.engine.matching.MipReference;
import fr.traitant.engine.matching.Objective;
import fr.traitant.engine.matching.RoadTravelTimes;
import java.util.Arrays;

/**
 * One generated instance, solved once, its time and statistics (certificate included) printed: the figures of
 * ADR 0063. With a sixth argument (seconds per stage), the same instance is then solved by an independent model — one
 * Boolean per eligible pair, eligibility and travel times recomputed by the tests' reference rules, SCIP
 * lexicographically, stage by stage, the tie-break's two levels included — in the same run, and both times and
 * objectives (with the tie-break's two values) are printed.
 * {@code java -cp benchmarks/target/benchmarks.jar fr.traitant.benchmarks.MatchingComponentFigures <départements|all>
 * <households> <doctors> [exactLimit] [candidateLimit] [referenceSecondsPerStage]}, e.g. {@code 29 2000 150 10000 0 600}.
 */
public final class MatchingComponentFigures {

    public static void main(String[] args) {
        String dep = args[0];
        int nh = Integer.parseInt(args[1]), nd = Integer.parseInt(args[2]);
        MatchingOptions o = MatchingOptions.DEFAULT;
        if (args.length > 3) o = o.withExactComponentLimit(Integer.parseInt(args[3]));
        if (args.length > 4 && Integer.parseInt(args[4]) > 0) o = o.withCandidateLimit(Integer.parseInt(args[4]));
        MatchingInstances.Instance in =
                MatchingInstances.generate(nh * 31L + nd, nh, nd, d -> dep.equals("all") || dep.contains(d));
        long t0 = System.nanoTime();
        MatchingSession s = Matcher.solve(in.households(), in.doctors(), RoadTravelTimes.DEFAULT, o);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf(
                "%d households, %d doctors: %.0f ms%n  %s%n  %s%n",
                nh, nd, ms, s.statistics(), s.result().objective());
        if (args.length > 5) {
            double seconds = Double.parseDouble(args[5]);
            long t1 = System.nanoTime();
            MipReference.Result ref =
                    MipReference.solve(in.households(), in.doctors(), MipReference::eligibleCm, seconds, true);
            double refMs = (System.nanoTime() - t1) / 1e6;
            Objective mine = s.result().objective();
            long[] m = {
                mine.peopleServed(1),
                mine.peopleServed(2),
                mine.peopleServed(3),
                mine.peopleServed(4),
                mine.peopleServed(5),
                mine.personCentiminutes()
            };
            System.out.printf(
                    "  engine %s tie-break %s in %.0f ms; independent SCIP model %s tie-break %s in %.0f ms (stages proven"
                            + " %s)%n",
                    Arrays.toString(m),
                    Arrays.toString(
                            MipReference.levelThree(in.households(), s.result().proposals())),
                    ms,
                    Arrays.toString(ref.objective()),
                    Arrays.toString(ref.tieBreak()),
                    refMs,
                    Arrays.toString(ref.stageProven()));
        }
    }
}
