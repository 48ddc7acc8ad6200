package fr.traitant.benchmarks;

import fr.traitant.engine.campaign.SyntheticTargetingProblem;
import fr.traitant.engine.campaign.TargetingOptimiser;
import fr.traitant.engine.campaign.TargetingOptions;
import fr.traitant.engine.campaign.TargetingProblem;
import fr.traitant.engine.campaign.TargetingResult;
import java.util.Locale;

/**
 * Campaign targeting on generated instances (seeded): time, value, proven upper bound and gap, the
 * naive choice; greedy with its linear-relaxation bound, then with the exact stage where the
 * instance is within its limit: {@code java -cp benchmarks/target/benchmarks.jar
 * fr.traitant.benchmarks.CampaignTargetingFigures}.
 */
public final class CampaignTargetingFigures {

    private CampaignTargetingFigures() {}

    /** candidates, zones, budget, side km, max people per zone. */
    private static final int[][] INSTANCES = {
        {900, 400, 80, 120, 8},
        {1_000, 300, 100, 100, 10},
        {3_000, 1_000, 300, 150, 10},
        {5_000, 1_000, 300, 120, 8},
        {5_000, 2_000, 500, 200, 5},
    };

    public static void main(String[] args) {
        System.out.println("Campaign targeting figures (30-minute reach, seed 7)");
        for (int[] i : INSTANCES) {
            TargetingProblem p = SyntheticTargetingProblem.generate(i[0], i[1], i[3], i[4], 30, 7);
            System.out.printf(
                    Locale.ROOT,
                    "%,d candidates, %,d places (%,.0f people), %,d pairs, budget %d%n",
                    i[0],
                    i[1],
                    p.totalDemand(),
                    p.pairCount(),
                    i[2]);
            report("  greedy + relaxation bound", p, new TargetingOptions(i[2], 0, 0));
            report("  default (exact stage up to 1,000 candidates)", p, TargetingOptions.budget(i[2]));
        }
    }

    private static void report(String label, TargetingProblem p, TargetingOptions options) {
        long start = System.nanoTime();
        TargetingResult r = TargetingOptimiser.select(p, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: %.2f s, %d selected, covered %.2f, bound %.2f, gap %.3f %%, %s; naive %.2f (%.1f %% of it)%n",
                label,
                seconds,
                r.selection().size(),
                r.value(),
                r.upperBound(),
                100 * r.gap(),
                r.method(),
                r.naiveValue(),
                100 * r.naiveValue() / Math.max(1e-9, r.value()));
    }
}
