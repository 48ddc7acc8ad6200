package fr.traitant.engine.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the indicator on seeded random worlds (plain JUnit loops, no property framework). */
class AccessibilityPropertiesTest {

    private static final int WORLDS = 40;

    private static AccessibilityParameters randomParameters(SplittableRandom random) {
        AccessibilityParameters p = AccessibilityParameters.DEFAULT;
        if (random.nextBoolean()) {
            p = p.withDecay(StepDecayTest.randomDecay(random));
        }
        if (random.nextBoolean()) {
            p = p.withMaximumDoctorAge(65);
        }
        if (random.nextBoolean()) {
            // an age-standardisation-like hook: demand between 0.8 and 1.2 × population
            p = p.withDemand(c -> c.population() * (0.8 + 0.4 * ((c.code().hashCode() & 0xff) / 255.0)));
        }
        return p;
    }

    @Test
    void agrees_with_an_independent_brute_force_implementation() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int w = 0; w < WORLDS; w++) {
            RandomWorlds world =
                    RandomWorlds.generate(random, 20 + random.nextInt(150), random.nextInt(300), w % 2 == 0);
            AccessibilityParameters parameters = randomParameters(random);
            AccessibilityResult result = AccessibilityCalculator.prepare(world.communes(), world.times(), parameters)
                    .compute(world.doctors());
            double[] expected = BruteForceApl.compute(world.communes(), world.times(), parameters, world.doctors());
            for (int i = 0; i < expected.length; i++) {
                assertThat(result.apl(i))
                        .as("world %d commune %d", w, i)
                        .isCloseTo(expected[i], offset(1e-9 * Math.max(1, expected[i])));
            }
        }
    }

    @Test
    void adding_a_doctor_never_lowers_any_score() {
        SplittableRandom random = new SplittableRandom(5);
        for (int w = 0; w < WORLDS; w++) {
            RandomWorlds world =
                    RandomWorlds.generate(random, 20 + random.nextInt(100), random.nextInt(200), w % 2 == 1);
            AccessibilityCalculator calculator =
                    AccessibilityCalculator.prepare(world.communes(), world.times(), randomParameters(random));
            AccessibilityResult before = calculator.compute(world.doctors());
            List<DoctorActivity> more = new ArrayList<>(world.doctors());
            more.add(RandomWorlds.randomDoctor(random, world.communes(), "new"));
            AccessibilityResult after = calculator.compute(more);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.apl(i)).isGreaterThanOrEqualTo(before.apl(i) - 1e-12 * Math.max(1, before.apl(i)));
            }
        }
    }

    @Test
    void scaling_every_activity_by_k_scales_every_score_by_k() {
        SplittableRandom random = new SplittableRandom(6);
        for (int w = 0; w < WORLDS; w++) {
            RandomWorlds world =
                    RandomWorlds.generate(random, 20 + random.nextInt(100), random.nextInt(200), w % 2 == 0);
            AccessibilityCalculator calculator =
                    AccessibilityCalculator.prepare(world.communes(), world.times(), randomParameters(random));
            double k = random.nextDouble(0, 10);
            AccessibilityResult base = calculator.compute(world.doctors());
            AccessibilityResult scaled = calculator.compute(world.doctors().stream()
                    .map(d -> d.withConsultationsPerYear(d.consultationsPerYear() * k))
                    .toList());
            for (int i = 0; i < base.size(); i++) {
                assertThat(scaled.apl(i)).isCloseTo(k * base.apl(i), offset(1e-9 * Math.max(1, k * base.apl(i))));
            }
        }
    }

    /**
     * Conservation: Σ_i P(i) · APL(i) = Σ of the activity of counted doctors whose commune is
     * reached, with a positive weight, by at least one commune with positive demand. P is the
     * demand (population or standardised population). The rest is reported as unallocated.
     */
    @Test
    void supply_is_conserved() {
        SplittableRandom random = new SplittableRandom(7);
        for (int w = 0; w < WORLDS; w++) {
            RandomWorlds world =
                    RandomWorlds.generate(random, 20 + random.nextInt(100), random.nextInt(200), w % 2 == 1);
            AccessibilityParameters parameters = randomParameters(random);
            AccessibilityCalculator calculator =
                    AccessibilityCalculator.prepare(world.communes(), world.times(), parameters);
            AccessibilityResult result = calculator.compute(world.doctors());
            double allocated = 0;
            for (int i = 0; i < result.size(); i++) {
                allocated += calculator.demand(i) * result.apl(i);
            }
            double reachable = 0;
            double counted = 0;
            for (DoctorActivity d : world.doctors()) {
                if (!parameters.counts(d)) {
                    continue;
                }
                counted += d.consultationsPerYear();
                int j = world.communes().indexOf(d.communeCode());
                boolean reached = false;
                for (int i = 0; i < world.communes().size(); i++) {
                    reached |= calculator.demand(i) > 0
                            && parameters.decay().weight(world.times().minutes(i, j)) > 0;
                }
                if (reached) {
                    reachable += d.consultationsPerYear();
                }
            }
            assertThat(allocated).isCloseTo(reachable, offset(1e-9 * Math.max(1, reachable)));
            assertThat(result.totalSupplyConsultations()).isCloseTo(counted, offset(1e-9 * Math.max(1, counted)));
            assertThat(result.unallocatedSupplyConsultations())
                    .isCloseTo(counted - reachable, offset(1e-6 * Math.max(1, counted)));
        }
    }

    @Test
    void incremental_updates_equal_full_recomputation() {
        SplittableRandom random = new SplittableRandom(8);
        for (int w = 0; w < 12; w++) {
            RandomWorlds world =
                    RandomWorlds.generate(random, 30 + random.nextInt(200), 50 + random.nextInt(300), w % 2 == 0);
            AccessibilityCalculator calculator =
                    AccessibilityCalculator.prepare(world.communes(), world.times(), randomParameters(random));
            List<DoctorActivity> doctors = new ArrayList<>(world.doctors());
            AccessibilityResult incremental = calculator.compute(doctors);
            for (int step = 0; step < 200; step++) {
                int kind = random.nextInt(3);
                DoctorChange change;
                if (kind == 0 || doctors.isEmpty()) {
                    DoctorActivity joined = RandomWorlds.randomDoctor(random, world.communes(), "j" + step);
                    doctors.add(joined);
                    change = new DoctorChange.Joined(joined);
                } else if (kind == 1) {
                    DoctorActivity left = doctors.remove(random.nextInt(doctors.size()));
                    change = new DoctorChange.Left(left);
                } else {
                    int at = random.nextInt(doctors.size());
                    DoctorActivity before = doctors.get(at);
                    DoctorActivity after = RandomWorlds.randomDoctor(random, world.communes(), before.id());
                    if (random.nextBoolean()) {
                        after = new DoctorActivity(
                                before.id(), before.communeCode(), after.consultationsPerYear(), after.ageYears());
                    }
                    doctors.set(at, after);
                    change = new DoctorChange.Changed(before, after);
                }
                AccessibilityResult previous = incremental;
                double[] previousApl = previous.aplArray();
                incremental = calculator.update(previous, change);
                assertThat(previous.aplArray()).as("previous result untouched").containsExactly(previousApl);
                AccessibilityResult full = calculator.compute(doctors);
                for (int i = 0; i < full.size(); i++) {
                    assertThat(incremental.apl(i))
                            .as("world %d step %d commune %d", w, step, i)
                            .isCloseTo(full.apl(i), offset(1e-9 * Math.max(1, full.apl(i))));
                }
                assertThat(incremental.underservedPopulation()).isEqualTo(full.underservedPopulation());
            }
        }
    }

    @Test
    void rejects_inconsistent_input() {
        RandomWorlds world = RandomWorlds.generate(new SplittableRandom(9), 10, 0, false);
        AccessibilityCalculator calculator =
                AccessibilityCalculator.prepare(world.communes(), world.times(), AccessibilityParameters.DEFAULT);
        assertThatThrownBy(() ->
                        calculator.compute(List.of(DoctorActivity.of("a", "C1", 1), DoctorActivity.of("a", "C2", 1))))
                .hasMessageContaining("duplicate doctor id a");
        assertThatThrownBy(() -> calculator.compute(List.of(DoctorActivity.of("a", "nowhere", 1))))
                .hasMessageContaining("unknown commune nowhere");
        AccessibilityResult empty = calculator.compute(List.of());
        assertThatThrownBy(() -> calculator.update(empty, new DoctorChange.Left(DoctorActivity.of("a", "C1", 100))))
                .hasMessageContaining("exceeds the supply");
        AccessibilityCalculator other =
                AccessibilityCalculator.prepare(world.communes(), world.times(), AccessibilityParameters.DEFAULT);
        assertThatThrownBy(() -> other.update(empty, new DoctorChange.Joined(DoctorActivity.of("a", "C1", 100))))
                .hasMessageContaining("another calculator");
        assertThatThrownBy(() ->
                        new DoctorChange.Changed(DoctorActivity.of("a", "C1", 1), DoctorActivity.of("b", "C1", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DoctorActivity.of("a", "C1", -1)).hasMessageContaining(">= 0");
    }
}
