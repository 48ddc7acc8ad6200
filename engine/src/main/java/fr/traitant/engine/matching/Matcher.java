package fr.traitant.engine.matching;

import fr.traitant.engine.matching.internal.CpSatComponentSolver;
import fr.traitant.engine.matching.internal.CutWidening;
import fr.traitant.engine.matching.internal.ExactSolver;
import fr.traitant.engine.matching.internal.FlowBound;
import fr.traitant.engine.matching.internal.HeuristicSolver;
import fr.traitant.engine.matching.internal.MatchState;
import fr.traitant.engine.matching.internal.ProblemIndex;
import fr.traitant.engine.matching.internal.RoomLeft;
import fr.traitant.engine.matching.internal.StagedSolver;
import fr.traitant.engine.matching.internal.WindowSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Solves a matching problem: which household each doctor is proposed, over a whole territory.
 *
 * <p>Method (see {@code docs/methodology/matching.md}): eligible pairs are generated (travel time
 * within the household's limit, doctor accepting, needs met, capacity at least the household's
 * size); a constructive heuristic with ejection-chain repair and local search assigns everybody;
 * then every connected component of the eligibility graph with at most
 * {@link MatchingOptions#exactComponentLimit()} households is solved exactly: branch-and-bound over
 * the min-cost-flow relaxation (deterministic work budget), then, when it does not prove the
 * optimum, OR-Tools — SCIP, then CP-SAT for any stage SCIP does not prove — and a CP-SAT tie-break
 * stage (people-days waited, then id; above 400 households by SCIP on the face of the relaxation's
 * optima, ADR 0079). All limits are deterministic (work units, nodes, CP-SAT deterministic time),
 * never wall-clock time. Components above the limit get chains of whole-household moves, class
 * by class, in phases (rows widened toward doctors with room left, up to {@link #ROOM_COMPONENT_LIMIT} households), and
 * may get a fix-and-optimise step
 * ({@link MatchingOptions#windowsPerHousehold()}): windows of neighbouring doctors re-solved exactly by the
 * same branch-and-bound, everything else fixed, a deterministic number of windows. OR-Tools is optional: without it the branch-and-bound
 * gets 50× its budget and there is no tie-break stage. {@link SolveStatistics} says what was proven.
 *
 * <p>Thread-safe (stateless). Uses the common fork-join pool for candidate generation and for
 * independent components; results do not depend on the number of threads.
 */
public final class Matcher {

    /** Ejection chains explore at most this many doctors per insertion. */
    static final int CHAIN_NODES = 24;
    /** …and at most this many candidate checks. */
    static final int CHAIN_WORK = 3_000;

    /** Components above this size skip the pure-Java branch-and-bound and go to SCIP when OR-Tools is available. */
    static final int BNB_HOUSEHOLDS = 400;
    /** Rounds of pairs to doctors with room added to the rows of components above the exact limit… */
    static final int ROOM_ROUNDS = 3;
    /**
     * …of at most this many households (a département or a région; on the national component the rounds added six
     * million pairs and tripled the chains' time for one point of priority 5). Not for the staged solver's components:
     * on Finistère's 5,000-household one the wider rows made its SCIP stage run over ten minutes instead of one.
     */
    static final int ROOM_COMPONENT_LIMIT = 50_000;
    /** SCIP nodes per stage of the staged solver, per unit of {@link MatchingOptions#cpSatDeterministicTime()}. */
    static final long STAGE_NODES_PER_UNIT = 5_000;
    /** Components above this many households get no fix-and-optimise windows (a national run would take minutes). */
    static final int WINDOW_COMPONENT_LIMIT = 5_000;
    /** Households per fix-and-optimise window. */
    static final int WINDOW_HOUSEHOLDS = 100;
    /** Branch-and-bound work units per window. */
    static final long WINDOW_WORK = 100_000L;

    private Matcher() {}

    /** Solves with the default road-time estimate and default options. */
    public static MatchingSession solve(Collection<Household> households, Collection<Doctor> doctors) {
        return solve(households, doctors, RoadTravelTimes.DEFAULT, MatchingOptions.DEFAULT);
    }

    /**
     * Solves a zone.
     *
     * @throws IllegalArgumentException on duplicate household or doctor ids
     */
    public static MatchingSession solve(
            Collection<Household> households,
            Collection<Doctor> doctors,
            TravelTimeModel travel,
            MatchingOptions options) {
        ProgressListener progress = options.progress();
        ProblemIndex p0 = ProblemIndex.build(
                List.copyOf(households),
                List.copyOf(doctors),
                travel,
                options.candidateLimit(),
                options.networkPreferenceMinutes(),
                progress);
        MatchState first = new MatchState(p0);
        new HeuristicSolver(first, CHAIN_NODES, CHAIN_WORK).solve(progress);

        int nh = p0.householdCount(), nd = p0.doctorCount();
        int[] parent = new int[nh + nd];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int h = 0; h < nh; h++) {
            for (int s = p0.slotStart[h]; s < p0.slotStart[h + 1]; s++) union(parent, h, nh + p0.slotDoctor[s]);
        }
        int[] count = new int[nh + nd];
        for (int h = 0; h < nh; h++) if (p0.slotStart[h + 1] > p0.slotStart[h]) count[find(parent, h)]++;
        // components in order of their smallest household index
        boolean[] seen = new boolean[nh + nd];
        int[] smallIndex = new int[nh + nd];
        List<int[]> small = new ArrayList<>();
        int[] largeIndex = new int[nh + nd];
        List<int[]> large = new ArrayList<>();
        int[] fill = new int[nh + nd];
        int components = 0, heuristicHouseholds = 0;
        for (int h = 0; h < nh; h++) {
            if (p0.slotStart[h + 1] == p0.slotStart[h]) continue;
            int r = find(parent, h);
            if (!seen[r]) {
                seen[r] = true;
                components++;
                smallIndex[r] = -1;
                largeIndex[r] = -1;
                if (count[r] >= 2 && count[r] <= options.exactComponentLimit()) {
                    smallIndex[r] = small.size();
                    small.add(new int[count[r]]);
                } else if (count[r] > options.exactComponentLimit()) {
                    heuristicHouseholds += count[r];
                    largeIndex[r] = large.size();
                    large.add(new int[count[r]]);
                }
            }
            if (smallIndex[r] >= 0) small.get(smallIndex[r])[fill[r]++] = h;
            if (largeIndex[r] >= 0) large.get(largeIndex[r])[fill[r]++] = h;
        }
        // fix-and-optimise on components above the exact limit: windows of neighbouring doctors re-solved
        // exactly; components are independent (disjoint doctors), so they run in parallel
        MatchState windowState = first;
        if (options.windowsPerHousehold() > 0 && !large.isEmpty()) {
            progress.onProgress("windows", 0, large.size());
            IntStream.range(0, large.size()).parallel().forEach(k -> {
                int[] hh = large.get(k);
                if (hh.length > WINDOW_COMPONENT_LIMIT) return;
                long maxWindows = (long) Math.ceil(options.windowsPerHousehold() * hh.length);
                WindowSearch.run(windowState, hh, WINDOW_HOUSEHOLDS, maxWindows, WINDOW_WORK);
            });
        }
        // components above the exact limit: chains of moves, class by class, serve everybody they can reach
        if (!large.isEmpty()) {
            progress.onProgress("chains", 0, large.size());
            boolean[] reached = new boolean[nd];
            for (int k = 0; k < large.size(); k++) {
                // priority 5 of a component too large for the rows to be widened toward places left (the national
                // one) is chained once, after the bound, over the rows widened by the bound's cut (CutWidening)
                int classes = large.get(k).length > ROOM_COMPONENT_LIMIT ? 4 : 5;
                StagedSolver.chains(first, large.get(k), reached, classes);
                progress.onProgress("chains", k + 1, large.size());
            }
            // rows hold the nearest doctors only: places left at doctors outside the rows the chains reached stay
            // unused; the pairs from the households the chains reached to those doctors join the rows (same
            // component: components do not change) and the chains run again, until no such pair is left
            List<int[]> widened = large.stream()
                    .filter(hh -> hh.length <= ROOM_COMPONENT_LIMIT)
                    .toList();
            for (int round = 0; round < ROOM_ROUNDS && !widened.isEmpty(); round++) {
                MatchState wider = withRoomPairs(first, widened, parent, reached);
                if (wider == null) break;
                first = wider;
                java.util.Arrays.fill(reached, false);
                for (int[] hh : widened) StagedSolver.chains(first, hh, reached);
            }
            new HeuristicSolver(first, CHAIN_NODES, CHAIN_WORK).polish(StagedSolver.POLISH_PASSES, progress);
        }
        MatchState st = first;
        ProblemIndex p = st.p;
        int nSmall = small.size();
        progress.onProgress("exact", 0, nSmall);
        boolean cpSatOn = options.cpSatDeterministicTime() > 0 && nSmall > 0 && cpSatAvailable();
        long bnbBudget = cpSatOn ? options.exactWorkBudget() : saturatedTimes50(options.exactWorkBudget());
        ExactSolver.@Nullable Outcome[] outcomes = new ExactSolver.Outcome[nSmall];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, nSmall).parallel().forEach(k -> {
            // above BNB_HOUSEHOLDS households the branch-and-bound rarely proves anything (its folded weights
            // often overflow): the staged solver below takes them
            if (cpSatOn && small.get(k).length > BNB_HOUSEHOLDS) return;
            outcomes[k] = ExactSolver.solve(st, small.get(k), bnbBudget);
            int v = done.incrementAndGet();
            if (v % Math.max(1, nSmall / 50) == 0) {
                synchronized (progress) {
                    progress.onProgress("exact", v, nSmall);
                }
            }
        });
        // CP-SAT: exact lexicographic stages where branch-and-bound did not prove optimality (or its
        // folded weights overflow), then the tie-break stages on every exact component
        boolean cpSat = cpSatOn && (options.tieBreak() || anyUnproven(outcomes));
        CpSatComponentSolver.@Nullable Result[] exact = new CpSatComponentSolver.Result[nSmall];
        if (cpSat) {
            progress.onProgress("cp-sat", 0, nSmall);
            IntStream.range(0, nSmall).parallel().forEach(k -> {
                if (cpSatOn && small.get(k).length > BNB_HOUSEHOLDS) return;
                ExactSolver.Outcome o = outcomes[k];
                boolean bnbProven = o != null && o.provenOptimal();
                if (bnbProven && !options.tieBreak()) return;
                int[] hh = small.get(k);
                int[] start = new int[hh.length];
                for (int i = 0; i < hh.length; i++) start[i] = o != null ? o.slots()[i] : st.slot[hh[i]];
                long[] known = bnbProven ? objectiveOf(p, hh, start) : null;
                exact[k] = CpSatComponentSolver.solve(
                        st, hh, start, known, options.tieBreak(), options.cpSatDeterministicTime());
            });
        }
        int proven = 0, orToolsComponents = 0, tieBroken = 0;
        // households of components whose people per class are proven optimal (by branch-and-bound or a solver)
        boolean[] provenHousehold = new boolean[nh];
        for (int k = 0; k < nSmall; k++) {
            ExactSolver.Outcome o = outcomes[k];
            CpSatComponentSolver.Result c = exact[k];
            boolean bnbProven = o != null && o.provenOptimal();
            if (c != null) {
                if (!bnbProven) orToolsComponents++;
                if (bnbProven || c.objectiveProven()) {
                    proven++;
                    for (int h : small.get(k)) provenHousehold[h] = true;
                }
                if (c.tieBreakProven()) tieBroken++;
                for (int h : c.households()) st.unassign(h);
                for (int i = 0; i < c.households().length; i++)
                    if (c.slots()[i] >= 0) st.assign(c.households()[i], c.slots()[i]);
                continue;
            }
            if (o == null) continue;
            if (o.provenOptimal()) {
                proven++;
                for (int h : small.get(k)) provenHousehold[h] = true;
            }
            if (!o.improved()) continue;
            for (int h : o.households()) st.unassign(h);
            for (int i = 0; i < o.households().length; i++)
                if (o.slots()[i] >= 0) st.assign(o.households()[i], o.slots()[i]);
        }
        // large components: class by class, flow bound first, SCIP only where the bound is not reached; one at a
        // time (they change the shared state in place)
        int limit = ProblemIndex.effectiveLimit(options.candidateLimit(), nh, nd);
        // the person-minutes bound: each component's own value when proven, else its relaxation's (staged solver)
        long minutesBound = 0;
        boolean bounded = heuristicHouseholds == 0 && (limit == Integer.MAX_VALUE || components == 1);
        for (int k = 0; k < nSmall && bounded; k++) {
            if (cpSatOn && small.get(k).length > BNB_HOUSEHOLDS) continue;
            ExactSolver.Outcome o = outcomes[k];
            CpSatComponentSolver.Result c = exact[k];
            if ((o != null && o.provenOptimal()) || (c != null && c.objectiveProven()))
                minutesBound += valueOf(st, small.get(k));
            else bounded = false;
        }
        for (int k = 0; k < nSmall; k++) {
            if (!(cpSatOn && small.get(k).length > BNB_HOUSEHOLDS)) continue;
            StagedSolver.Outcome o = StagedSolver.solve(
                    st,
                    small.get(k),
                    limit,
                    Math.max(1_000L, (long) (options.cpSatDeterministicTime() * STAGE_NODES_PER_UNIT)),
                    CHAIN_NODES,
                    CHAIN_WORK,
                    options.tieBreak(),
                    progress);
            orToolsComponents += o.integerStages() > 0 ? 1 : 0;
            if (o.tieBreakProven()) tieBroken++;
            if (o.minutesProven()) minutesBound += valueOf(st, small.get(k)); // its own bound
            else if (o.minutesBound() >= 0) minutesBound += o.minutesBound();
            else bounded = false;
            if (o.peopleProven() && o.minutesProven()) proven++;
            if (o.peopleProven()) for (int h : small.get(k)) provenHousehold[h] = true;
            else if (!o.peopleProven()) heuristicHouseholds += small.get(k).length;
            progress.onProgress("exact", k + 1, nSmall);
        }
        for (int k = 0; k < nSmall; k++) {
            if (outcomes[k] == null && exact[k] == null && !(cpSatOn && small.get(k).length > BNB_HOUSEHOLDS)) {
                heuristicHouseholds += small.get(k).length;
            }
        }
        progress.onProgress("exact", nSmall, nSmall);
        // households alone in their component: served at their cheapest eligible doctor (the row's first) or not at all
        for (int h = 0; h < nh && bounded; h++) {
            if (p.slotStart[h + 1] == p.slotStart[h] || count[find(parent, h)] != 1) continue;
            if (st.slot[h] >= 0 && st.slot[h] != p.slotStart[h]) bounded = false;
            else if (st.slot[h] >= 0) minutesBound += (long) p.size[h] * p.slotCm[st.slot[h]];
        }
        long[] beforeRoom = st.objective();
        MatchState result = RoomLeft.placeWhereRoomIsLeft(st);
        // places given afterwards change the people served: the bound was for the people before
        if (!java.util.Arrays.equals(beforeRoom, result.objective())) bounded = false;
        progress.onProgress("bound", 0, 5);
        int[] scope = boundScope(result, limit, provenHousehold);
        FlowBound flow = new FlowBound(result, scope, limit);
        long[] flowBound = flow.bounds();
        long[] cut = flow.addedPairs();
        flow = null; // its graph (hundreds of MB on a national run) is not needed any more
        if (!large.isEmpty() && result.objective()[4] < flowBound[4]) {
            // the relaxation serves more of priority 5 through pairs beyond the rows: the last class's chains over them
            progress.onProgress("bound", 4, 5);
            MatchState wider = CutWidening.lastClass(result, large, cut, ROOM_COMPONENT_LIMIT, CHAIN_NODES, CHAIN_WORK);
            if (wider != null) {
                result = wider;
                bounded = false;
            }
        }
        Certificate certificate = certificate(
                result,
                flowBound,
                limit,
                heuristicHouseholds == 0 && nSmall == proven && limit == Integer.MAX_VALUE,
                provenHousehold,
                bounded ? java.util.OptionalLong.of(minutesBound) : java.util.OptionalLong.empty());
        progress.onProgress("bound", 5, 5);
        SolveStatistics stats = new SolveStatistics(
                nh,
                nd,
                result.p.slotDoctor.length,
                components,
                nSmall,
                proven,
                heuristicHouseholds,
                limit,
                orToolsComponents,
                tieBroken,
                certificate);
        return new MatchingSession(result, stats);
    }

    /**
     * The state over wider rows, same assignment: for the households of these components (above the exact limit) that
     * the chains reached (the unserved ones, and the members of the doctors their last search visited), every eligible
     * doctor of the same component with places left that is not yet in the household's row. Null when there is none.
     */
    private static @Nullable MatchState withRoomPairs(
            MatchState st, List<int[]> components, int[] parent, boolean[] reached) {
        ProblemIndex p = st.p;
        int nh = p.householdCount(), nd = p.doctorCount();
        boolean[] root = new boolean[nh + nd];
        for (int[] hh : components) root[find(parent, hh[0])] = true;
        int[] open = IntStream.range(0, nd)
                .filter(d -> st.remaining[d] > 0 && root[find(parent, nh + d)])
                .toArray();
        if (open.length == 0) return null;
        HeuristicSolver.IntList from = new HeuristicSolver.IntList();
        for (int[] hh : components) for (int h : hh) if (st.slot[h] < 0 || reached[st.doctorOf(h)]) from.add(h);
        ProblemIndex.Pairs pairs = p.pairsTo(java.util.Arrays.copyOf(from.a, from.n), open);
        HeuristicSolver.IntList keep = new HeuristicSolver.IntList();
        for (int i = 0; i < pairs.household().length; i++) {
            if (find(parent, pairs.household()[i]) == find(parent, nh + (int) pairs.packed()[i])) keep.add(i);
        }
        if (keep.n == 0) return null;
        int[] hs = new int[keep.n];
        long[] packed = new long[keep.n];
        for (int i = 0; i < keep.n; i++) {
            hs[i] = pairs.household()[keep.a[i]];
            packed[i] = pairs.packed()[keep.a[i]];
        }
        return RoomLeft.onRows(st, p.withExtraPairs(hs, packed));
    }

    /**
     * People served per class and their proven bounds. A component proven optimal (every candidate row complete) is its
     * own bound; the other households get the maximum-flow bound ({@link FlowBound}, over every eligible pair). Components
     * are independent, so the bounds add up.
     */
    static Certificate certificate(
            MatchState st,
            long[] flowBound,
            int candidateLimit,
            boolean componentsProven,
            boolean[] provenHousehold,
            java.util.OptionalLong minutesBound) {
        long[] objective = st.objective();
        long[] served = java.util.Arrays.copyOf(objective, 5);
        boolean rowsComplete = candidateLimit == Integer.MAX_VALUE;
        long[] bound = flowBound.clone();
        for (int h = 0; h < st.p.householdCount(); h++) {
            if (rowsComplete && provenHousehold[h] && st.slot[h] >= 0) bound[st.p.priority[h] - 1] += st.p.size[h];
        }
        List<Long> s = new ArrayList<>(5), b = new ArrayList<>(5);
        for (int k = 0; k < 5; k++) {
            s.add(served[k]);
            b.add(bound[k]);
        }
        boolean peopleProven = java.util.Arrays.equals(served, bound);
        return new Certificate(
                s,
                b,
                peopleProven && componentsProven,
                objective[5],
                peopleProven ? minutesBound : java.util.OptionalLong.empty());
    }

    /** The households the maximum-flow bound covers: all but those of components proven optimal over complete rows. */
    private static int[] boundScope(MatchState st, int candidateLimit, boolean[] provenHousehold) {
        boolean rowsComplete = candidateLimit == Integer.MAX_VALUE;
        return IntStream.range(0, st.p.householdCount())
                .filter(h -> !rowsComplete || !provenHousehold[h])
                .toArray();
    }

    /** OR-Tools is an optional dependency: absent classes or native library mean pure Java only. */
    private static boolean cpSatAvailable() {
        try {
            return CpSatComponentSolver.available();
        } catch (LinkageError missing) {
            return false;
        }
    }

    private static long saturatedTimes50(long budget) {
        return budget > Long.MAX_VALUE / 50 ? Long.MAX_VALUE : budget * 50;
    }

    private static boolean anyUnproven(ExactSolver.@Nullable Outcome[] outcomes) {
        for (ExactSolver.Outcome o : outcomes) if (o == null || !o.provenOptimal()) return true;
        return false;
    }

    /** Person-centiminutes of the households {@code hh} as the state serves them. */
    private static long valueOf(MatchState st, int[] hh) {
        long v = 0;
        for (int h : hh) if (st.slot[h] >= 0) v += (long) st.p.size[h] * st.p.slotCm[st.slot[h]];
        return v;
    }

    /** People served per class 1..5 and person-centiminutes of an assignment of a component. */
    private static long[] objectiveOf(ProblemIndex p, int[] hh, int[] slots) {
        long[] v = new long[6];
        for (int i = 0; i < hh.length; i++) {
            if (slots[i] < 0) continue;
            v[p.priority[hh[i]] - 1] += p.size[hh[i]];
            v[5] += (long) p.size[hh[i]] * p.slotCm[slots[i]];
        }
        return v;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) {
            if (ra < rb) parent[rb] = ra;
            else parent[ra] = rb;
        }
    }
}
