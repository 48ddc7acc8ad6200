package fr.traitant.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import fr.traitant.engine.campaign.TargetingProblem.Candidate;
import fr.traitant.engine.campaign.TargetingProblem.DemandZone;
import fr.traitant.engine.campaign.TargetingProblem.Reach;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optimiser against an exhaustive search valued by an independent method (a linear programme). */
class TargetingOptimiserTest {

    @BeforeAll
    static void natives() {
        Loader.loadNativeLibraries();
    }

    @Test
    void a_flexible_doctor_first_then_one_that_moves_it() {
        // Budget 2. A (12 expected places) reaches T1, T2 (10 people each) and T3 (1); B reaches T1 only
        // and C T2 only (10 places each). Greedy takes A (12), then B: A moves to T2 and T3, 11 + 10 = 21.
        // B + C = 20, A + C = 21: 21 is the optimum.
        TargetingProblem p = TargetingProblem.of(
                List.of(new Candidate("A", 1, 12), new Candidate("B", 1, 10), new Candidate("C", 1, 10)),
                List.of(new DemandZone("T1", 10), new DemandZone("T2", 10), new DemandZone("T3", 1)),
                List.of(
                        new Reach("A", "T1", 1),
                        new Reach("A", "T2", 1),
                        new Reach("A", "T3", 1),
                        new Reach("B", "T1", 1),
                        new Reach("C", "T2", 1)),
                30);
        TargetingResult r = TargetingOptimiser.select(p, TargetingOptions.budget(2));
        assertThat(r.value()).isCloseTo(21, within(1e-9));
        assertThat(r.proven()).isTrue();
        assertThat(r.selection()).hasSize(2).startsWith("A");
    }

    @Test
    void where_greedy_falls_short_the_programme_finds_the_optimum() {
        // Budget 2. X (9 places) reaches T1 (5 people) and T2 (3): 8. Y (9) reaches T2 and T3 (3): 6.
        // W (9) reaches T1 and T4 (2): 7. Greedy takes X (8), then Y (+3) = 11 — W would add only 2.
        // Y + W = 6 + 7 = 13, the optimum.
        TargetingProblem p = TargetingProblem.of(
                List.of(new Candidate("X", 1, 9), new Candidate("Y", 1, 9), new Candidate("W", 1, 9)),
                List.of(
                        new DemandZone("T1", 5),
                        new DemandZone("T2", 3),
                        new DemandZone("T3", 3),
                        new DemandZone("T4", 2)),
                List.of(
                        new Reach("X", "T1", 1),
                        new Reach("X", "T2", 1),
                        new Reach("Y", "T2", 1),
                        new Reach("Y", "T3", 1),
                        new Reach("W", "T1", 1),
                        new Reach("W", "T4", 1)),
                30);
        TargetingResult greedy = TargetingOptimiser.select(p, new TargetingOptions(2, 0, 0));
        assertThat(greedy.value()).isCloseTo(11, within(1e-9));
        assertThat(greedy.selection()).containsExactly("X", "Y");
        assertThat(greedy.upperBound()).isGreaterThanOrEqualTo(13);
        assertThat(greedy.proven()).isFalse();

        TargetingResult r = TargetingOptimiser.select(p, TargetingOptions.budget(2));
        assertThat(r.method()).isEqualTo("greedy+mip");
        assertThat(r.value()).isCloseTo(13, within(1e-9));
        assertThat(r.selection()).containsExactlyInAnyOrder("Y", "W");
        assertThat(r.proven()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void equals_an_exhaustive_search_on_small_random_worlds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 7 + random.nextInt(6), zones = 3 + random.nextInt(5), budget = 1 + random.nextInt(4);
        List<Candidate> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) cs.add(new Candidate("D" + i, random.nextInt(11) / 10.0, random.nextInt(30)));
        List<DemandZone> zs = new ArrayList<>();
        for (int z = 0; z < zones; z++) zs.add(new DemandZone("Z" + z, random.nextInt(25)));
        List<Reach> reach = new ArrayList<>();
        for (Candidate c : cs) {
            for (DemandZone z : zs) {
                if (random.nextInt(3) == 0) reach.add(new Reach(c.id(), z.id(), random.nextInt(45)));
            }
        }
        TargetingProblem p = TargetingProblem.of(cs, zs, reach, 30);
        TargetingResult r = TargetingOptimiser.select(p, TargetingOptions.budget(budget));

        double best = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) > budget) continue;
            List<String> subset = new ArrayList<>();
            for (int i = 0; i < n; i++) if ((mask & 1 << i) != 0) subset.add("D" + i);
            best = Math.max(best, linearProgrammeValue(cs, zs, reach, 30, subset));
        }
        assertThat(r.selection()).hasSizeLessThanOrEqualTo(budget);
        assertThat(r.value()).isCloseTo(best, within(1e-6));
        assertThat(linearProgrammeValue(cs, zs, reach, 30, r.selection())).isCloseTo(r.value(), within(1e-6));
        assertThat(r.upperBound()).isGreaterThanOrEqualTo(best - 1e-6);
        assertThat(r.proven()).isTrue();
        assertThat(r.naiveValue()).isLessThanOrEqualTo(best + 1e-6);
    }

    @Test
    void the_bound_holds_and_the_selection_is_deterministic_on_a_larger_world() {
        TargetingProblem p = SyntheticTargetingProblem.generate(600, 80, 150, 30, 30, 42);
        TargetingResult a = TargetingOptimiser.select(p, TargetingOptions.budget(40));
        TargetingResult b = TargetingOptimiser.select(p, TargetingOptions.budget(40));
        assertThat(a.selection()).isEqualTo(b.selection());
        assertThat(a.selection()).hasSizeLessThanOrEqualTo(40).doesNotHaveDuplicates();
        assertThat(a.upperBound()).isGreaterThanOrEqualTo(a.value());
        assertThat(a.value()).isGreaterThanOrEqualTo(a.naiveValue());
        assertThat(a.gap()).isLessThanOrEqualTo(0.01);
        // greedy only: the bound is still a bound, and above the programme's optimum
        TargetingResult greedy = TargetingOptimiser.select(p, new TargetingOptions(40, 0, 0));
        assertThat(greedy.method()).isEqualTo("greedy");
        assertThat(greedy.upperBound()).isGreaterThanOrEqualTo(a.value() - 1e-6);
        assertThat(greedy.value()).isLessThanOrEqualTo(a.upperBound() + 1e-6);
    }

    /** The flow value as a linear programme (GLOP), independent of {@link CoverageFlow}. */
    static double linearProgrammeValue(
            List<Candidate> cs, List<DemandZone> zs, List<Reach> reach, double maxMinutes, List<String> selection) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            Map<String, MPConstraint> supply = new HashMap<>();
            for (Candidate c : cs) {
                if (selection.contains(c.id())) supply.put(c.id(), lp.makeConstraint(0, c.probability() * c.places()));
            }
            Map<String, MPConstraint> demand = new HashMap<>();
            for (DemandZone z : zs) demand.put(z.id(), lp.makeConstraint(0, z.people()));
            lp.objective().setMaximization();
            for (Reach r : reach) {
                if (r.minutes() > maxMinutes || !supply.containsKey(r.candidate())) continue;
                MPVariable f = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "");
                supply.get(r.candidate()).setCoefficient(f, 1);
                demand.get(r.zone()).setCoefficient(f, 1);
                lp.objective().setCoefficient(f, 1);
            }
            assertThat(lp.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            return lp.objective().value();
        } finally {
            lp.delete();
        }
    }
}
