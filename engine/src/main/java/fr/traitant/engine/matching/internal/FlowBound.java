package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Proven upper bounds on the people served per priority class: the linear relaxation of the matching
 * (a household may be split between doctors, in whole people), which is a maximum flow
 * source → class k → household (capacity = size) → doctor → sink (capacity = places).
 *
 * <p>Lexicographic: the bound of class k is the maximum flow of class k when every higher class j &lt; k carries
 * exactly {@code served[j]} people — the people the integer solution serves. Any assignment serving at least
 * {@code served[j]} in each higher class can be cut down to exactly that many (the relaxation may drop single
 * people), so no assignment as good as ours on classes 1..k-1 serves more of class k than the bound: S = B in
 * classes 1..k proves classes 1..k optimal.
 *
 * <p>Every eligible pair counts, not only the households' candidate lists: after each maximum flow, the households
 * still reachable from the source in the residual graph (the source side of the minimum cut) are checked against
 * every eligible doctor within reach; a doctor on the sink side gets its arc added and the flow resumes. When no such
 * arc is left, the cut is a cut of the complete graph, so the flow is the bound of the complete problem (arc
 * generation). Arithmetic is in whole people: no rounding.
 *
 * <p>Maximum flow by Dinic's algorithm on a compressed adjacency, rebuilt when arcs are added.
 */
public final class FlowBound {

    private final MatchState st;
    private final ProblemIndex p;
    /** Households in scope (global indexes) and their local node numbers. */
    private final int[] hh;
    private final int[] doctors;
    private final int[] localDoctor;
    private final int[] doctorCap;
    /** Household → doctor arcs as (local household, local doctor), growable. */
    private int[] arcH, arcD;
    private int arcs;
    private final boolean[] completeRow;
    /** Position in the arc list of each household's assigned pair, -1 when unserved. */
    private final int[] assignedArc;
    /** Arcs added by arc generation, as (household global, doctor global) packed: for {@link #addedPairs}. */
    private long[] added = new long[16];
    private int addedCount;

    // graph: 0 = source, 1 = sink, 2..6 = classes, then households, then doctors
    private int nodes;
    private int[] start, to, rev, cap;
    private int[] classArc;
    private int[] level, iter, queue, pathArc;

    /**
     * @param hh households in scope (a union of components, or all), each at most once
     * @param candidateLimit the limit the candidate rows were built with: a row shorter than it holds every eligible
     *     doctor (no arc generation needed); {@code Integer.MAX_VALUE} when rows were not limited
     */
    public FlowBound(MatchState st, int[] hh, int candidateLimit) {
        this.st = st;
        this.p = st.p;
        this.hh = hh.clone();
        int[] ds = st.doctorsOf(this.hh);
        int nd = p.doctorCount();
        localDoctor = new int[nd];
        Arrays.fill(localDoctor, -1);
        for (int j = 0; j < ds.length; j++) localDoctor[ds[j]] = j;
        doctors = ds;
        doctorCap = st.capacityFor(this.hh, ds);
        long rows = 0;
        for (int h : this.hh) rows += p.slotStart[h + 1] - p.slotStart[h];
        arcH = new int[(int) Math.max(16, rows)];
        arcD = new int[arcH.length];
        completeRow = new boolean[hh.length];
        assignedArc = new int[hh.length];
        for (int i = 0; i < this.hh.length; i++) {
            int h = this.hh[i];
            assignedArc[i] = -1;
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (st.slot[h] == s) assignedArc[i] = arcs;
                if (!st.forbidden[s] || st.slot[h] == s) addArc(i, localDoctor[p.slotDoctor[s]]);
            }
            completeRow[i] = p.slotStart[h + 1] - p.slotStart[h] < candidateLimit;
        }
    }

    private int[] extraDoctors = new int[0];
    private int[] extraCap = new int[0];
    private int extraCount;

    private void addArc(int i, int j) {
        if (arcs == arcH.length) {
            arcH = Arrays.copyOf(arcH, arcs * 2);
            arcD = Arrays.copyOf(arcD, arcs * 2);
        }
        arcH[arcs] = i;
        arcD[arcs++] = j;
    }

    /** Doctors known to the bound: those of the candidate rows, then those found by arc generation. */
    private int doctorTotal() {
        return doctors.length + extraCount;
    }

    private int localOf(int d) {
        int j = localDoctor[d];
        if (j >= 0) return j;
        if (extraCount == extraDoctors.length) {
            extraDoctors = Arrays.copyOf(extraDoctors, Math.max(16, extraCount * 2));
            extraCap = Arrays.copyOf(extraCap, extraDoctors.length);
        }
        extraDoctors[extraCount] = d;
        // a doctor outside every candidate row of the scope: no household of the scope holds a place there
        extraCap[extraCount] = st.remaining[d];
        j = doctors.length + extraCount++;
        localDoctor[d] = j;
        return j;
    }

    private int capOf(int j) {
        return j < doctors.length ? doctorCap[j] : extraCap[j - doctors.length];
    }

    /**
     * Upper bound of each class 1..5 given the people the state's assignment of these households serves in the higher
     * classes (see the class comment); {@code result[k] >= served[k]} always. Each class starts from the state's own
     * assignment as a flow (classes 1..k only), so only the missing people are searched for.
     */
    public long[] bounds() {
        long[] served = served();
        long[] bound = new long[5];
        for (int k = 0; k < 5; k++) bound[k] = boundOf(k, served);
        return bound;
    }

    /** The bound of class k alone (see {@link #bounds()}): one maximum flow instead of five. */
    public long bound(int k) {
        return boundOf(k, served());
    }

    private long[] served() {
        long[] served = new long[5];
        for (int i = 0; i < hh.length; i++) if (st.slot[hh[i]] >= 0) served[p.priority[hh[i]] - 1] += p.size[hh[i]];
        return served;
    }

    private long boundOf(int k, long[] served) {
        buildGraph();
        for (int j = 0; j <= k; j++) {
            cap[classArc[j]] = j < k ? (int) served[j] : Integer.MAX_VALUE / 2;
            push(classArc[j], (int) served[j]);
        }
        for (int i = 0; i < hh.length; i++) {
            int h = hh[i];
            if (st.slot[h] < 0 || p.priority[h] > k + 1) continue;
            int size = p.size[h];
            push(memberArc[i], size);
            push(householdArcIndex[assignedArc[i]], size);
            push(sinkArc[arcD[assignedArc[i]]], size);
        }
        return maxFlowWithArcGeneration(k);
    }

    /** Pairs (household, doctor), packed household &lt;&lt; 32 | doctor, found by arc generation (outside the rows). */
    public long[] addedPairs() {
        return Arrays.copyOf(added, addedCount);
    }

    private long maxFlowWithArcGeneration(int k) {
        while (true) {
            dinic();
            if (!generateArcs()) break;
        }
        return flowOfClass(k);
    }

    /** Flow through class k's arc (what the source sent to it). */
    private long flowOfClass(int k) {
        int a = classArc[k];
        // residual twin holds the flow
        return cap[rev[a]];
    }

    /**
     * After a maximum flow: households on the source side with an eligible doctor (outside their rows) on the sink
     * side get that arc. Returns true when arcs were added (the graph is rebuilt, flows kept).
     */
    private boolean generateArcs() {
        boolean[] sourceSide = reachable();
        int before = arcs;
        int doctorsBefore = doctorTotal();
        int base = 7;
        int nhLocal = hh.length;
        for (int i = 0; i < nhLocal; i++) {
            if (completeRow[i] || !sourceSide[base + i]) continue;
            int h = hh[i];
            long[] within = p.doctorsWithin(h, p.maxCm[h]);
            for (long packed : within) {
                int d = (int) packed;
                if (!p.eligiblePair(h, d)) continue;
                int s = p.slotOf(h, d);
                if (s >= 0) continue; // already an arc (or forbidden)
                int j = localDoctor[d];
                if (j >= 0 && j < doctorsBefore && sourceSide[base + nhLocal + j]) continue;
                addArc(i, localOf(d));
                if (addedCount == added.length) added = Arrays.copyOf(added, addedCount * 2);
                added[addedCount++] = ((long) h << 32) | d;
            }
            // every eligible pair of this household is now an arc: no need to look again
            completeRow[i] = true;
        }
        if (arcs == before) return false;
        rebuildKeepingFlows();
        return true;
    }

    private boolean[] reachable() {
        boolean[] seen = new boolean[nodes];
        int head = 0, tail = 0;
        queue[tail++] = 0;
        seen[0] = true;
        while (head < tail) {
            int u = queue[head++];
            for (int e = start[u]; e < start[u + 1]; e++) {
                if (cap[e] > 0 && !seen[to[e]]) {
                    seen[to[e]] = true;
                    queue[tail++] = to[e];
                }
            }
        }
        return seen;
    }

    // ---- graph ------------------------------------------------------------------------------------------------


    /** Rebuilds the adjacency with the new arcs, keeping the flow on every old arc. */
    private void rebuildKeepingFlows() {
        // flow of household arcs in arc order, flows of class arcs
        int oldArcs = householdArcIndex.length;
        int[] flowH = new int[oldArcs];
        for (int a = 0; a < oldArcs; a++) flowH[a] = cap[rev[householdArcIndex[a]]];
        int[] classFlow = new int[5];
        int[] classCap = new int[5];
        for (int k = 0; k < 5; k++) {
            classFlow[k] = cap[rev[classArc[k]]];
            classCap[k] = cap[classArc[k]] + classFlow[k];
        }
        int[] memberFlow = new int[hh.length];
        for (int i = 0; i < hh.length; i++) memberFlow[i] = cap[rev[memberArc[i]]];
        int[] sinkFlow = new int[doctorTotal()];
        for (int j = 0; j < sinkFlow.length; j++) sinkFlow[j] = j < sinkArc.length ? cap[rev[sinkArc[j]]] : 0;
        buildGraph();
        for (int k = 0; k < 5; k++) {
            cap[classArc[k]] = classCap[k] - classFlow[k];
            cap[rev[classArc[k]]] = classFlow[k];
        }
        for (int i = 0; i < hh.length; i++) push(memberArc[i], memberFlow[i]);
        for (int a = 0; a < oldArcs; a++) push(householdArcIndex[a], flowH[a]);
        for (int j = 0; j < sinkFlow.length; j++) push(sinkArc[j], sinkFlow[j]);
    }

    private void push(int e, int f) {
        cap[e] -= f;
        cap[rev[e]] += f;
    }

    private int[] householdArcIndex, memberArc, sinkArc;

    private void buildGraph() {
        int nhLocal = hh.length, ndLocal = doctorTotal();
        nodes = 7 + nhLocal + ndLocal;
        int m = 5 + nhLocal + arcs + ndLocal;
        int[] from = new int[m], dest = new int[m], c = new int[m];
        int e = 0;
        for (int k = 0; k < 5; k++) {
            from[e] = 0;
            dest[e] = 2 + k;
            c[e++] = 0;
        }
        for (int i = 0; i < nhLocal; i++) {
            from[e] = 2 + p.priority[hh[i]] - 1;
            dest[e] = 7 + i;
            c[e++] = p.size[hh[i]];
        }
        for (int a = 0; a < arcs; a++) {
            from[e] = 7 + arcH[a];
            dest[e] = 7 + nhLocal + arcD[a];
            c[e++] = p.size[hh[arcH[a]]];
        }
        for (int j = 0; j < ndLocal; j++) {
            from[e] = 7 + nhLocal + j;
            dest[e] = 1;
            c[e++] = capOf(j);
        }
        // compressed adjacency: each arc and its twin
        int[] degree = new int[nodes + 1];
        for (int i = 0; i < m; i++) {
            degree[from[i] + 1]++;
            degree[dest[i] + 1]++;
        }
        for (int u = 0; u < nodes; u++) degree[u + 1] += degree[u];
        start = degree;
        int[] fill = Arrays.copyOf(start, nodes);
        to = new int[2 * m];
        rev = new int[2 * m];
        cap = new int[2 * m];
        int[] index = new int[m];
        for (int i = 0; i < m; i++) {
            int x = fill[from[i]]++, y = fill[dest[i]]++;
            to[x] = dest[i];
            cap[x] = c[i];
            to[y] = from[i];
            cap[y] = 0;
            rev[x] = y;
            rev[y] = x;
            index[i] = x;
        }
        classArc = Arrays.copyOfRange(index, 0, 5);
        memberArc = Arrays.copyOfRange(index, 5, 5 + nhLocal);
        householdArcIndex = Arrays.copyOfRange(index, 5 + nhLocal, 5 + nhLocal + arcs);
        sinkArc = Arrays.copyOfRange(index, 5 + nhLocal + arcs, m);
        level = new int[nodes];
        iter = new int[nodes];
        queue = new int[nodes];
        pathArc = new int[nodes];
    }

    // ---- Dinic ------------------------------------------------------------------------------------------------

    private void dinic() {
        while (bfs()) {
            System.arraycopy(start, 0, iter, 0, nodes);
            while (augment() > 0) {
                // blocking flow found path by path
            }
        }
    }

    private boolean bfs() {
        Arrays.fill(level, -1);
        int head = 0, tail = 0;
        queue[tail++] = 0;
        level[0] = 0;
        while (head < tail) {
            int u = queue[head++];
            // nodes at the sink's level or beyond cannot be on a shortest augmenting path
            if (level[1] >= 0 && level[u] >= level[1]) break;
            for (int e = start[u]; e < start[u + 1]; e++) {
                if (cap[e] > 0 && level[to[e]] < 0) {
                    level[to[e]] = level[u] + 1;
                    queue[tail++] = to[e];
                }
            }
        }
        return level[1] >= 0;
    }

    /** One augmenting path in the level graph (iterative depth-first search); its flow, 0 when none is left. */
    private int augment() {
        int[] pathArc = this.pathArc;
        int sinkLevel = level[1];
        int depth = 0;
        int u = 0;
        while (true) {
            if (u == 1) {
                int f = Integer.MAX_VALUE;
                for (int i = 0; i < depth; i++) f = Math.min(f, cap[pathArc[i]]);
                for (int i = 0; i < depth; i++) push(pathArc[i], f);
                return f;
            }
            boolean advanced = false;
            for (; iter[u] < start[u + 1]; iter[u]++) {
                int e = iter[u];
                int v = to[e];
                if (cap[e] > 0 && level[v] == level[u] + 1 && (v == 1 || level[v] < sinkLevel)) {
                    pathArc[depth++] = e;
                    u = v;
                    advanced = true;
                    break;
                }
            }
            if (advanced) continue;
            // dead end: u leaves the level graph; retreat
            level[u] = -1;
            if (depth == 0) return 0;
            int e = pathArc[--depth];
            u = to[rev[e]];
            iter[u]++;
        }
    }
}
