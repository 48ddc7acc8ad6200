package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Relaxation-induced neighbourhood of {@link MinutesStage} (RINS, Danna, Rothberg and Le Pape 2005; ADR 0078, 0083):
 * the households whose doctor agrees with the relaxation's flow (served whole by it, or unserved by both) stay; the
 * others — the free ones — are re-assigned by SCIP among their pairs of small reduced cost, the people per class kept,
 * and the result applied when better. Up to {@link #ONE_PROGRAMME} free households, one programme; above (components
 * of thousands of households), windows of free households sharing doctors, one small programme each, everything else
 * fixed, in {@link #WINDOW_PASSES} passes.
 *
 * <p>Windows: breadth-first over the bipartite graph free household — doctor (the kept pairs), from the first free
 * household not yet in a window, its doctors, then their free households, and so on until the window holds its size.
 * Households close in the graph share doctors, so a window holds the moves that compete for the same places.
 * Deterministic (index order everywhere).
 */
final class RelaxationNeighbourhood {

    private RelaxationNeighbourhood() {}

    /**
     * Runs the neighbourhood on the stage's current solution, in place (the stage's flow read).
     *
     * @param rinsHouseholds one programme up to this many free households, else windows of {@code rinsWindow}
     */
    static void run(MinutesStage m, long nodes, int rinsHouseholds, int rinsWindow) {
        for (int pass = 0; pass < WINDOW_PASSES; pass++) {
            long before = StagedSolver.served(m.st, m.hh)[5];
            // the second pass starts its windows half-way through the households, so that their borders move
            boolean windows = pass(m, nodes, rinsHouseholds, rinsWindow, pass * (m.hh.length / 2));
            if (!windows || StagedSolver.served(m.st, m.hh)[5] == before) return;
        }
    }

    /**
     * One pass of the neighbourhood: the households whose doctor disagrees with the flow are free, the others stay.
     * Returns false when they were few enough for one programme (a second pass would find the same).
     */
    private static boolean pass(MinutesStage m, long nodes, int rinsHouseholds, int rinsWindow, int first) {
        int nh = m.hh.length;
        int[] incumbent = m.st.slotsOf(m.hh);
        boolean[] free = new boolean[nh];
        int count = 0;
        for (int i = 0; i < nh; i++) {
            free[i] = m.part[i] || m.whole[i] != incumbent[i];
            if (free[i]) count++;
        }
        boolean one = count <= rinsHouseholds;
        boolean[] keep = m.fixByReducedCost(one ? TAU : WINDOW_TAU, incumbent);
        if (one) {
            solveWindow(m, keep, free, Math.min(nodes, NODES));
            return false;
        }
        // too many for one programme: windows of households sharing doctors, one programme each (ADR 0083)
        HeuristicSolver.IntList ph = new HeuristicSolver.IntList(), pd = new HeuristicSolver.IntList();
        for (int a = 0; a < m.arcs; a++) {
            if (!keep[a] || m.arcSlot[a] < 0 || !free[m.arcH[a]]) continue;
            ph.add(m.arcH[a]);
            pd.add(m.localDoctor[m.arcD[a]]);
        }
        int[][] windows =
                windows(free, Arrays.copyOf(ph.a, ph.n), Arrays.copyOf(pd.a, pd.n), m.doctors, rinsWindow, first);
        for (int[] w : windows) {
            boolean[] in = new boolean[nh];
            for (int i : w) in[i] = true;
            solveWindow(m, keep, in, Math.min(nodes, WINDOW_NODES));
        }
        return true;
    }

    /** SCIP over the kept pairs of the households {@code free}, the others at their doctor; applied when better. */
    private static void solveWindow(MinutesStage m, boolean[] keep, boolean[] free, long nodes) {
        int nh = m.hh.length;
        int[] incumbent = m.st.slotsOf(m.hh);
        boolean[] fixed = new boolean[nh];
        for (int i = 0; i < nh; i++) fixed[i] = !free[i];
        int variables = 0;
        for (int a = 0; a < m.arcs; a++) if (keep[a] && !fixed[m.arcH[a]]) variables++;
        if (variables > PAIRS) return;
        MinutesProgramme.Mip mip = m.integerProgramme(keep, incumbent, nodes, fixed);
        if (mip == null) return;
        long v = TieBreakStage.checkedValue(m.p, m.hh, d -> m.localDoctor[d], m.places, mip.slots(), m.people);
        if (v >= 0 && v < StagedSolver.served(m.st, m.hh)[5]) m.st.reassign(m.hh, mip.slots());
    }

    /**
     * RINS only up to this many free households and {@link #PAIRS} pairs within {@link #TAU} of reduced cost
     * (× size), {@link #NODES} nodes. Measured: Finistère 5,000 households, 567 free: person-minutes −2.3 %; 1,500
     * households with about 100 doctors each in reach, 343 free: −8.6 % in 36 s (256 s with 4,000 and 1,000 nodes);
     * Bouches-du-Rhône 10,000, 2,902 free: SCIP did not finish in 200 s, hence the limit on households.
     */
    static final int ONE_PROGRAMME = 1_000, PAIRS = 60_000;

    /**
     * Windows when the free households are more than {@link #ONE_PROGRAMME} (ADR 0083): at most this many households
     * each, pairs within {@link #WINDOW_TAU} of reduced cost (× size), {@link #WINDOW_NODES} node (SCIP's
     * root: its cuts and heuristics do the work). Measured on Bouches-du-Rhône 10,000 (2,902 free): 150 / 150 / 1
     * gives 79,657.83 person-minutes in 12.7 s; 300 / 150 / 10, 79,427.75 in 24.6 s; 100 / 1,000 / 100, 79,786.35 in
     * 32.8 s; 300 / 1,000 / 100, 79,234.01 in 175 s; without windows 80,931.30 in 5 s.
     */
    static final int WINDOW = 150;

    static final long WINDOW_TAU = 150, WINDOW_NODES = 1;

    /**
     * Passes of windows at most (the free households read again from the flow and the new incumbent). Measured on
     * Bouches-du-Rhône 10,000: one pass 79,657.83 in 13 s, two (the second started half-way) 79,350.68 in 19.8 s, four
     * (each started 37 % further) 79,294.11 in 26 s.
     */
    static final int WINDOW_PASSES = 2;

    static final long TAU = 1_000, NODES = 100;

    /**
     * @param free per local household, whether it is free
     * @param pairH per kept pair, its local household; {@code pairD} its local doctor (0..doctors-1)
     * @return the windows, each a list of local households in ascending order
     */
    static int[][] windows(boolean[] free, int[] pairH, int[] pairD, int doctors, int size) {
        return windows(free, pairH, pairD, doctors, size, 0);
    }

    /** As above, the windows started from household {@code first} on (then around), so that their borders move. */
    static int[][] windows(boolean[] free, int[] pairH, int[] pairD, int doctors, int size, int first) {
        int nh = free.length, n = pairH.length;
        int[] byH = new int[nh + 1], byD = new int[doctors + 1];
        for (int y = 0; y < n; y++) {
            byH[pairH[y] + 1]++;
            byD[pairD[y] + 1]++;
        }
        for (int i = 0; i < nh; i++) byH[i + 1] += byH[i];
        for (int j = 0; j < doctors; j++) byD[j + 1] += byD[j];
        int[] hDoctors = new int[n], dHouseholds = new int[n];
        int[] fillH = Arrays.copyOf(byH, nh), fillD = Arrays.copyOf(byD, doctors);
        for (int y = 0; y < n; y++) {
            hDoctors[fillH[pairH[y]]++] = pairD[y];
            dHouseholds[fillD[pairD[y]]++] = pairH[y];
        }
        boolean[] taken = new boolean[nh], seen = new boolean[doctors];
        int[] queue = new int[doctors];
        int[] cursor = Arrays.copyOf(byD, doctors); // households before it are taken or not free
        HeuristicSolver.IntList window = new HeuristicSolver.IntList();
        java.util.List<int[]> windows = new java.util.ArrayList<>();
        for (int s = 0; s < nh; s++) {
            int start = (first + s) % nh;
            if (!free[start] || taken[start]) continue;
            window.n = 0;
            int head = 0, tail = 0;
            int next = start;
            while (true) {
                // take household `next`, queue its doctors not yet seen
                taken[next] = true;
                window.add(next);
                for (int k = byH[next]; k < byH[next + 1]; k++) {
                    int j = hDoctors[k];
                    if (!seen[j]) {
                        seen[j] = true;
                        queue[tail++] = j;
                    }
                }
                next = -1;
                while (window.n < size && head < tail && next < 0) {
                    int j = queue[head];
                    while (cursor[j] < byD[j + 1] && (!free[dHouseholds[cursor[j]]] || taken[dHouseholds[cursor[j]]]))
                        cursor[j]++;
                    if (cursor[j] < byD[j + 1]) next = dHouseholds[cursor[j]];
                    if (next < 0) head++;
                }
                if (next < 0) break;
            }
            for (int k = 0; k < tail; k++) seen[queue[k]] = false;
            int[] w = Arrays.copyOf(window.a, window.n);
            Arrays.sort(w);
            windows.add(w);
        }
        return windows.toArray(new int[0][]);
    }
}
