package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Local search on person-minutes by chains and cycles of moves of households of one size (ADR 0082). For a size z, a
 * graph over the doctors: an arc a → b for every household of size z at a that b may serve, costing z × (its trip to b
 * − its trip to a), and a node per class (the class's unserved households of size z: served household → class node
 * costs −z × its trip; class node → b costs z × the unserved household's trip to b). A path a0 → … → ak moves one
 * household along each arc: every doctor passed keeps its people, a0 loses z, ak must have z places; a cycle changes
 * no doctor's people; through a class node, a household of the class leaves and another of the same size is served
 * in its place. So the people per class never change, and a path or cycle of negative cost lowers person-minutes.
 *
 * <p>Found by label correction in rounds of depth (every doctor starts at 0, only negative labels are kept: a path
 * whose prefix costs something is beaten by its suffix, and a negative cycle has a rotation whose every prefix is
 * negative), {@link #DEPTH} moves at most. The candidates, most negative first, are read back through the parents,
 * checked against the current places (every doctor on them distinct and untouched in the sweep, every household still
 * where the label saw it, the cost recomputed) and applied; sweeps repeat until one applies nothing. Relocations and
 * swaps of two households of the same size are the paths and cycles of one and two moves, so {@link
 * HeuristicSolver#polish} (which also swaps households of different sizes) and this search alternate.
 */
final class MinutesCycles {

    /** Moves per chain or cycle at most. */
    static final int DEPTH = 16;
    /** Sweeps per size at most. */
    static final int SWEEPS = 200;

    private final MatchState st;
    private final ProblemIndex p;
    private final boolean[] inScope;
    private final int nd;
    /** Labels of doctors 0..nd-1 and of the class nodes nd..nd+4. */
    private final long[] dist;
    /** The household whose move set the label, and the slot it moves to (-1: it leaves for its class node). */
    private final int[] parentH, parentS;

    private final boolean[] active, nextActive;
    private final int[] touched;
    /** The walk read back by {@link #applyFrom}: nodes, the household entering each, the slot it enters by. */
    private final int[] walkNodes = new int[DEPTH + 2], walkMoves = new int[DEPTH + 2], walkSlots = new int[DEPTH + 2];

    private int stamp;

    private MinutesCycles(MatchState st, int[] hh) {
        this.st = st;
        this.p = st.p;
        nd = p.doctorCount();
        inScope = new boolean[p.householdCount()];
        for (int h : hh) inScope[h] = true;
        dist = new long[nd + 5];
        parentH = new int[nd + 5];
        parentS = new int[nd + 5];
        active = new boolean[nd + 5];
        nextActive = new boolean[nd + 5];
        touched = new int[nd + 5];
    }

    /**
     * Lowers the person-minutes of the households {@code hh} (a union of components) without changing the people per
     * class. Returns the person-centiminutes saved.
     */
    static long improve(MatchState st, int[] hh) {
        if (hh.length == 0) return 0;
        MinutesCycles c = new MinutesCycles(st, hh);
        long before = st.objective()[5];
        int[][][] unserved = c.unservedBySizeAndClass(hh);
        for (int z = 1; z < unserved.length; z++) {
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                if (c.sweep(z, unserved[z]) == 0) break;
            }
        }
        return before - st.objective()[5];
    }

    private static int maxSize(ProblemIndex p, int[] hh) {
        int m = 0;
        for (int h : hh) m = Math.max(m, p.size[h]);
        return m;
    }

    /** Per size and class (0-based): the unserved households of the scope, in rank order. */
    private int[][][] unservedBySizeAndClass(int[] hh) {
        int max = maxSize(p, hh);
        HeuristicSolver.IntList[][] lists = new HeuristicSolver.IntList[max + 1][5];
        for (HeuristicSolver.IntList[] row : lists) for (int k = 0; k < 5; k++) row[k] = new HeuristicSolver.IntList();
        for (int r = 0; r < p.order.length; r++) {
            int h = p.order[r];
            if (inScope[h] && st.slot[h] < 0) lists[p.size[h]][p.priority[h] - 1].add(h);
        }
        int[][][] out = new int[max + 1][5][];
        for (int z = 0; z <= max; z++)
            for (int k = 0; k < 5; k++) out[z][k] = Arrays.copyOf(lists[z][k].a, lists[z][k].n);
        return out;
    }

    /** One round of labels for size z, then the improving chains and cycles applied. Returns how many. */
    private int sweep(int z, int[][] unserved) {
        Arrays.fill(dist, 0, nd, 0L);
        Arrays.fill(dist, nd, nd + 5, Long.MAX_VALUE);
        Arrays.fill(parentH, -1);
        Arrays.fill(parentS, -1);
        Arrays.fill(active, 0, nd, true);
        Arrays.fill(active, nd, nd + 5, false);
        boolean any = true;
        for (int depth = 0; depth < DEPTH && any; depth++) {
            any = false;
            Arrays.fill(nextActive, false);
            for (int a = 0; a < nd + 5; a++) {
                if (!active[a]) continue;
                if (a < nd) any |= fromDoctor(a, z);
                else any |= fromClass(a, unserved[a - nd]);
            }
            System.arraycopy(nextActive, 0, active, 0, nd + 5);
        }
        // candidates: nodes with a negative label reached by a move, most negative first
        HeuristicSolver.IntList reached = new HeuristicSolver.IntList();
        for (int b = 0; b < nd + 5; b++) if (parentH[b] >= 0 && dist[b] < 0) reached.add(b);
        Integer[] order = new Integer[reached.n];
        for (int i = 0; i < reached.n; i++) order[i] = reached.a[i];
        Arrays.sort(order, (x, y) -> dist[x] != dist[y] ? Long.compare(dist[x], dist[y]) : Integer.compare(x, y));
        stamp++;
        int applied = 0;
        for (int b : order) if (applyFrom(b, z)) applied++;
        return applied;
    }

    private boolean fromDoctor(int a, int z) {
        boolean changed = false;
        long da = dist[a];
        int mc = st.memberCount(a);
        for (int i = 0; i < mc; i++) {
            int h = st.member(a, i);
            if (p.size[h] != z || !inScope[h]) continue;
            int sa = st.slot[h];
            if (sa < 0) continue;
            long leave = da - (long) z * p.slotCm[sa];
            changed |= relax(nd + p.priority[h] - 1, leave, h, -1);
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (s == sa || st.forbidden[s]) continue;
                changed |= relax(p.slotDoctor[s], leave + (long) z * p.slotCm[s], h, s);
            }
        }
        return changed;
    }

    private boolean fromClass(int c, int[] unservedOfClass) {
        boolean changed = false;
        long dc = dist[c];
        for (int h : unservedOfClass) {
            if (st.slot[h] >= 0) continue;
            int z = p.size[h];
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (st.forbidden[s]) continue;
                changed |= relax(p.slotDoctor[s], dc + (long) z * p.slotCm[s], h, s);
            }
        }
        return changed;
    }

    private boolean relax(int b, long value, int h, int s) {
        if (value >= 0 || value >= dist[b]) return false;
        dist[b] = value;
        parentH[b] = h;
        parentS[b] = s;
        nextActive[b] = true;
        return true;
    }

    /**
     * Reads the chain or cycle ending at node b through the parents and applies it when it still holds and costs less
     * than nothing. A chain must end at a doctor with z places; a cycle may close anywhere along the walk.
     */
    private boolean applyFrom(int b, int z) {
        int[] nodes = walkNodes, moves = walkMoves, slots = walkSlots;
        int n = 0;
        int cur = b;
        int cycleAt = -1;
        while (n <= DEPTH) {
            int h = parentH[cur];
            if (h < 0) break; // an origin: the chain starts here
            for (int i = 0; i < n; i++) if (nodes[i] == cur) cycleAt = i;
            if (cycleAt >= 0) break;
            nodes[n] = cur;
            moves[n] = h;
            slots[n++] = parentS[cur];
            cur = st.slot[h] >= 0 ? p.slotDoctor[st.slot[h]] : nd + p.priority[h] - 1;
        }
        if (cycleAt < 0) {
            if (parentH[cur] >= 0) return false; // longer than the depth
            if (b >= nd || st.remaining[b] < z) return false; // a chain ends at a doctor with room
            // the origin: loses a household, nothing needed
            if (cur < nd && touched[cur] == stamp) return false;
            if (cur >= nd) return false; // a chain cannot start at a class node (it would seat one more)
        } else {
            // the cycle is nodes[cycleAt..n-1]
            int[] cn = Arrays.copyOfRange(nodes, cycleAt, n);
            int[] cm = Arrays.copyOfRange(moves, cycleAt, n);
            int[] cs = Arrays.copyOfRange(slots, cycleAt, n);
            n = cn.length;
            nodes = cn;
            moves = cm;
            slots = cs;
        }
        // every doctor on the walk distinct and untouched this sweep, every household where the label saw it
        long cost = 0;
        for (int i = 0; i < n; i++) {
            int node = nodes[i];
            if (node < nd && touched[node] == stamp) return false;
            int h = moves[i];
            if (p.size[h] != z) return false;
            for (int j = 0; j < i; j++) if (moves[j] == h) return false;
            int from = st.slot[h];
            int s = slots[i];
            if (s >= 0 && p.slotDoctor[s] != node) return false;
            if (s < 0 && node != nd + p.priority[h] - 1) return false;
            cost += (long) z * ((s >= 0 ? p.slotCm[s] : 0) - (from >= 0 ? p.slotCm[from] : 0));
        }
        if (cost >= 0) return false;
        for (int i = 0; i < n; i++) st.unassign(moves[i]);
        for (int i = 0; i < n; i++) if (slots[i] >= 0) st.assign(moves[i], slots[i]);
        for (int i = 0; i < n; i++) if (nodes[i] < nd) touched[nodes[i]] = stamp;
        if (cycleAt < 0 && cur < nd) touched[cur] = stamp;
        return true;
    }
}
