package fr.traitant.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.engine.coverage.CoverageWorld.Commune;
import fr.traitant.engine.coverage.CoverageWorld.Trip;
import fr.traitant.engine.coverage.MaximalCovering.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Coverage by sites and maximal covering, on worlds worked out by hand and against an exhaustive search. */
class MaximalCoveringTest {

    /**
     * Five communes. A (1,000 people) has a site. B (500) is 20 minutes from A, C (800) 40 minutes from A and 10 from
     * D, D (300), E (2,000) 25 minutes from D. Times run from where people live to the site's commune.
     */
    private final CoverageWorld world = CoverageWorld.of(
            List.of(
                    new Commune("A", 1_000),
                    new Commune("B", 500),
                    new Commune("C", 800),
                    new Commune("D", 300),
                    new Commune("E", 2_000)),
            List.of(
                    new Trip("B", "A", 20),
                    new Trip("C", "A", 40),
                    new Trip("C", "D", 10),
                    new Trip("E", "D", 25),
                    new Trip("E", "C", 35),
                    new Trip("B", "C", 28)));

    @Test
    void minutes_to_the_nearest_site_worked_out_by_hand() {
        double[] m = world.minutesToNearest(List.of("A"));
        assertThat(m).containsExactly(0, 20, 40, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        double[] both = world.minutesToNearest(List.of("A", "D"));
        assertThat(both).containsExactly(0, 20, 10, 0, 25);
    }

    @Test
    void proposals_worked_out_by_hand() {
        // with a site at A (covering A and B: 1,500 people within 30 minutes), candidates at C (covers C, B) and D
        // (covers C, D, E): D adds 800 + 300 + 2,000 = 3,100, then C adds nothing (C and B are covered)
        List<Candidate> candidates = List.of(new Candidate("site-C", "C"), new Candidate("site-D", "D"));
        MaximalCovering.Proposal p = MaximalCovering.propose(world, List.of("A"), candidates, 2, 30);
        assertThat(p.alreadyCovered()).isEqualTo(1_500);
        assertThat(p.selection()).containsExactly("site-D");
        assertThat(p.gains()).containsExactly(3_100L);
        assertThat(p.covered()).isEqualTo(3_100);
        assertThat(p.upperBound()).isEqualTo(3_100);
        assertThat(p.proven()).isTrue();
        assertThat(MaximalCovering.propose(world, List.of("A"), candidates, 0, 30)
                        .selection())
                .isEmpty();
    }

    @Test
    void where_greedy_alone_falls_short_the_integer_programme_finds_the_optimum() {
        // K = 2. X covers P1, P2 (60 each) and P3 (30): 150. Y covers P1 and P4 (100): 160… Build the classic trap:
        // X covers P1, P2 (100 each): 200; Y covers P1 and P3 (90): 190; Z covers P2 and P4 (90): 190.
        // Greedy: X (200), then Y (+90) = 290. Optimal: Y + Z = 100 + 90 + 100 + 90 = 380.
        CoverageWorld w = CoverageWorld.of(
                List.of(
                        new Commune("P1", 100),
                        new Commune("P2", 100),
                        new Commune("P3", 90),
                        new Commune("P4", 90),
                        new Commune("SX", 0),
                        new Commune("SY", 0),
                        new Commune("SZ", 0)),
                List.of(
                        new Trip("P1", "SX", 5),
                        new Trip("P2", "SX", 5),
                        new Trip("P1", "SY", 5),
                        new Trip("P3", "SY", 5),
                        new Trip("P2", "SZ", 5),
                        new Trip("P4", "SZ", 5)));
        List<Candidate> c = List.of(new Candidate("X", "SX"), new Candidate("Y", "SY"), new Candidate("Z", "SZ"));
        MaximalCovering.Proposal p = MaximalCovering.propose(w, List.of(), c, 2, 30);
        assertThat(p.covered()).isEqualTo(380);
        assertThat(p.selection()).containsExactlyInAnyOrder("Y", "Z");
        assertThat(p.method()).isEqualTo("greedy+mip");
        assertThat(p.proven()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void equals_an_exhaustive_search_on_small_random_worlds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 12 + random.nextInt(10), m = 6 + random.nextInt(6), k = 1 + random.nextInt(3);
        List<Commune> communes = new ArrayList<>();
        for (int i = 0; i < n; i++) communes.add(new Commune("C" + i, random.nextInt(1_000)));
        List<Trip> trips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < n; d++) {
                if (i != d && random.nextInt(4) == 0) trips.add(new Trip("C" + i, "C" + d, random.nextInt(50)));
            }
        }
        CoverageWorld w = CoverageWorld.of(communes, trips);
        List<String> sites = List.of("C" + random.nextInt(n));
        List<Candidate> candidates = new ArrayList<>();
        for (int j = 0; j < m; j++) candidates.add(new Candidate("S" + j, "C" + random.nextInt(n)));
        MaximalCovering.Proposal p = MaximalCovering.propose(w, sites, candidates, k, 30);

        // exhaustive: every subset of at most k candidates, coverage recomputed from the nearest-site times
        double[] base = w.minutesToNearest(sites);
        long best = 0;
        for (int mask = 0; mask < 1 << m; mask++) {
            if (Integer.bitCount(mask) > k) continue;
            List<String> all = new ArrayList<>(sites);
            for (int j = 0; j < m; j++)
                if ((mask & 1 << j) != 0) all.add(candidates.get(j).commune());
            double[] with = w.minutesToNearest(all);
            long added = 0;
            for (int i = 0; i < n; i++)
                if (with[i] <= 30 && base[i] > 30) added += communes.get(i).population();
            best = Math.max(best, added);
        }
        assertThat(p.covered()).isEqualTo(best);
        assertThat(p.upperBound()).isGreaterThanOrEqualTo(best);
        assertThat(p.proven()).isTrue();
        assertThat(p.selection()).hasSizeLessThanOrEqualTo(k);
        assertThat(p.gains().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.covered());
    }

    @Test
    void bad_input_is_refused() {
        assertThatThrownBy(() -> CoverageWorld.of(List.of(new Commune("A", 1), new Commune("A", 2)), List.of()))
                .hasMessageContaining("duplicate commune A");
        assertThatThrownBy(() -> CoverageWorld.of(List.of(new Commune("A", 1)), List.of(new Trip("A", "Z", 3))))
                .hasMessageContaining("unknown commune Z");
        assertThatThrownBy(() -> MaximalCovering.propose(
                        world, List.of(), List.of(new Candidate("s", "A"), new Candidate("s", "B")), 1, 30))
                .hasMessageContaining("duplicate candidate s");
    }
}
