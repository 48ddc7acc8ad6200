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
        // doctors sharing eligible households, most shared first. Counted doctor by doctor with a dense accumulator
        // over the households each doctor can take. A hash map keyed by the pair, as before, put most pairs in a few
        // buckets (Long's hash of j << 32 | k is j ^ k): a third of the engine's Java time in the profile of the demo's
        // département run (issue 22). Same counts, same order.
        int[] householdStart = new int[pr.nd + 1];
        for (int x = 0; x < pr.arcStart[pr.nh]; x++) householdStart[pr.arcDoc[x] + 1]++;
        for (int j = 0; j < pr.nd; j++) householdStart[j + 1] += householdStart[j];
        int[] householdsOf = new int[pr.arcStart[pr.nh]];
        int[] next = Arrays.copyOf(householdStart, pr.nd);
        for (int i = 0; i < pr.nh; i++) {
            for (int x = pr.arcStart[i]; x < pr.arcStart[i + 1]; x++) householdsOf[next[pr.arcDoc[x]]++] = i;
        }
        int[][] shared = new int[pr.nd][];
        int[] together = new int[pr.nd];
        int[] touched = new int[pr.nd];
        for (int j = 0; j < pr.nd; j++) {
            int found = 0;
            for (int h = householdStart[j]; h < householdStart[j + 1]; h++) {
                int i = householdsOf[h];
                for (int y = pr.arcStart[i]; y < pr.arcStart[i + 1]; y++) {
                    int k = pr.arcDoc[y];
                    if (k == j) continue;
                    if (together[k]++ == 0) touched[found++] = k;
                }
            }
            long[] counts = new long[found];
            for (int t = 0; t < found; t++) {
                int k = touched[t];
                counts[t] = ((long) (Integer.MAX_VALUE - together[k]) << 32) | k;
                together[k] = 0;
            }
            Arrays.sort(counts);
            shared[j] = new int[found];
            for (int t = 0; t < found; t++) shared[j][t] = (int) counts[t];
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
