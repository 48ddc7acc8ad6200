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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * APL for the whole of France: 34,875 real communes, 100,000 synthetic doctors (seed 1, every
 * specialty counted as supply: the worst case for the supply pass), DREES 20-minute weights,
 * estimated road times.
 *
 * <ul>
 *   <li>{@link #fullComputation}: road-time model + neighbour search + step-1 denominators +
 *       both E2SFCA steps + aggregates — everything after reading the files.</li>
 *   <li>{@link #computeOnly}: the two steps and aggregates on a prepared calculator (a new supply).</li>
 *   <li>{@link #incrementalUpdate}: one doctor changes (alternately moves to another commune or
 *       changes activity), applied to the full result.</li>
 * </ul>
 * Run with {@code -jvmArgs -Xmx1g} to check the heap target (the fork already sets -Xmx1g).
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class AccessibilityBenchmark {

    private Communes communes;
    private List<DoctorActivity> doctors;
    private AccessibilityCalculator calculator;
    private AccessibilityResult base;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        communes = France.communes();
        doctors =
                SyntheticSupplyGenerator.generate(communes, SyntheticSupplyParameters.DEFAULT, new SplittableRandom(1))
                        .stream()
                        .map(SyntheticDoctor::toActivity)
                        .toList();
        calculator = AccessibilityCalculator.prepare(
                communes, EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT), AccessibilityParameters.DEFAULT);
        base = calculator.compute(doctors);
        random = new SplittableRandom(2);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public AccessibilityResult fullComputation() {
        AccessibilityCalculator prepared = AccessibilityCalculator.prepare(
                communes, EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT), AccessibilityParameters.DEFAULT);
        return prepared.compute(doctors);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public AccessibilityResult computeOnly() {
        return calculator.compute(doctors);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public AccessibilityResult incrementalUpdate() {
        DoctorActivity before = doctors.get(random.nextInt(doctors.size()));
        DoctorActivity after = random.nextBoolean()
                ? before.withConsultationsPerYear(before.consultationsPerYear() * 0.5)
                : new DoctorActivity(
                        before.id(),
                        communes.get(random.nextInt(communes.size())).code(),
                        before.consultationsPerYear(),
                        before.ageYears());
        return calculator.update(base, new DoctorChange.Changed(before, after));
    }
}
