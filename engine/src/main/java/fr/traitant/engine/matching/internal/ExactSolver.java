package fr.traitant.engine.matching.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Exact solver for one connected component of the eligibility graph (branch-and-bound), helped by
 * a large-neighbourhood search that uses the same branch-and-bound on small neighbourhoods.
 *
 * <p>The lexicographic objective is folded into one integer per person served: serving one person
 * of priority c costs {@code cm − W_c}, where {@code W_5} exceeds every possible person-centiminute
 * total of the component and {@code W_c = W_{c+1} × (min(people of priority c+1, places) + 1)}, so that one
 * more person of a class outweighs every change in lower classes and in travel time. When these
 * weights do not fit in a {@code long}, the component is left to the heuristic.
 *
 * <p>Steps: (1) branch-and-bound on the whole component from the heuristic's solution (after
 * local search), with a fifth of the budget; it usually proves optimality at once on
 * zones of a few hundred households; (2) otherwise, large-neighbourhood search from its best
 * solution: each doctor in turn, with 1 to 8 doctors sharing eligible households with it
 * (the most connected, then seeded random picks), is emptied and re-filled optimally by
 * branch-and-bound among its current households and the unserved eligible ones; (3) branch-and-bound
 * again on the whole component from that incumbent, with the remaining budget.
 * The bound is the linear relaxation, where a household may be split between
 * doctors or partly served: a transportation problem solved exactly by {@link MinCostFlow}.
 * Branching: the highest-priority, largest split household is fixed to each of its doctors, or
 * declared unserved; every child's relaxation is solved first and children are visited best bound
 * first. A node is cut when its bound is no better than the incumbent. The whole is bounded by a
 * deterministic work budget (arc relaxations); the optimum is proven when a branch-and-bound completes.
 */
public final class ExactSolver {

    /** Outcome for one component. */
    public record Outcome(int[] households, int[] slots, boolean improved, boolean provenOptimal, long work) {}

    private ExactSolver() {}

    /**
     * Solves the component made of {@code households} (and all their candidate doctors, which no
     * other household uses) starting from the state's assignment. Returns null when the folded
     * weights overflow. Does not modify the state.
     */
    public static @Nullable Outcome solve(MatchState st, int[] hh, long budget) {
        ProblemIndex p = st.p;
        int nh = hh.length;
        int[] ds = st.doctorsOf(hh);
        int nd = ds.length;
        int[] cap = st.capacityFor(hh, ds);

        long b0 = 1;
        long[] people = new long[6];
        for (int h : hh) {
            int maxCm = 0;
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) maxCm = Math.max(maxCm, p.slotCm[s]);
            b0 += (long) p.size[h] * maxCm;
            people[p.priority[h]] += p.size[h];
        }
        long[] w = new long[6];
        try {
            w[5] = b0;
            // at most min(people of the class, all places) people of a class can be served
            long places = 0;
            for (int j = 0; j < nd; j++) places += cap[j];
            for (int c = 4; c >= 1; c--) w[c] = Math.multiplyExact(w[c + 1], Math.min(people[c + 1], places) + 1);
            Math.multiplyExact(w[1], Math.min(people[1], places) + 1);
        } catch (ArithmeticException overflow) {
            return null;
        }
        int[] arcStart = new int[nh + 1];
        int na = 0;
        for (int i = 0; i < nh; i++) {
            int h = hh[i];
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) if (!st.forbidden[s]) na++;
            arcStart[i + 1] = na;
        }
        int[] arcDoc = new int[na], arcSlot = new int[na];
        long[] arcCost = new long[na];
        int[] size = new int[nh], pickKey = new int[nh];
        int a = 0;
        for (int i = 0; i < nh; i++) {
            int h = hh[i];
            size[i] = p.size[h];
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (st.forbidden[s]) continue;
                arcDoc[a] = Arrays.binarySearch(ds, p.slotDoctor[s]);
                arcSlot[a] = s;
                arcCost[a] = p.slotCm[s] - w[p.priority[h]];
                a++;
            }
        }
        // branching preference: priority, then larger households, then rank
        Integer[] byPref = new Integer[nh];
        for (int i = 0; i < nh; i++) byPref[i] = i;
        Arrays.sort(
                byPref,
                (x, y) -> p.priority[hh[x]] != p.priority[hh[y]]
                        ? Integer.compare(p.priority[hh[x]], p.priority[hh[y]])
                        : size[x] != size[y]
                                ? Integer.compare(size[y], size[x])
                                : Integer.compare(p.rank[hh[x]], p.rank[hh[y]]));
        for (int r = 0; r < nh; r++) pickKey[byPref[r]] = r;

        int[] arcs = new int[nh];
        for (int i = 0; i < nh; i++) {
            arcs[i] = -1;
            int h = hh[i];
            if (st.slot[h] >= 0)
                for (int x = arcStart[i]; x < arcStart[i + 1]; x++) if (arcSlot[x] == st.slot[h]) arcs[i] = x;
        }
        Problem whole = new Problem(nh, nd, size, pickKey, arcStart, arcDoc, arcCost, cap);
        long start = whole.value(arcs);
        long work = 0;
        whole.polish(arcs);
        // 1. a first branch-and-bound, best child first: finds the relaxation's people-optimal structure
        BranchAndBound first = new BranchAndBound(whole, arcs, budget / 5);
        first.run();
        work += first.work;
        if (first.aborted) {
            System.arraycopy(first.bestArc, 0, arcs, 0, nh);
            // 2. large-neighbourhood search on its best solution
            NeighbourhoodSearch lns = new NeighbourhoodSearch(whole, arcs);
            work += lns.run(budget * 6 / 10);
        }
        // 3. branch-and-bound from the best solution: proves optimality when it completes
        BranchAndBound bnb = first.aborted ? new BranchAndBound(whole, arcs, Math.max(0, budget - work)) : first;
        if (first.aborted) {
            bnb.run();
            work += bnb.work;
        }
        int[] best = bnb.bestArc;
        boolean improved = whole.value(best) < start;
        int[] slots = new int[nh];
        for (int i = 0; i < nh; i++) slots[i] = best[i] < 0 ? -1 : arcSlot[best[i]];
        return new Outcome(hh, slots, improved, !bnb.aborted, work);
    }

    /** A component (or a neighbourhood of one) in local indexes. */
    static final class Problem {
        final int nh, nd;
        final int[] size, pickKey, arcStart, arcDoc, cap;
        final long[] arcCost;
        final int[][] arcOfDoctor;

        Problem(int nh, int nd, int[] size, int[] pickKey, int[] arcStart, int[] arcDoc, long[] arcCost, int[] cap) {
            this.nh = nh;
            this.nd = nd;
            this.size = size;
            this.pickKey = pickKey;
            this.arcStart = arcStart;
            this.arcDoc = arcDoc;
            this.arcCost = arcCost;
            this.cap = cap;
            arcOfDoctor = new int[nh][];
            for (int i = 0; i < nh; i++) {
                int[] m = new int[nd];
                Arrays.fill(m, -1);
                for (int x = arcStart[i]; x < arcStart[i + 1]; x++) m[arcDoc[x]] = x;
                arcOfDoctor[i] = m;
            }
        }

        long value(int[] arcs) {
            long v = 0;
            for (int i = 0; i < nh; i++) if (arcs[i] >= 0) v += size[i] * arcCost[arcs[i]];
            return v;
        }

        /**
         * Local search on the folded objective: insert an unserved household where there is room,
         * relocate, swap two households' doctors, or replace a served household by an unserved one.
         * Every move strictly lowers the folded cost, so it ends. Returns the cost.
         */
        long polish(int[] arcs) {
            int[] load = new int[nd];
            for (int i = 0; i < nh; i++) if (arcs[i] >= 0) load[arcDoc[arcs[i]]] += size[i];
            int[][] members = new int[nd][];
            boolean again = true;
            int rounds = 0;
            while (again && rounds++ < 100) {
                again = false;
                for (int i = 0; i < nh; i++) {
                    int si = size[i];
                    long cur = arcs[i] < 0 ? 0 : si * arcCost[arcs[i]];
                    for (int x = arcStart[i]; x < arcStart[i + 1]; x++) {
                        int j = arcDoc[x];
                        if (x == arcs[i] || si * arcCost[x] >= cur) continue;
                        if (load[j] + si - (arcs[i] >= 0 && arcDoc[arcs[i]] == j ? si : 0) <= cap[j]) {
                            if (arcs[i] >= 0) load[arcDoc[arcs[i]]] -= si;
                            arcs[i] = x;
                            load[j] += si;
                            cur = si * arcCost[x];
                            again = true;
                        }
                    }
                    for (int x = arcStart[i]; x < arcStart[i + 1]; x++) {
                        int j = arcDoc[x];
                        if (x == arcs[i]) continue;
                        int ji = arcs[i] < 0 ? -1 : arcDoc[arcs[i]];
                        for (int k = 0; k < nh; k++) {
                            if (k == i || arcs[k] < 0 || arcDoc[arcs[k]] != j) continue;
                            int sk = size[k];
                            long before = cur + sk * arcCost[arcs[k]];
                            int xk = ji < 0 ? -1 : arcOfDoctor[k][ji];
                            long after = si * arcCost[x] + (xk < 0 ? 0 : sk * arcCost[xk]);
                            if (after >= before) continue;
                            if (load[j] - sk + si > cap[j]) continue;
                            if (ji >= 0) {
                                int freedAtJi = load[ji] - si + (xk < 0 ? 0 : sk);
                                if (freedAtJi > cap[ji]) continue;
                            }
                            load[j] += si - sk;
                            if (ji >= 0) load[ji] += (xk < 0 ? 0 : sk) - si;
                            arcs[k] = xk;
                            arcs[i] = x;
                            cur = si * arcCost[x];
                            again = true;
                            break;
                        }
                    }
                }
            }
            if (members.length < 0) throw new IllegalStateException();
            return value(arcs);
        }
    }
}
