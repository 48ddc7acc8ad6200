package fr.traitant.engine.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The matcher's objective equals the one of independent exact solvers: exhaustive search on tiny
 * instances, a lexicographic CP-SAT model written in the test ({@link CpSatReference}; the engine
 * proves with its branch-and-bound, else SCIP, and uses its own CP-SAT model only as a fallback
 * and for the tie-break) on random instances of up to 200 households — full equality, people per
 * class and person-minutes.
 * Eligibility and travel times are recomputed here from the documented road estimate and matching rules, not
 * taken from the engine.
 */
class ExactnessTest {

    /** Objective as [served p1..p5, person-centiminutes]. */
    static long[] objectiveOf(Objective o) {
        return new long[] {
            o.peopleServed(1),
            o.peopleServed(2),
            o.peopleServed(3),
            o.peopleServed(4),
            o.peopleServed(5),
            o.personCentiminutes()
        };
    }

    @Test
    void equals_exhaustive_search_on_tiny_instances() {
        for (long seed = 1; seed <= 300; seed++) {
            RandomInstances.Instance in =
                    RandomInstances.generate(seed, 3 + (int) (seed % 6), 1 + (int) (seed % 3), 12);
            long[] exact = exhaustive(in);
            MatchingResult r = Matcher.solve(in.households(), in.doctors()).result();
            assertThat(objectiveOf(r.objective())).as("seed %d", seed).containsExactly(exact);
        }
    }

    private static long[] exhaustive(RandomInstances.Instance in) {
        int nh = in.households().size(), nd = in.doctors().size();
        int[][] cm = new int[nh][nd];
        for (int i = 0; i < nh; i++)
            for (int j = 0; j < nd; j++)
                cm[i][j] = RandomInstances.eligibleCm(
                        in.households().get(i), in.doctors().get(j));
        int[] rem = new int[nd];
        for (int j = 0; j < nd; j++) rem[j] = in.doctors().get(j).capacity();
        long[] best = new long[6];
        best[5] = Long.MAX_VALUE;
        for (int c = 0; c < 5; c++) best[c] = -1;
        enumerate(in, cm, rem, 0, new long[6], best);
        return best;
    }

    private static void enumerate(RandomInstances.Instance in, int[][] cm, int[] rem, int i, long[] cur, long[] best) {
        if (i == cm.length) {
            if (better(cur, best)) System.arraycopy(cur, 0, best, 0, 6);
            return;
        }
        Household h = in.households().get(i);
        enumerate(in, cm, rem, i + 1, cur, best);
        for (int j = 0; j < rem.length; j++) {
            if (cm[i][j] < 0 || rem[j] < h.size()) continue;
            rem[j] -= h.size();
            cur[h.priority() - 1] += h.size();
            cur[5] += (long) h.size() * cm[i][j];
            enumerate(in, cm, rem, i + 1, cur, best);
            cur[5] -= (long) h.size() * cm[i][j];
            cur[h.priority() - 1] -= h.size();
            rem[j] += h.size();
        }
    }

    static boolean better(long[] a, long[] b) {
        for (int c = 0; c < 5; c++) if (a[c] != b[c]) return a[c] > b[c];
        return a[5] < b[5];
    }

    @Tag("heavy")
    @Test
    void equals_independent_cp_sat_on_random_instances_up_to_200_households() {
        int[][] shapes = {
            {20, 4, 8}, {50, 8, 12}, {100, 12, 15}, {150, 18, 20}, {200, 20, 20}, {200, 30, 30}, {200, 12, 10}
        };
        long seed = 1000;
        int compared = 0;
        for (int[] shape : shapes) {
            for (int rep = 0; rep < 4; rep++) {
                seed++;
                RandomInstances.Instance in = RandomInstances.generate(seed, shape[0], shape[1], shape[2]);
                long t0 = System.nanoTime();
                long[] ref = CpSatReference.solveLexicographic(in, 60);
                long t1 = System.nanoTime();
                MatchingResult r = Matcher.solve(in.households(), in.doctors()).result();
                long t2 = System.nanoTime();
                long[] mine = objectiveOf(r.objective());
                System.out.printf(
                        "exactness seed=%d shape=%s engine=%s (%.0f ms, %s) cp-sat-reference=%s (%.0f ms)%n",
                        seed,
                        java.util.Arrays.toString(shape),
                        java.util.Arrays.toString(mine),
                        (t2 - t1) / 1e6,
                        r.statistics(),
                        java.util.Arrays.toString(ref),
                        (t1 - t0) / 1e6);
                assertThat(ref)
                        .as("the reference proved its optimum, seed %d", seed)
                        .isNotNull();
                assertThat(r.statistics().provenOptimal())
                        .as("engine proved optimality, seed %d", seed)
                        .isTrue();
                assertThat(mine)
                        .as("seed %d: people per class and person-centiminutes", seed)
                        .containsExactly(ref);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(28);
    }
}
