package fr.traitant.engine.matching.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Large-neighbourhood search: re-solves a few doctors at a time exactly. */
final class NeighbourhoodSearch {
    private final ExactSolver.Problem pr;
    private final int[] arcs;
    private final int[][] neighbours;

    NeighbourhoodSearch(ExactSolver.Problem pr, int[] arcs) {
        this.pr = pr;
        this.arcs = arcs;
        // doctors sharing eligible households, most shared first
        int[][] shared = new int[pr.nd][];
        long[][] counts = new long[pr.nd][];
        java.util.Map<Long, Integer> pairCount = new java.util.HashMap<>();
        for (int i = 0; i < pr.nh; i++) {
            for (int x = pr.arcStart[i]; x < pr.arcStart[i + 1]; x++) {
                for (int y = pr.arcStart[i]; y < pr.arcStart[i + 1]; y++) {
                    if (x != y) pairCount.merge(((long) pr.arcDoc[x] << 32) | pr.arcDoc[y], 1, Integer::sum);
                }
            }
        }
        int[] deg = new int[pr.nd];
        for (long k : pairCount.keySet()) deg[(int) (k >>> 32)]++;
        for (int j = 0; j < pr.nd; j++) counts[j] = new long[deg[j]];
        int[] fill = new int[pr.nd];
        for (java.util.Map.Entry<Long, Integer> e : pairCount.entrySet()) {
            int j = (int) (e.getKey() >>> 32), k = (int) (long) e.getKey();
            counts[j][fill[j]++] = ((long) (Integer.MAX_VALUE - e.getValue()) << 32) | k;
        }
        for (int j = 0; j < pr.nd; j++) {
            Arrays.sort(counts[j]);
            shared[j] = new int[counts[j].length];
            for (int t = 0; t < counts[j].length; t++) shared[j][t] = (int) counts[j][t];
        }
        neighbours = shared;
    }

    /**
     * Runs within the budget; returns work spent. Keeps {@code arcs} updated with the best solution.
     * Each round visits every doctor with a neighbourhood of itself and {@code extra} doctors
     * drawn among its most connected ones; {@code extra} cycles through 1..8; stops after 16
     * rounds in a row without improvement.
     */
    long run(long budget) {
        long work = 0;
        SplittableRandom rnd = new SplittableRandom(20261122L);
        int idle = 0;
        for (int round = 0; round < 400 && work < budget && idle < 16; round++) {
            int extraDoctors = 1 + round % 8;
            boolean improvedRound = false;
            for (int j = 0; j < pr.nd && work < budget; j++) {
                int[] nb = neighbours[j];
                int extra = Math.min(nb.length, extraDoctors);
                int[] chosen = new int[1 + extra];
                chosen[0] = j;
                for (int e = 0; e < extra; e++) {
                    chosen[1 + e] = round < 8 ? nb[e] : nb[rnd.nextInt(Math.min(nb.length, 2 * extraDoctors + 2))];
                }
                long[] spent = {0};
                if (solveNeighbourhood(chosen, Math.min(budget - work, 5_000_000L), spent)) improvedRound = true;
                work += spent[0];
            }
            idle = improvedRound ? 0 : idle + 1;
        }
        return work;
    }

    /**
     * Re-solves exactly the chosen doctors with the households they serve and the unserved
     * households eligible for them; everybody else stays put.
     */
    private boolean solveNeighbourhood(int[] chosenDoctors, long budget, long[] spent) {
        int[] chosen = Arrays.stream(chosenDoctors).sorted().distinct().toArray();
        int nd = chosen.length;
        int[] local = new int[pr.nd];
        Arrays.fill(local, -1);
        for (int k = 0; k < nd; k++) local[chosen[k]] = k;
        int[] members = new int[pr.nh];
        int n = 0;
        for (int i = 0; i < pr.nh; i++) {
            if (arcs[i] >= 0) {
                if (local[pr.arcDoc[arcs[i]]] >= 0) members[n++] = i;
            } else {
                for (int x = pr.arcStart[i]; x < pr.arcStart[i + 1]; x++)
                    if (local[pr.arcDoc[x]] >= 0) {
                        members[n++] = i;
                        break;
                    }
            }
        }
        if (n == 0) return false;
        int[] arcStart = new int[n + 1];
        int na = 0;
        for (int m = 0; m < n; m++) {
            int i = members[m];
            for (int x = pr.arcStart[i]; x < pr.arcStart[i + 1]; x++) if (local[pr.arcDoc[x]] >= 0) na++;
            arcStart[m + 1] = na;
        }
        int[] arcDoc = new int[na], arcGlobal = new int[na];
        long[] arcCost = new long[na];
        int[] size = new int[n], pickKey = new int[n];
        int a = 0;
        int[] init = new int[n];
        for (int m = 0; m < n; m++) {
            int i = members[m];
            size[m] = pr.size[i];
            pickKey[m] = pr.pickKey[i];
            init[m] = -1;
            for (int x = pr.arcStart[i]; x < pr.arcStart[i + 1]; x++) {
                if (local[pr.arcDoc[x]] < 0) continue;
                arcDoc[a] = local[pr.arcDoc[x]];
                arcGlobal[a] = x;
                arcCost[a] = pr.arcCost[x];
                if (arcs[i] == x) init[m] = a;
                a++;
            }
        }
        int[] cap = new int[nd];
        for (int k = 0; k < nd; k++) cap[k] = pr.cap[chosen[k]];
        ExactSolver.Problem sub = new ExactSolver.Problem(n, nd, size, pickKey, arcStart, arcDoc, arcCost, cap);
        long before = sub.value(init);
        BranchAndBound bnb = new BranchAndBound(sub, init, budget);
        bnb.run();
        spent[0] = bnb.work;
        long after = sub.value(bnb.bestArc);
        if (after >= before) return false;
        for (int m = 0; m < n; m++) arcs[members[m]] = bnb.bestArc[m] < 0 ? -1 : arcGlobal[bnb.bestArc[m]];
        return true;
    }
}
