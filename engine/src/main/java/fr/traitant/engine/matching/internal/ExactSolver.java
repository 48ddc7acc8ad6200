package fr.traitant.engine.matching.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
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
        Bnb first = new Bnb(whole, arcs, budget / 5);
        first.run();
        work += first.work;
        if (first.aborted) {
            System.arraycopy(first.bestArc, 0, arcs, 0, nh);
            // 2. large-neighbourhood search on its best solution
            Lns lns = new Lns(whole, arcs);
            work += lns.run(budget * 6 / 10);
        }
        // 3. branch-and-bound from the best solution: proves optimality when it completes
        Bnb bnb = first.aborted ? new Bnb(whole, arcs, Math.max(0, budget - work)) : first;
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

    /** Large-neighbourhood search: re-solves a few doctors at a time exactly. */
    static final class Lns {
        private final Problem pr;
        private final int[] arcs;
        private final int[][] neighbours;

        Lns(Problem pr, int[] arcs) {
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
            Problem sub = new Problem(n, nd, size, pickKey, arcStart, arcDoc, arcCost, cap);
            long before = sub.value(init);
            Bnb bnb = new Bnb(sub, init, budget);
            bnb.run();
            spent[0] = bnb.work;
            long after = sub.value(bnb.bestArc);
            if (after >= before) return false;
            for (int m = 0; m < n; m++) arcs[members[m]] = bnb.bestArc[m] < 0 ? -1 : arcGlobal[bnb.bestArc[m]];
            return true;
        }
    }

    /** Branch-and-bound over the min-cost-flow relaxation. */
    static final class Bnb {
        private static final int EXCLUDED = -2;
        private final Problem pr;
        final int[] bestArc;
        private long incumbent;
        private final int[] fixedArc;
        private final int[] capRes;
        private long fixedCost;
        boolean aborted;
        long work;
        private final long budget;

        Bnb(Problem pr, int[] start, long budget) {
            this.pr = pr;
            this.bestArc = start.clone();
            this.budget = budget;
            this.incumbent = pr.polish(bestArc);
            this.fixedArc = new int[pr.nh];
            Arrays.fill(fixedArc, -1);
            this.capRes = pr.cap.clone();
        }

        /** A solved relaxation: bound, flow per arc, household to branch on (-1 if integral). */
        private record Lp(long bound, int[] flow, int pick) {}

        void run() {
            Lp root = relax();
            if (root != null) branch(root);
        }

        private @Nullable Lp relax() {
            int nh = pr.nh, nd = pr.nd;
            int[] localOf = new int[nh];
            int free = 0;
            for (int i = 0; i < nh; i++) localOf[i] = fixedArc[i] == -1 ? free++ : -1;
            int nodes = free + nd + 2;
            int src = 0, sink = nodes - 1;
            MinCostFlow f = new MinCostFlow(nodes, free + nd + pr.arcStart[nh]);
            int[] arcEdge = new int[pr.arcStart[nh]];
            Arrays.fill(arcEdge, -1);
            long[] pot = new long[nodes];
            for (int i = 0; i < nh; i++) {
                if (localOf[i] < 0) continue;
                f.addArc(src, 1 + localOf[i], pr.size[i], 0);
                for (int x = pr.arcStart[i]; x < pr.arcStart[i + 1]; x++) {
                    int j = pr.arcDoc[x];
                    if (capRes[j] < 1) continue;
                    arcEdge[x] = f.addArc(1 + localOf[i], 1 + free + j, pr.size[i], pr.arcCost[x]);
                    pot[1 + free + j] = Math.min(pot[1 + free + j], pr.arcCost[x]);
                }
            }
            for (int j = 0; j < nd; j++) {
                if (capRes[j] > 0) f.addArc(1 + free + j, sink, capRes[j], 0);
                pot[sink] = Math.min(pot[sink], pot[1 + free + j]);
            }
            long lp = f.solve(src, sink, pot, budget - work);
            work += f.work;
            if (lp == Long.MIN_VALUE || work > budget) {
                aborted = true;
                return null;
            }
            int[] flow = new int[pr.arcStart[nh]];
            int pick = -1;
            for (int i = 0; i < nh; i++) {
                if (localOf[i] < 0) continue;
                int total = 0, arcsUsed = 0;
                for (int x = pr.arcStart[i]; x < pr.arcStart[i + 1]; x++) {
                    if (arcEdge[x] < 0) continue;
                    int fl = f.flow(arcEdge[x]);
                    flow[x] = fl;
                    if (fl > 0) {
                        total += fl;
                        arcsUsed++;
                    }
                }
                boolean integral = total == 0 || (arcsUsed == 1 && total == pr.size[i]);
                if (!integral && (pick < 0 || pr.pickKey[i] < pr.pickKey[pick])) pick = i;
            }
            return new Lp(fixedCost + lp, flow, pick);
        }

        private void branch(Lp lp) {
            if (aborted || lp.bound() >= incumbent) return;
            int nh = pr.nh;
            if (lp.pick() < 0) {
                int[] arcs = new int[nh];
                for (int i = 0; i < nh; i++) {
                    arcs[i] = fixedArc[i] >= 0 ? fixedArc[i] : -1;
                    if (fixedArc[i] == -1) {
                        for (int x = pr.arcStart[i]; x < pr.arcStart[i + 1]; x++) if (lp.flow()[x] > 0) arcs[i] = x;
                    }
                }
                long value = pr.polish(arcs);
                if (value < incumbent) {
                    incumbent = value;
                    System.arraycopy(arcs, 0, bestArc, 0, nh);
                }
                return;
            }
            int i = lp.pick();
            int from = pr.arcStart[i], to = pr.arcStart[i + 1];
            int size = pr.size[i];
            int options = to - from + 1;
            @Nullable Lp[] child = new Lp[options];
            int[] keep = new int[options];
            int n = 0;
            for (int o = 0; o < options; o++) {
                int x = o < to - from ? from + o : -1;
                if (x >= 0 && capRes[pr.arcDoc[x]] < size) continue;
                apply(i, x, size);
                Lp c = relax();
                child[o] = c;
                undo(i, x, size);
                if (aborted || c == null) return; // relax() answers null only when the budget ran out
                if (c.bound() < incumbent) keep[n++] = o;
            }
            Integer[] idx = new Integer[n];
            for (int k = 0; k < n; k++) idx[k] = keep[k];
            Arrays.sort(idx, (a, b) -> {
                long ba = java.util.Objects.requireNonNull(child[a]).bound();
                long bb = java.util.Objects.requireNonNull(child[b]).bound();
                return ba != bb ? Long.compare(ba, bb) : Integer.compare(a, b);
            });
            for (int o : idx) {
                int x = o < to - from ? from + o : -1;
                apply(i, x, size);
                branch(java.util.Objects.requireNonNull(child[o]));
                child[o] = null; // free it before the next sibling's subtree
                undo(i, x, size);
                if (aborted) return;
            }
        }

        private void apply(int i, int x, int size) {
            if (x < 0) {
                fixedArc[i] = EXCLUDED;
                return;
            }
            fixedArc[i] = x;
            capRes[pr.arcDoc[x]] -= size;
            fixedCost += size * pr.arcCost[x];
        }

        private void undo(int i, int x, int size) {
            if (x >= 0) {
                capRes[pr.arcDoc[x]] += size;
                fixedCost -= size * pr.arcCost[x];
            }
            fixedArc[i] = -1;
        }
    }
}
