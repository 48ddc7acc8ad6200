package fr.traitant.benchmarks;

import fr.traitant.engine.accessibility.AccessibilityCalculator;
import fr.traitant.engine.accessibility.AccessibilityParameters;
import fr.traitant.engine.accessibility.AccessibilityResult;
import fr.traitant.engine.accessibility.DoctorActivity;
import fr.traitant.engine.accessibility.DoctorChange;
import fr.traitant.engine.supply.SyntheticDoctor;
import fr.traitant.engine.supply.SyntheticSupplyGenerator;
import fr.traitant.engine.supply.SyntheticSupplyParameters;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import fr.traitant.engine.travel.RoadTimeModel;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Cold-start figures in a fresh JVM (what the app sees at start-up), complementing the JMH
 * steady-state figures of {@link AccessibilityBenchmark}:
 * {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar fr.traitant.benchmarks.FranceFigures}.
 */
public final class FranceFigures {

    private FranceFigures() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Communes communes = France.communes();
        long t1 = System.nanoTime();
        List<DoctorActivity> doctors =
                SyntheticSupplyGenerator.generate(communes, SyntheticSupplyParameters.DEFAULT, new SplittableRandom(1))
                        .stream()
                        .map(SyntheticDoctor::toActivity)
                        .toList();
        long t2 = System.nanoTime();
        for (int run = 1; run <= 5; run++) {
            long a = System.nanoTime();
            AccessibilityCalculator calculator = AccessibilityCalculator.prepare(
                    communes,
                    EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT),
                    AccessibilityParameters.DEFAULT);
            long b = System.nanoTime();
            AccessibilityResult result = calculator.compute(doctors);
            long c = System.nanoTime();
            SplittableRandom random = new SplittableRandom(run);
            double[] updateMs = new double[100];
            for (int k = 0; k < updateMs.length; k++) {
                DoctorActivity before = doctors.get(random.nextInt(doctors.size()));
                DoctorActivity after = new DoctorActivity(
                        before.id(),
                        communes.get(random.nextInt(communes.size())).code(),
                        before.consultationsPerYear() * 0.5,
                        before.ageYears());
                long u = System.nanoTime();
                calculator.update(result, new DoctorChange.Changed(before, after));
                updateMs[k] = (System.nanoTime() - u) / 1e6;
            }
            java.util.Arrays.sort(updateMs);
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    Locale.ROOT,
                    "run %d: prepare (travel model + neighbour search) %.0f ms, compute %.0f ms, total %.0f ms; "
                            + "100 updates median %.3f ms, p95 %.2f ms, worst %.2f ms; pairs %d; APL %.3f; heap used %d MB of max %d MB%n",
                    run,
                    (b - a) / 1e6,
                    (c - b) / 1e6,
                    (c - a) / 1e6,
                    updateMs[50],
                    updateMs[94],
                    updateMs[99],
                    calculator.reachablePairCount(),
                    result.populationWeightedApl(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20,
                    rt.maxMemory() >> 20);
        }
        System.out.printf(
                Locale.ROOT,
                "read communes %.0f ms (%d), synthetic supply %.0f ms (%d doctors)%n",
                (t1 - t0) / 1e6,
                communes.size(),
                (t2 - t1) / 1e6,
                doctors.size());
    }
}
