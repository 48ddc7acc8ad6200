package fr.traitant.benchmarks;

import fr.traitant.engine.coverage.CoverageWorld;
import fr.traitant.engine.coverage.MaximalCovering;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import fr.traitant.engine.travel.RoadTimeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Coverage by sites and "where to label next" on the real communes of a few régions (road estimate of the platform,
 * 30 minutes): existing sites in the prefectures-sized towns (population ≥ 40,000), candidates in every commune of
 * 2,000 inhabitants or more, K from 20 to 100: {@code java -cp benchmarks/target/benchmarks.jar
 * fr.traitant.benchmarks.CoverageFigures}.
 */
public final class CoverageFigures {

    private CoverageFigures() {}

    public static void main(String[] args) {
        Communes france = France.communes();
        System.out.println("Coverage figures (30 minutes, road estimate)");
        for (String region : List.of("76", "84", "75", "11")) {
            List<Commune> communes = france.asList().stream()
                    .filter(c -> c.region().equals(region))
                    .toList();
            Communes local = Communes.of(communes);
            EstimatedRoadTimes times = EstimatedRoadTimes.over(local, RoadTimeModel.DEFAULT);
            long start = System.nanoTime();
            List<CoverageWorld.Trip> trips = new ArrayList<>();
            for (int o = 0; o < local.size(); o++) {
                String from = local.get(o).code();
                times.forEachReachable(o, 60, (d, minutes) -> {
                    if (d != -1)
                        trips.add(new CoverageWorld.Trip(from, local.get(d).code(), minutes));
                });
            }
            CoverageWorld world = CoverageWorld.of(
                    communes.stream()
                            .map(c -> new CoverageWorld.Commune(c.code(), c.population()))
                            .toList(),
                    trips.stream().filter(t -> !t.from().equals(t.to())).toList());
            double build = (System.nanoTime() - start) / 1e9;
            List<String> sites = communes.stream()
                    .filter(c -> c.population() >= 40_000)
                    .map(Commune::code)
                    .toList();
            List<MaximalCovering.Candidate> candidates = communes.stream()
                    .filter(c -> c.population() >= 2_000 && c.population() < 40_000)
                    .map(c -> new MaximalCovering.Candidate("S-" + c.code(), c.code()))
                    .toList();
            System.out.printf(
                    Locale.ROOT,
                    "région %s: %,d communes, %,d trips within 60 min (built in %.1f s), %d sites, %d candidates%n",
                    region,
                    communes.size(),
                    trips.size(),
                    build,
                    sites.size(),
                    candidates.size());
            for (int k : new int[] {20, 50, 100}) {
                long t0 = System.nanoTime();
                MaximalCovering.Proposal p = MaximalCovering.propose(world, sites, candidates, k, 30);
                System.out.printf(
                        Locale.ROOT,
                        "  K=%d: %.2f s, covered by sites %,d of %,d, newly covered %,d, bound %,d (gap %.3f %%), %s%n",
                        k,
                        (System.nanoTime() - t0) / 1e9,
                        p.alreadyCovered(),
                        world.totalPopulation(),
                        p.covered(),
                        p.upperBound(),
                        100 * p.gap(),
                        p.method());
            }
        }
    }
}
