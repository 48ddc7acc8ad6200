package fr.traitant.engine.matching;

import org.junit.jupiter.api.Test;

class DiagScratchTest {
    @Test
    void diag() {
        long seed = Long.getLong("seed", 1015);
        int[] shape = {Integer.getInteger("h", 150), Integer.getInteger("d", 18), Integer.getInteger("s", 20)};
        RandomInstances.Instance in = RandomInstances.generate(seed, shape[0], shape[1], shape[2]);
        long t0 = System.nanoTime();
        MatchingResult r = Matcher.solve(in.households(), in.doctors()).result();
        System.out.println("exact  " + r.objective() + " " + r.statistics() + " ms=" + (System.nanoTime() - t0) / 1e6);
        MatchingResult heur = Matcher.solve(in.households(), in.doctors(), CrowFlyTravelTimes.DEFAULT, MatchingOptions.DEFAULT.withExactComponentLimit(0)).result();
        System.out.println("heur   " + heur.objective());
    }
}
