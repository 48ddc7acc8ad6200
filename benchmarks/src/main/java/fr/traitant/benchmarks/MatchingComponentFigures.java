package fr.traitant.benchmarks;

import fr.traitant.engine.matching.RoadTravelTimes;
import fr.traitant.engine.matching.Matcher;
import fr.traitant.engine.matching.MatchingOptions;
import fr.traitant.engine.matching.MatchingSession;

/**
 * One generated instance, solved once, its time and statistics (certificate included) printed: the figures of
 * ADR 0063.
 * {@code java -cp benchmarks/target/benchmarks.jar fr.traitant.benchmarks.MatchingComponentFigures <départements|all>
 * <households> <doctors> [exactLimit] [candidateLimit]}, e.g. {@code 29 2000 150 10000}; add
 * {@code -Dtraitant.trace=true} for the stages.
 */
public final class MatchingComponentFigures {

    public static void main(String[] args) {
        String dep = args[0];
        int nh = Integer.parseInt(args[1]), nd = Integer.parseInt(args[2]);
        MatchingOptions o = MatchingOptions.DEFAULT;
        if (args.length > 3) o = o.withExactComponentLimit(Integer.parseInt(args[3]));
        if (args.length > 4) o = o.withCandidateLimit(Integer.parseInt(args[4]));
        MatchingInstances.Instance in = MatchingInstances.generate(nh * 31L + nd, nh, nd, d -> dep.equals("all") || dep.contains(d));
        long t0 = System.nanoTime();
        MatchingSession s = Matcher.solve(in.households(), in.doctors(), RoadTravelTimes.DEFAULT, o);
        System.out.printf("%d households, %d doctors: %.0f ms%n  %s%n", nh, nd, (System.nanoTime() - t0) / 1e6, s.statistics());
    }
}
