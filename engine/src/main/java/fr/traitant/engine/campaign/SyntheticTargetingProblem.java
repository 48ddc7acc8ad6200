package fr.traitant.engine.campaign;

import fr.traitant.engine.campaign.TargetingProblem.Candidate;
import fr.traitant.engine.campaign.TargetingProblem.DemandZone;
import fr.traitant.engine.campaign.TargetingProblem.Reach;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic targeting instances for tests and benchmarks (seeded, reproducible): candidates and
 * places of demand scattered over a square, travel time 1.95 minutes per crow-fly km (the CLI's
 * default), demand clustered around a few garrison-like centres.
 */
public final class SyntheticTargetingProblem {

    private SyntheticTargetingProblem() {}

    /**
     * @param candidates number of candidate doctors
     * @param zones number of places of demand
     * @param sideKm side of the square, km
     * @param maxPeople people of a place of demand are drawn between 1 and this
     * @param maxMinutes travel limit of the eligible pairs
     */
    public static TargetingProblem generate(
            int candidates, int zones, double sideKm, int maxPeople, double maxMinutes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int centres = Math.max(1, zones / 25);
        double[][] centre = new double[centres][2];
        for (double[] c : centre) {
            c[0] = random.nextDouble() * sideKm;
            c[1] = random.nextDouble() * sideKm;
        }
        List<DemandZone> zs = new ArrayList<>();
        double[][] zxy = new double[zones][2];
        for (int z = 0; z < zones; z++) {
            double[] c = centre[random.nextInt(centres)];
            zxy[z][0] = clamp(c[0] + random.nextDouble(-25, 25), sideKm);
            zxy[z][1] = clamp(c[1] + random.nextDouble(-25, 25), sideKm);
            zs.add(new DemandZone(String.format("Z%05d", z), 1 + random.nextInt(maxPeople)));
        }
        List<Candidate> cs = new ArrayList<>();
        List<Reach> reach = new ArrayList<>();
        for (int d = 0; d < candidates; d++) {
            String id = String.format("D%06d", d);
            double x = random.nextDouble() * sideKm, y = random.nextDouble() * sideKm;
            cs.add(new Candidate(id, 0.02 + random.nextDouble() * 0.28, random.nextInt(81)));
            for (int z = 0; z < zones; z++) {
                double minutes = Math.hypot(x - zxy[z][0], y - zxy[z][1]) * 1.95;
                if (minutes <= maxMinutes) reach.add(new Reach(id, zs.get(z).id(), Math.round(minutes * 10) / 10.0));
            }
        }
        return TargetingProblem.of(cs, zs, reach, maxMinutes);
    }

    private static double clamp(double v, double side) {
        return Math.max(0, Math.min(side, v));
    }
}
