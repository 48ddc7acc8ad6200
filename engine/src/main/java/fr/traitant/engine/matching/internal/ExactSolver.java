package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Branch-and-bound for one connected component of the eligibility graph, exact for the
 * lexicographic objective.
 *
 * <p>The lexicographic objective is folded into one integer per person served: serving one person
 * of priority c costs {@code cm − W_c}, where {@code W_5} exceeds every possible person-centiminute
 * total of the component and {@code W_c = W_{c+1} × (people of priority c+1 + 1)}, so that one
 * more person of a class outweighs every change in lower classes and in travel time. When these
 * weights do not fit in a {@code long}, the component is left to the heuristic.
 *
 * <p>Bound: the linear relaxation, where a household may be split between doctors, which is a
 * transportation problem solved exactly by {@link MinCostFlow}. Branching: the highest-priority,
 * largest split household is fixed to each of its doctors in turn (largest relaxed flow first),
 * then declared unserved. Depth-first; a node is cut when its bound is no better than the
 * incumbent (first the heuristic's solution). Stops after a deterministic work budget.
 */
public final class ExactSolver {

    /** Outcome for one component. */
    public record Outcome(int[] households, int[] slots, boolean improved, boolean provenOptimal, long work) {}

    private final ProblemIndex p;
    private final int[] hh;
    private final int nh;
    private int nd;
    private int[] docGlobal;
    private int[] arcStart, arcDoc, arcSlot;
    private long[] arcCost;
    private int[] capRes;
    private int[] fixedArc;
    private long fixedCost;
    private long incumbent;
    private int[] bestArc;
    private boolean improved;
    private boolean aborted;
    private long work;
    private final long budget;

    private ExactSolver(ProblemIndex p, int[] households, long budget) {
        this.p = p;
        this.hh = households;
        this.nh = households.length;
        this.budget = budget;
    }

    /**
     * Solves the component made of {@code households} (and all their candidate doctors, which no
     * other household uses) starting from the state's assignment. Returns null when the weights
     * overflow. Does not modify the state.
     */
    public static Outcome solve(MatchState st, int[] households, long budget) {
        ExactSolver s = new ExactSolver(st.p, households, budget);
        return s.run(st);
    }

    private Outcome run(MatchState st) {
        // local doctors
        int[] ds = new int[16];
        int n = 0;
        for (int h : hh) for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
            if (st.forbidden[s]) continue;
            if (n == ds.length) ds = Arrays.copyOf(ds, n * 2);
            ds[n++] = p.slotDoctor[s];
        }
        ds = Arrays.stream(ds, 0, n).sorted().distinct().toArray();
        docGlobal = ds;
        nd = ds.length;
        capRes = new int[nd];
        for (int j = 0; j < nd; j++) capRes[j] = st.remaining[ds[j]];
        for (int h : hh) if (st.slot[h] >= 0) capRes[Arrays.binarySearch(ds, st.doctorOf(h))] += p.size[h];

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
            for (int c = 4; c >= 1; c--) w[c] = Math.multiplyExact(w[c + 1], people[c + 1] + 1);
            Math.multiplyExact(w[1], people[1] + 1);
        } catch (ArithmeticException overflow) {
            return null;
        }
        arcStart = new int[nh + 1];
        int na = 0;
        for (int i = 0; i < nh; i++) {
            int h = hh[i];
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) if (!st.forbidden[s]) na++;
            arcStart[i + 1] = na;
        }
        arcDoc = new int[na];
        arcSlot = new int[na];
        arcCost = new long[na];
        int a = 0;
        for (int i = 0; i < nh; i++) {
            int h = hh[i];
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (st.forbidden[s]) continue;
                arcDoc[a] = Arrays.binarySearch(ds, p.slotDoctor[s]);
                arcSlot[a] = s;
                arcCost[a] = p.slotCm[s] - w[p.priority[h]];
                a++;
            }
        }
        // incumbent = current state
        bestArc = new int[nh];
        incumbent = 0;
        for (int i = 0; i < nh; i++) {
            int h = hh[i];
            bestArc[i] = -1;
            if (st.slot[h] >= 0) {
                for (int x = arcStart[i]; x < arcStart[i + 1]; x++) if (arcSlot[x] == st.slot[h]) bestArc[i] = x;
                incumbent += p.size[h] * arcCost[bestArc[i]];
            }
        }
        fixedArc = new int[nh];
        Arrays.fill(fixedArc, -1);
        branch();
        int[] slots = new int[nh];
        for (int i = 0; i < nh; i++) slots[i] = bestArc[i] < 0 ? -1 : arcSlot[bestArc[i]];
        return new Outcome(hh, slots, improved, !aborted, work);
    }

    private static final int EXCLUDED = -2;

    private void branch() {
        if (aborted) return;
        // build the relaxation over free households
        int[] localOf = new int[nh];
        int free = 0;
        for (int i = 0; i < nh; i++) localOf[i] = fixedArc[i] == -1 ? free++ : -1;
        int nodes = free + nd + 2;
        int src = 0, sink = nodes - 1;
        MinCostFlow f = new MinCostFlow(nodes, free + nd + arcStart[nh]);
        int[] arcEdge = new int[arcStart[nh]];
        Arrays.fill(arcEdge, -1);
        long[] pot = new long[nodes];
        for (int i = 0; i < nh; i++) {
            if (localOf[i] < 0) continue;
            f.addArc(src, 1 + localOf[i], p.size[hh[i]], 0);
            for (int x = arcStart[i]; x < arcStart[i + 1]; x++) {
                int j = arcDoc[x];
                if (capRes[j] <= 0) continue;
                arcEdge[x] = f.addArc(1 + localOf[i], 1 + free + j, p.size[hh[i]], arcCost[x]);
                pot[1 + free + j] = Math.min(pot[1 + free + j], arcCost[x]);
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
            return;
        }
        long bound = fixedCost + lp;
        if (bound >= incumbent) return;
        // find the household to branch on
        int pick = -1;
        for (int i = 0; i < nh; i++) {
            if (localOf[i] < 0) continue;
            int total = 0, arcsUsed = 0;
            for (int x = arcStart[i]; x < arcStart[i + 1]; x++) {
                if (arcEdge[x] < 0) continue;
                int fl = f.flow(arcEdge[x]);
                if (fl > 0) {
                    total += fl;
                    arcsUsed++;
                }
            }
            boolean integral = total == 0 || (arcsUsed == 1 && total == p.size[hh[i]]);
            if (!integral && (pick < 0 || better(i, pick))) pick = i;
        }
        if (pick < 0) {
            incumbent = bound;
            improved = true;
            for (int i = 0; i < nh; i++) {
                if (fixedArc[i] >= 0) bestArc[i] = fixedArc[i];
                else if (fixedArc[i] == EXCLUDED) bestArc[i] = -1;
                else {
                    bestArc[i] = -1;
                    for (int x = arcStart[i]; x < arcStart[i + 1]; x++) {
                        if (arcEdge[x] >= 0 && f.flow(arcEdge[x]) > 0) bestArc[i] = x;
                    }
                }
            }
            return;
        }
        // children: each doctor of the picked household, largest relaxed flow first, then unserved
        int i = pick;
        int from = arcStart[i], to = arcStart[i + 1];
        long[] keys = new long[to - from];
        for (int x = from; x < to; x++) {
            int fl = arcEdge[x] >= 0 ? f.flow(arcEdge[x]) : 0;
            keys[x - from] = ((long) (Integer.MAX_VALUE - fl) << 32) | (x - from);
        }
        Arrays.sort(keys);
        int size = p.size[hh[i]];
        for (long k : keys) {
            int x = from + (int) (k & 0xffffffffL);
            int j = arcDoc[x];
            if (capRes[j] < size) continue;
            fixedArc[i] = x;
            capRes[j] -= size;
            fixedCost += size * arcCost[x];
            branch();
            fixedCost -= size * arcCost[x];
            capRes[j] += size;
            fixedArc[i] = -1;
            if (aborted) return;
        }
        fixedArc[i] = EXCLUDED;
        branch();
        fixedArc[i] = -1;
    }

    private boolean better(int a, int b) {
        int ha = hh[a], hb = hh[b];
        if (p.priority[ha] != p.priority[hb]) return p.priority[ha] < p.priority[hb];
        if (p.size[ha] != p.size[hb]) return p.size[ha] > p.size[hb];
        return p.rank[ha] < p.rank[hb];
    }
}
