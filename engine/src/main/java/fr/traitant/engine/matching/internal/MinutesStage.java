package fr.traitant.engine.matching.internal;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Person-minutes of one component, the people per class fixed at their proven optimum, minimised and proven by the
 * linear relaxation and reduced-cost fixing.
 *
 * <ol>
 *   <li><b>Bound.</b> With households splittable (in whole people), the problem is a minimum-cost flow: class k (supply
 *       exactly S_k, the people the solution serves) → household (capacity = size) → doctor (cost = trip in
 *       centiminutes per person) → sink (capacity = places). Solved by OR-Tools' cost-scaling {@code MinCostFlow};
 *       its optimum L bounds the person-minutes of every assignment serving S_k people of each class.</li>
 *   <li><b>Every eligible pair counts.</b> Node potentials are the shortest distances in the optimal flow's residual
 *       graph (Bellman–Ford with a queue: no negative cycle at the optimum). A pair outside the rows with a negative
 *       reduced cost {@code trip + π(household) − π(doctor)} is added and the flow solved again (column generation);
 *       when none is left, L is the relaxation's optimum over every eligible pair.</li>
 *   <li><b>Reduced-cost fixing.</b> For any flow f with the same supplies, {@code cost(f) = L + Σ rc_a (f_a − f*_a)}
 *       with every term non-negative; serving household h by doctor d therefore costs at least
 *       {@code L + size_h · rc_hd}. With the incumbent's value U, a pair with {@code size_h · rc_hd > U − L} is in no
 *       assignment as good as the incumbent, hence in no optimum: it is left out.</li>
 *   <li><b>Integer programme</b> (SCIP, zero gap, node limit) over the pairs left, people per class as equalities,
 *       warm-started from the incumbent. Its optimum is the component's minimum person-minutes.</li>
 * </ol>
 */
final class MinutesStage {

    /**
     * @param proven the person-minutes are proven minimal
     * @param bound the relaxation's optimum L (centiminutes)
     * @param before the incumbent's person-centiminutes
     * @param after the person-centiminutes of the solution returned
     * @param face when the optimum equals the bound, the face every optimum lies on; else null
     */
    record Outcome(boolean proven, long bound, long before, long after, TieBreakStage.@Nullable Face face) {}

    /** Rounds of column generation before the stage gives up proving (each solves the flow again). */
    static final int PRICING_ROUNDS = 30;

    final MatchState st;
    final ProblemIndex p;
    final int[] hh;
    final long[] people;
    /** Pair arcs: local household, global doctor, cost (cm incl. preference), slot (-1 outside the rows). */
    int[] arcH = new int[16], arcD = new int[16], arcCost = new int[16], arcSlot = new int[16];

    int arcs;
    /** Local doctor number of each global doctor (-1: not in the flow), and per local doctor its places. */
    final int[] localDoctor;

    int[] places = new int[16];
    int doctors;
    /** After {@link #solveFlow}: flow per arc (classes, pairs, doctors) and potentials per node. */
    private long[] pairFlow = new long[0];

    private long[] dist = new long[0];
    private long lpCost;

    private MinutesStage(MatchState st, int[] hh) {
        this.st = st;
        this.p = st.p;
        this.hh = hh;
        long[] served = StagedSolver.served(st, hh);
        this.people = Arrays.copyOf(served, 5);
        localDoctor = new int[p.doctorCount()];
        Arrays.fill(localDoctor, -1);
        int[] ds = st.doctorsOf(hh);
        int[] cap = st.capacityFor(hh, ds);
        for (int j = 0; j < ds.length; j++) addDoctor(ds[j], cap[j]);
        for (int i = 0; i < hh.length; i++) {
            int h = hh[i];
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (!st.forbidden[s]) addArc(i, p.slotDoctor[s], p.slotCm[s], s);
            }
        }
    }

    /**
     * Minimises the component's person-minutes with its people per class fixed (they must be proven optimal), in
     * place: the relaxation's bound first, then its rounding, then — for components of at most
     * {@link #PROOF_HOUSEHOLDS} households and {@link #PROOF_PAIRS} pairs — integer programmes over the pairs within
     * a growing threshold of reduced cost. Null when OR-Tools' flow is not available.
     *
     * @param rowsComplete every household's row holds all its eligible doctors (no column generation needed)
     * @param nodes SCIP node limit per integer programme
     */
    static @Nullable Outcome solve(
            MatchState st, int[] hh, boolean rowsComplete, long nodes, int chainNodes, int chainWork) {
        return solve(
                st,
                hh,
                rowsComplete,
                nodes,
                chainNodes,
                chainWork,
                RelaxationNeighbourhood.ONE_PROGRAMME,
                RelaxationNeighbourhood.WINDOW);
    }

    /** As above, with the neighbourhood's limits given (one programme up to {@code rinsHouseholds} free households). */
    static @Nullable Outcome solve(
            MatchState st,
            int[] hh,
            boolean rowsComplete,
            long nodes,
            int chainNodes,
            int chainWork,
            int rinsHouseholds,
            int rinsWindow) {
        if (!fr.traitant.engine.OrTools.available()) return null;
        MinutesStage m = new MinutesStage(st, hh);
        long before = StagedSolver.served(st, hh)[5];
        int rowArcs = m.arcs;
        boolean complete = true; // every eligible pair priced
        for (int round = 0; ; round++) {
            if (!m.solveFlow()) return null;
            if (rowsComplete) break;
            if (round == PRICING_ROUNDS) {
                complete = false;
                break;
            }
            if (m.price() == 0) break;
        }
        m.readFlow();
        FlowRounding.round(st, hh, m.people, m.whole, m.part, chainNodes, chainWork);
        RelaxationNeighbourhood.run(m, nodes, rinsHouseholds, rinsWindow);
        boolean provable = hh.length <= PROOF_HOUSEHOLDS && rowArcs <= PROOF_PAIRS;
        // no integer programme follows on larger components: chains and cycles of moves of one size lower the minutes
        // (ADR 0082; where the programmes run they find the optimum themselves)
        if (!provable) MinutesCycles.improve(st, hh);
        long value = StagedSolver.served(st, hh)[5];
        if (value < m.lpCost)
            throw new IllegalStateException("relaxation above a feasible solution: " + m.lpCost + " > " + value);
        if (value == m.lpCost) return new Outcome(complete, m.lpCost, before, value, complete ? m.face() : null);
        if (!provable) return new Outcome(false, m.lpCost, before, value, null);
        // programmes over the pairs within tau of reduced cost (and the incumbent's): an optimum within tau of the
        // bound is the optimum. tau is 0 (the relaxation's support), then TAU_START, then the gap, each from the last
        int[] incumbent = st.slotsOf(hh);
        long tau = 0;
        boolean proven = false;
        while (true) {
            boolean[] keep = m.fixByReducedCost(tau, incumbent);
            MinutesProgramme.Mip mip = m.integerProgramme(keep, incumbent, nodes, null);
            if (mip == null) return new Outcome(false, m.lpCost, before, value, null);
            long v = TieBreakStage.checkedValue(st.p, hh, d -> m.localDoctor[d], m.places, mip.slots(), m.people);
            if (v >= 0 && v < value) {
                incumbent = mip.slots();
                value = v;
            }
            if (!mip.proven()) break;
            if (value - m.lpCost <= tau) {
                proven = true;
                break;
            }
            tau = tau == 0 ? Math.min(value - m.lpCost, TAU_START) : value - m.lpCost;
        }
        st.reassign(hh, incumbent);
        // a pair outside the rows within the gap could be in a better solution: not proven then
        boolean outside = !rowsComplete && m.outsidePairsWithin(value - m.lpCost);
        for (int a = 0; a < m.arcs; a++)
            if (m.arcSlot[a] < 0 && (long) st.p.size[hh[m.arcH[a]]] * m.reducedCost(a) <= tau) outside = true;
        boolean all = complete && proven && !outside;
        if (!all) return new Outcome(false, m.lpCost, before, value, null);
        return new Outcome(true, m.lpCost, before, value, value == m.lpCost ? m.face() : m.withinGap(value, incumbent));
    }

    /**
     * With an optimum equal to the bound L, every optimum is one of the relaxation, hence meets complementary slackness
     * with these potentials: an arc of reduced cost above 0 is empty, below 0 full. Any assignment on that face costs L.
     */
    private TieBreakStage.Face face() {
        int nh = hh.length;
        boolean[] serve = new boolean[nh], drop = new boolean[nh];
        boolean[] full = new boolean[doctors], empty = new boolean[doctors];
        for (int i = 0; i < nh; i++) {
            long rc = dist[p.priority[hh[i]] - 1] - dist[HOUSEHOLD_NODE + i];
            serve[i] = rc < 0;
            drop[i] = rc > 0;
        }
        for (int j = 0; j < doctors; j++) {
            full[j] = dist[doctorNode(j)] < dist[5];
            empty[j] = dist[doctorNode(j)] > dist[5];
        }
        HeuristicSolver.IntList pairs = new HeuristicSolver.IntList(), fixed = new HeuristicSolver.IntList();
        for (int a = 0; a < arcs; a++) {
            if (arcSlot[a] < 0 || drop[arcH[a]] || empty[localDoctor[arcD[a]]] || reducedCost(a) > 0) continue;
            pairs.add(arcSlot[a]);
            if (reducedCost(a) < 0) fixed.add(arcSlot[a]);
        }
        int[] fullDoctors = java.util.stream.IntStream.range(0, p.doctorCount())
                .filter(d -> localDoctor[d] >= 0 && full[localDoctor[d]])
                .toArray();
        return new TieBreakStage.Face(
                Arrays.copyOf(pairs.a, pairs.n), Arrays.copyOf(fixed.a, fixed.n), serve, fullDoctors, false);
    }

    /**
     * With an optimum V above the bound L, proven over the rows with no pair outside them within the gap: every optimum
     * uses only pairs with size × reduced cost ≤ V − L (each of its pairs costs it at least that above L); nothing else
     * is fixed, the person-minutes are kept by a constraint ({@link TieBreakStage}).
     */
    private TieBreakStage.Face withinGap(long value, int[] incumbent) {
        boolean[] keep = fixByReducedCost(value - lpCost, incumbent);
        HeuristicSolver.IntList pairs = new HeuristicSolver.IntList();
        for (int a = 0; a < arcs; a++) if (keep[a] && arcSlot[a] >= 0) pairs.add(arcSlot[a]);
        return new TieBreakStage.Face(
                Arrays.copyOf(pairs.a, pairs.n), new int[0], new boolean[hh.length], new int[0], true);
    }

    /** Integer programmes only up to this many households… */
    static final int PROOF_HOUSEHOLDS = 2_000;
    /** …and this many pairs in the rows (measured: 2,000 households and 39,664 pairs proven in 35 s). */
    static final int PROOF_PAIRS = 60_000;
    /** The second threshold of reduced cost (centiminutes); the third and last is the gap itself. */
    static final long TAU_START = 1_000;

    /**
     * The flow read per household: the slot of the row's doctor that serves it whole ({@code whole}, -1 when none),
     * and whether it serves it in part ({@code part}).
     */
    private void readFlow() {
        whole = new int[hh.length];
        part = new boolean[hh.length];
        Arrays.fill(whole, -1);
        for (int a = 0; a < arcs; a++) {
            if (pairFlow[a] == 0) continue;
            if (pairFlow[a] == p.size[hh[arcH[a]]] && arcSlot[a] >= 0) whole[arcH[a]] = arcSlot[a];
            else part[arcH[a]] = true;
        }
    }

    int[] whole = new int[0];
    boolean[] part = new boolean[0];

    private void addDoctor(int d, int cap) {
        if (doctors == places.length) places = Arrays.copyOf(places, doctors * 2);
        localDoctor[d] = doctors;
        places[doctors++] = cap;
    }

    private void addArc(int i, int d, int cost, int slot) {
        if (arcs == arcH.length) {
            int n = arcs * 2;
            arcH = Arrays.copyOf(arcH, n);
            arcD = Arrays.copyOf(arcD, n);
            arcCost = Arrays.copyOf(arcCost, n);
            arcSlot = Arrays.copyOf(arcSlot, n);
        }
        arcH[arcs] = i;
        arcD[arcs] = d;
        arcCost[arcs] = cost;
        arcSlot[arcs++] = slot;
    }

    /** Nodes: 0..4 classes, 5 sink, then households from {@code HOUSEHOLD_NODE}, then doctors. */
    private static final int HOUSEHOLD_NODE = 6;

    private int doctorNode(int j) {
        return HOUSEHOLD_NODE + hh.length + j;
    }

    /** Solves the relaxation over the current arcs; false when OR-Tools' flow is not available or fails. */
    private boolean solveFlow() {
        int nh = hh.length, nodes = 6 + nh + doctors;
        MinCostFlow f;
        try {
            f = new MinCostFlow(nodes, nh + arcs + doctors);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return false;
        }
        try {
            long total = 0;
            for (int k = 0; k < 5; k++) {
                f.setNodeSupply(k, people[k]);
                total += people[k];
            }
            f.setNodeSupply(5, -total);
            for (int i = 0; i < nh; i++)
                f.addArcWithCapacityAndUnitCost(p.priority[hh[i]] - 1, HOUSEHOLD_NODE + i, p.size[hh[i]], 0);
            for (int a = 0; a < arcs; a++)
                f.addArcWithCapacityAndUnitCost(
                        HOUSEHOLD_NODE + arcH[a], doctorNode(localDoctor[arcD[a]]), p.size[hh[arcH[a]]], arcCost[a]);
            for (int j = 0; j < doctors; j++) f.addArcWithCapacityAndUnitCost(doctorNode(j), 5, places[j], 0);
            if (f.solve() != MinCostFlowBase.Status.OPTIMAL) return false;
            lpCost = f.getOptimalCost();
            int total2 = f.getNumArcs();
            int[] tail = new int[total2], head = new int[total2];
            long[] cost = new long[total2], flow = new long[total2], cap = new long[total2];
            for (int a = 0; a < total2; a++) {
                tail[a] = f.getTail(a);
                head[a] = f.getHead(a);
                cost[a] = f.getUnitCost(a);
                flow[a] = f.getFlow(a);
                cap[a] = f.getCapacity(a);
            }
            pairFlow = Arrays.copyOfRange(flow, nh, nh + arcs);
            dist = ResidualPotentials.of(nodes, tail, head, cost, flow, cap);
            return true;
        } finally {
            f.delete();
        }
    }

    private long potentialOfDoctor(int d) {
        int j = localDoctor[d];
        return j < 0 ? 0 : dist[doctorNode(j)];
    }

    /** Adds the pairs outside the flow with a negative reduced cost; returns how many. */
    private int price() {
        int[] added = {0};
        outsidePairs((i, d, cost, rc) -> {
            if (rc >= 0) return true;
            if (localDoctor[d] < 0) addDoctor(d, st.remaining[d]);
            addArc(i, d, cost, p.slotOf(hh[i], d));
            added[0]++;
            return true;
        });
        return added[0];
    }

    /** True when an eligible pair outside the flow (hence outside the rows) is within {@code gap}. */
    private boolean outsidePairsWithin(long gap) {
        boolean[] found = {false};
        outsidePairs((i, d, cost, rc) -> !(found[0] = p.size[hh[i]] * rc <= gap));
        return found[0];
    }

    /** A pair outside the flow: household (local), doctor (global), cost, reduced cost; false to stop. */
    private interface OutsidePair {
        boolean visit(int i, int d, int cost, long rc);
    }

    /** Every eligible pair outside the flow whose doctor has room for the household, household by household. */
    private void outsidePairs(OutsidePair visitor) {
        int[] mark = new int[p.doctorCount()];
        int[] firstArc = arcsByHousehold();
        for (int i = 0; i < hh.length; i++) {
            int h = hh[i];
            for (int a = firstArc[i]; a < firstArc[i + 1]; a++) mark[arcD[sortedArc[a]]] = i + 1;
            long ph = dist[HOUSEHOLD_NODE + i];
            for (long x : p.doctorsWithin(h, Integer.MAX_VALUE)) {
                int d = (int) x, cost = (int) (x >>> 32);
                if (mark[d] == i + 1 || !p.eligiblePair(h, d)) continue;
                int j = localDoctor[d];
                if ((j >= 0 ? places[j] : st.remaining[d]) < p.size[h]) continue;
                if (!visitor.visit(i, d, cost, cost + ph - potentialOfDoctor(d))) return;
            }
        }
    }

    private int[] sortedArc = new int[0];

    /** Arcs sorted by household: {@code sortedArc[first[i] .. first[i+1])}. */
    private int[] arcsByHousehold() {
        int[] first = new int[hh.length + 1];
        for (int a = 0; a < arcs; a++) first[arcH[a] + 1]++;
        for (int i = 0; i < hh.length; i++) first[i + 1] += first[i];
        int[] fill = Arrays.copyOf(first, hh.length);
        sortedArc = new int[arcs];
        for (int a = 0; a < arcs; a++) sortedArc[fill[arcH[a]]++] = a;
        return first;
    }

    private long reducedCost(int a) {
        return arcCost[a] + dist[HOUSEHOLD_NODE + arcH[a]] - dist[doctorNode(localDoctor[arcD[a]])];
    }

    /** Pairs in some assignment at most {@code gap} above the bound: used by the flow, or size × rc ≤ gap. */
    boolean[] fixByReducedCost(long gap, int[] incumbent) {
        boolean[] keep = new boolean[arcs];
        for (int a = 0; a < arcs; a++) {
            keep[a] = pairFlow[a] > 0
                    || (long) p.size[hh[arcH[a]]] * reducedCost(a) <= gap
                    || incumbent[arcH[a]] == arcSlot[a];
        }
        return keep;
    }

    /**
     * SCIP over the kept pairs of the rows ({@link MinutesProgramme}), warm-started from the incumbent; households
     * {@code fixed} stay at the incumbent's doctor. Null when SCIP is not available.
     */
    MinutesProgramme.@Nullable Mip integerProgramme(
            boolean[] keep, int[] incumbent, long nodes, boolean @Nullable [] fixed) {
        HeuristicSolver.IntList chosen = new HeuristicSolver.IntList();
        for (int a = 0; a < arcs; a++)
            if (keep[a] && arcSlot[a] >= 0 && (fixed == null || !fixed[arcH[a]])) chosen.add(a);
        int[] household = new int[chosen.n], slot = new int[chosen.n], cost = new int[chosen.n];
        for (int y = 0; y < chosen.n; y++) {
            household[y] = arcH[chosen.a[y]];
            slot[y] = arcSlot[chosen.a[y]];
            cost[y] = arcCost[chosen.a[y]];
        }
        return MinutesProgramme.solve(
                p,
                hh,
                people,
                Arrays.copyOf(places, doctors),
                d -> localDoctor[d],
                household,
                slot,
                cost,
                incumbent,
                nodes,
                fixed);
    }
}
