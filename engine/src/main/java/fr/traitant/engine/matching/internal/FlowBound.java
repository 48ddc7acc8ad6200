package fr.traitant.engine.matching.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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
 * <p>Maximum preflow by push-relabel ({@link PushRelabel}) on a compressed adjacency: arcs known when a class starts in
 * base runs (built once), arcs from arc generation in added runs laid out again after each round (ADR 0080).
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
    private int[] start = new int[0], addedStart = new int[0], to = new int[0], rev = new int[0], cap = new int[0];
    private int[] classArc = new int[0];
    private @Nullable PushRelabel preflow;
    private int[] excess = new int[0];

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
        if (origCap.length == 0 || householdArcIndex.length != arcs || sinkArc.length != doctorTotal()) buildGraph();
        else System.arraycopy(origCap, 0, cap, 0, cap.length);
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
        long before = sinkFlow();
        // every class-k person not yet served enters as excess at the class node: the preflow's source
        int unserved = 0;
        for (int i = 0; i < hh.length; i++) if (p.priority[hh[i]] == k + 1) unserved += cap[memberArc[i]];
        push(classArc[k], unserved);
        excess = new int[nodes];
        excess[2 + k] = unserved;
        maxPreflowWithArcGeneration();
        return served[k] + sinkFlow() - before;
    }

    /** People arriving at the sink (served, in the relaxation). */
    private long sinkFlow() {
        long f = 0;
        for (int a : sinkArc) f += cap[rev[a]];
        return f;
    }

    /** Pairs (household, doctor), packed household &lt;&lt; 32 | doctor, found by arc generation (outside the rows). */
    public long[] addedPairs() {
        return Arrays.copyOf(added, addedCount);
    }

    private void maxPreflowWithArcGeneration() {
        while (true) {
            java.util.Objects.requireNonNull(preflow).maxPreflow(excess);
            if (!generateArcs()) break;
        }
    }

    /**
     * After a maximum flow: households on the source side with an eligible doctor (outside their rows) on the sink
     * side get that arc. Returns true when arcs were added (in the added runs, flows kept). A household is examined
     * once; an eligible doctor then on the source side too is not a cut arc and gets none. Such a doctor may leave the
     * source side later, so when a round adds nothing, the pairs from the households that skipped a doctor (and are on
     * the source side) to the doctors that were on the source side at an examination and are now on the sink side are
     * added too — the last round proves that no eligible pair outside the graph crosses the final cut.
     */
    private boolean generateArcs() {
        boolean[] sourceSide = java.util.Objects.requireNonNull(preflow).sourceSide(excess);
        if (skippedDoctor.length == 0) { // first use (empty until then)
            skippedDoctor = new boolean[hh.length];
            everSource = new boolean[doctorTotal()];
        }
        int before = arcs;
        examine(sourceSide);
        if (arcs == before) recheck(sourceSide);
        if (arcs == before) return false;
        layOutAddedArcs();
        return true;
    }

    /** Local doctors that were on the source side when households were examined. */
    private boolean[] everSource = new boolean[0];

    private void recheck(boolean[] sourceSide) {
        int base = 7, nhLocal = hh.length;
        HeuristicSolver.IntList left = new HeuristicSolver.IntList();
        for (int j = 0; j < everSource.length; j++)
            if (everSource[j] && !sourceSide[base + nhLocal + j]) left.add(globalOf(j));
        if (left.n == 0) return;
        HeuristicSolver.IntList again = new HeuristicSolver.IntList();
        int[] localOfHousehold = new int[p.householdCount()];
        for (int i = 0; i < nhLocal; i++) {
            if (skippedDoctor[i] && sourceSide[base + i]) {
                again.add(hh[i]);
                localOfHousehold[hh[i]] = i;
            }
        }
        if (again.n == 0) return;
        ProblemIndex.Pairs pairs = p.pairsTo(Arrays.copyOf(again.a, again.n), Arrays.copyOf(left.a, left.n));
        int current = -1;
        int[] known = new int[0];
        for (int x = 0; x < pairs.household().length; x++) {
            int h = pairs.household()[x];
            int i = localOfHousehold[h];
            if (h != current) known = knownDoctors(i, h); // its row and generated arcs (pairsTo leaves the row out)
            current = h;
            int d = (int) pairs.packed()[x];
            if (Arrays.binarySearch(known, d) < 0) generated(i, h, d);
        }
    }

    /** Households examined while an eligible doctor outside their graph arcs was on the source side. */
    private boolean[] skippedDoctor = new boolean[0];

    private void examine(boolean[] sourceSide) {
        int doctorsBefore = doctorTotal();
        int base = 7;
        int nhLocal = hh.length;
        int[] todo = java.util.stream.IntStream.range(0, nhLocal)
                .filter(i -> sourceSide[base + i] && !completeRow[i])
                .toArray();
        if (todo.length > 0) firstGenerated(todo[0]); // allocated here, before the threads read it
        boolean[] skips = new boolean[todo.length];
        int[][] found = ReachSearch.newDoctors(
                p,
                Arrays.stream(todo).map(i -> hh[i]).toArray(),
                x -> knownDoctors(todo[x], hh[todo[x]]),
                d -> localDoctor[d] >= 0
                        && localDoctor[d] < doctorsBefore
                        && sourceSide[base + nhLocal + localDoctor[d]],
                skips);
        for (int x = 0; x < todo.length; x++) {
            int i = todo[x];
            for (int d : found[x]) generated(i, hh[i], d);
            completeRow[i] = true;
            if (skips[x]) skippedDoctor[i] = true;
        }
        if (everSource.length < doctorsBefore) everSource = Arrays.copyOf(everSource, doctorTotal());
        for (int j = 0; j < doctorsBefore; j++) if (sourceSide[base + nhLocal + j]) everSource[j] = true;
    }

    /** The doctors of household i (global h)'s row and of the arcs generated for it, sorted. */
    private int[] knownDoctors(int i, int h) {
        int n = p.slotStart[h + 1] - p.slotStart[h];
        for (int a = firstGenerated[i]; a >= 0; a = nextGenerated[a]) n++;
        int[] known = new int[n];
        int x = 0;
        for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) known[x++] = p.slotDoctor[s];
        for (int a = firstGenerated[i]; a >= 0; a = nextGenerated[a]) known[x++] = globalOf(arcD[a]);
        Arrays.sort(known);
        return known;
    }

    /** Adds the arc of the pair (local household i = global h, global doctor d), found by arc generation. */
    private void generated(int i, int h, int d) {
        addArc(i, localOf(d));
        if (nextGenerated.length < arcH.length) nextGenerated = Arrays.copyOf(nextGenerated, arcH.length);
        nextGenerated[arcs - 1] = firstGenerated[i];
        firstGenerated[i] = arcs - 1;
        if (addedCount == added.length) added = Arrays.copyOf(added, addedCount * 2);
        added[addedCount++] = ((long) h << 32) | d;
    }

    /** Arcs added by arc generation, per household: a linked list through the arc numbers (-1 ends it). */
    private int[] firstGenerated = new int[0], nextGenerated = new int[0];

    private int firstGenerated(int i) {
        if (firstGenerated.length == 0) { // first use (empty until then)
            firstGenerated = new int[hh.length];
            Arrays.fill(firstGenerated, -1);
        }
        return firstGenerated[i];
    }

    private int globalOf(int j) {
        return j < doctors.length ? doctors[j] : extraDoctors[j - doctors.length];
    }

    // ---- graph ------------------------------------------------------------------------------------------------

    /**
     * Lays out the added runs again (see {@link PushRelabel}) with the new arcs: household arcs from {@link #builtArcs}
     * on, sink arcs from doctor {@link #builtDoctors} on; every flow kept, the base runs untouched.
     */
    private void layOutAddedArcs() {
        int nhLocal = hh.length, ndLocal = doctorTotal();
        int oldArcs = householdArcIndex.length, oldDoctors = sinkArc.length;
        int[] flowH = new int[arcs - builtArcs];
        for (int a = builtArcs; a < oldArcs; a++) flowH[a - builtArcs] = cap[rev[householdArcIndex[a]]];
        int[] flowS = new int[ndLocal - builtDoctors];
        for (int j = builtDoctors; j < oldDoctors; j++) flowS[j - builtDoctors] = cap[rev[sinkArc[j]]];
        int oldNodes = nodes;
        nodes = 7 + nhLocal + ndLocal;
        int base = start[oldNodes];
        if (start.length < nodes + 1) {
            int from = start.length;
            start = Arrays.copyOf(start, nodes + 1);
            Arrays.fill(start, from, nodes + 1, base); // doctors found by arc generation: no base run
        }
        int[] degree = new int[nodes + 1];
        countArcs(degree, builtArcs, builtDoctors);
        degree[0] = base;
        for (int u = 0; u < nodes; u++) degree[u + 1] += degree[u];
        addedStart = degree;
        if (to.length < addedStart[nodes]) {
            int length = addedStart[nodes] + addedStart[nodes] / 8;
            to = Arrays.copyOf(to, length);
            rev = Arrays.copyOf(rev, length);
            cap = Arrays.copyOf(cap, length);
            origCap = Arrays.copyOf(origCap, length);
        }
        fillAt = Arrays.copyOf(addedStart, nodes);
        householdArcIndex = Arrays.copyOf(householdArcIndex, arcs);
        for (int a = builtArcs; a < arcs; a++)
            householdArcIndex[a] =
                    linkAdded(7 + arcH[a], 7 + nhLocal + arcD[a], p.size[hh[arcH[a]]], flowH[a - builtArcs]);
        sinkArc = Arrays.copyOf(sinkArc, ndLocal);
        for (int j = builtDoctors; j < ndLocal; j++)
            sinkArc[j] = linkAdded(7 + nhLocal + j, 1, capOf(j), flowS[j - builtDoctors]);
        fillAt = null;
        excess = Arrays.copyOf(excess, nodes); // a new doctor holds no excess
        PushRelabel before = java.util.Objects.requireNonNull(preflow);
        preflow = new PushRelabel(nodes, start, addedStart, to, rev, cap);
        preflow.warmStart(before.labels(), oldNodes);
    }

    /** Counts in {@code degree[u + 1]} the household arcs from {@code a0} on, sink arcs from doctor {@code j0} on. */
    private void countArcs(int[] degree, int a0, int j0) {
        int doctorBase = 7 + hh.length;
        for (int a = a0; a < arcs; a++) {
            degree[7 + arcH[a] + 1]++;
            degree[doctorBase + arcD[a] + 1]++;
        }
        for (int j = j0; j < doctorTotal(); j++) {
            degree[doctorBase + j + 1]++;
            degree[1 + 1]++;
        }
    }

    /** Links an arc of an added run: its capacity kept as laid out, its flow pushed again. */
    private int linkAdded(int from, int dest, int c, int flow) {
        int x = link(from, dest, c);
        origCap[x] = c;
        origCap[rev[x]] = 0;
        push(x, flow);
        return x;
    }

    private void push(int e, int f) {
        cap[e] -= f;
        cap[rev[e]] += f;
    }

    private int[] householdArcIndex = new int[0], memberArc = new int[0], sinkArc = new int[0];
    private int @Nullable [] fillAt;

    /** Adds the arc from → dest of capacity c and its twin; returns the arc's position. */
    private int link(int from, int dest, int c) {
        int[] fill = java.util.Objects.requireNonNull(fillAt, "link() is called while the graph is built");
        int x = fill[from]++, y = fill[dest]++;
        to[x] = dest;
        cap[x] = c;
        to[y] = from;
        cap[y] = 0; // an added run's slot may hold an older arc
        rev[x] = y;
        rev[y] = x;
        return x;
    }

    /** Capacities as laid out (no flow), to start each class again; the household arcs and doctors in base runs. */
    private int[] origCap = new int[0];

    private int builtArcs, builtDoctors;

    private void buildGraph() {
        int nhLocal = hh.length, ndLocal = doctorTotal();
        nodes = 7 + nhLocal + ndLocal;
        int m = 5 + nhLocal + arcs + ndLocal;
        // compressed adjacency, each arc beside its twin, filled in the order class, member, household, sink arcs
        int[] degree = new int[nodes + 1];
        for (int k = 0; k < 5; k++) {
            degree[1]++;
            degree[2 + k + 1]++;
        }
        for (int i = 0; i < nhLocal; i++) {
            degree[2 + p.priority[hh[i]] - 1 + 1]++;
            degree[7 + i + 1]++;
        }
        countArcs(degree, 0, 0);
        for (int u = 0; u < nodes; u++) degree[u + 1] += degree[u];
        start = degree;
        fillAt = Arrays.copyOf(start, nodes);
        // room for the added runs: a sixteenth more (the national class-5 bound adds 4 % of the arcs), so that arc
        // generation does not copy the four arrays of the base (about 400 MB there)
        int length = 2 * m + Math.max(1024, 2 * m / 16);
        to = new int[length];
        rev = new int[length];
        cap = new int[length];
        classArc = new int[5];
        for (int k = 0; k < 5; k++) classArc[k] = link(0, 2 + k, 0);
        memberArc = new int[nhLocal];
        for (int i = 0; i < nhLocal; i++) memberArc[i] = link(2 + p.priority[hh[i]] - 1, 7 + i, p.size[hh[i]]);
        householdArcIndex = new int[arcs];
        for (int a = 0; a < arcs; a++)
            householdArcIndex[a] = link(7 + arcH[a], 7 + nhLocal + arcD[a], p.size[hh[arcH[a]]]);
        sinkArc = new int[ndLocal];
        for (int j = 0; j < ndLocal; j++) sinkArc[j] = link(7 + nhLocal + j, 1, capOf(j));
        fillAt = null;
        origCap = cap.clone();
        builtArcs = arcs;
        builtDoctors = ndLocal;
        addedStart = new int[nodes + 1];
        Arrays.fill(addedStart, start[nodes]); // no added run yet
        preflow = new PushRelabel(nodes, start, addedStart, to, rev, cap);
    }
}
