package fr.traitant.engine.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Windows of free households grouped by the doctors they share (the windowed relaxation-induced neighbourhood). */
class RelaxationNeighbourhoodTest {

    /**
     * Two clusters: households 0, 1, 3 use doctors 0 and 1; households 2, 4 use doctor 2; household 5 is not free (it is
     * left out whatever its pairs).
     *
     * <pre>
     *   household  0  1  2  3  4  5
     *   doctors    0  0  2  1  2  0
     *              1        0
     * </pre>
     */
    private static final boolean[] FREE = {true, true, true, true, true, false};

    private static final int[] PAIR_H = {0, 0, 1, 2, 3, 3, 4, 5};
    private static final int[] PAIR_D = {0, 1, 0, 2, 1, 0, 2, 0};

    @Test
    void households_sharing_doctors_go_together_and_the_others_apart() {
        int[][] windows = RelaxationNeighbourhood.windows(FREE, PAIR_H, PAIR_D, 3, 10);

        assertThat(windows).hasNumberOfRows(2);
        assertThat(windows[0]).containsExactly(0, 1, 3);
        assertThat(windows[1]).containsExactly(2, 4);
    }

    @Test
    void a_window_stops_at_its_size_and_the_rest_of_its_cluster_starts_the_next() {
        int[][] windows = RelaxationNeighbourhood.windows(FREE, PAIR_H, PAIR_D, 3, 2);

        // from household 0: its doctors 0 then 1; doctor 0's next free household is 1 — full at two
        assertThat(windows[0]).containsExactly(0, 1);
        assertThat(windows[1]).containsExactly(2, 4);
        assertThat(windows[2]).containsExactly(3);
        assertThat(windows).hasNumberOfRows(3);
    }

    /**
     * Random graphs: every free household in exactly one window, none of the others, no window above its size, and a
     * window's households connected through the doctors they share (within the window).
     */
    @Test
    void random_graphs_are_partitioned_into_connected_windows() {
        java.util.Random random = new java.util.Random(83);
        for (int world = 0; world < 200; world++) {
            int nh = 1 + random.nextInt(60), nd = 1 + random.nextInt(12), size = 1 + random.nextInt(15);
            boolean[] free = new boolean[nh];
            for (int i = 0; i < nh; i++) free[i] = random.nextInt(4) > 0;
            HeuristicSolver.IntList ph = new HeuristicSolver.IntList(), pd = new HeuristicSolver.IntList();
            for (int i = 0; i < nh; i++) {
                for (int j = 0; j < nd; j++) {
                    if (random.nextInt(4) != 0) continue;
                    ph.add(i);
                    pd.add(j);
                }
            }
            int[] pairH = Arrays.copyOf(ph.a, ph.n), pairD = Arrays.copyOf(pd.a, pd.n);

            int[][] windows = RelaxationNeighbourhood.windows(free, pairH, pairD, nd, size);

            int[] seen = new int[nh];
            for (int[] w : windows) {
                assertThat(w.length).isBetween(1, size);
                assertThat(w).isSorted();
                for (int i : w) seen[i]++;
                assertThat(connected(w, pairH, pairD, nd)).isTrue();
            }
            for (int i = 0; i < nh; i++) assertThat(seen[i]).isEqualTo(free[i] ? 1 : 0);
        }
    }

    /** Whether the window's households form one piece when two of them are linked by a doctor they share. */
    private static boolean connected(int[] window, int[] pairH, int[] pairD, int nd) {
        java.util.Set<Integer> in = new java.util.HashSet<>();
        for (int i : window) in.add(i);
        java.util.Set<Integer> reached = new java.util.HashSet<>(java.util.List.of(window[0]));
        boolean grew = true;
        while (grew) {
            grew = false;
            boolean[] doctor = new boolean[nd];
            for (int y = 0; y < pairH.length; y++) if (reached.contains(pairH[y])) doctor[pairD[y]] = true;
            for (int y = 0; y < pairH.length; y++) {
                if (doctor[pairD[y]] && in.contains(pairH[y]) && reached.add(pairH[y])) grew = true;
            }
        }
        return reached.size() == window.length;
    }
}
