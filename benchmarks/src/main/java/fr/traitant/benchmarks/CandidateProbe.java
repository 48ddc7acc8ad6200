package fr.traitant.benchmarks;

import fr.traitant.engine.matching.CrowFlyTravelTimes;
import fr.traitant.engine.matching.ProgressListener;
import fr.traitant.engine.matching.internal.ProblemIndex;

/** Times the candidate generation alone (development probe). */
public final class CandidateProbe {
    public static void main(String[] args) {
        MatchingInstances.Instance in = MatchingInstances.generate(2026, 400_000, 52_000, d -> true);
        for (int rep = 0; rep < 2; rep++) {
            long cpu0 = MatchingFigures.processCpuNanos();
            long t0 = System.nanoTime();
            ProblemIndex p = ProblemIndex.build(in.households(), in.doctors(), CrowFlyTravelTimes.DEFAULT, 0, ProgressListener.NONE);
            System.out.printf("index: %.0f ms wall, %.0f ms cpu, %d slots%n", (System.nanoTime() - t0) / 1e6,
                    (MatchingFigures.processCpuNanos() - cpu0) / 1e6, p.slotDoctor.length);

        }
    }
}
