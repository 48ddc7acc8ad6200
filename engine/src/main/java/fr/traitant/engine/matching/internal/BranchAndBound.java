package fr.traitant.engine.matching.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Branch-and-bound over the min-cost-flow relaxation. */
final class BranchAndBound {
    private static final int EXCLUDED = -2;
    private final ExactSolver.Problem pr;
    final int[] bestArc;
    private long incumbent;
    private final int[] fixedArc;
    private final int[] capRes;
    private long fixedCost;
    boolean aborted;
    long work;
    private final long budget;

    BranchAndBound(ExactSolver.Problem pr, int[] start, long budget) {
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
