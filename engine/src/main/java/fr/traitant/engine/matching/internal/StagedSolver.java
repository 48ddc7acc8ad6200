package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Exact lexicographic solve of one large connected component (hundreds to tens of thousands of households), class by
 * class, using the structure of the problem:
 *
 * <ol>
 *   <li>the bound of class k (a maximum flow, {@link FlowBound}, with the higher classes at their optimum) is computed
 *       first; when the current solution already serves that many people, class k is proven optimal with no
 *       integer programme at all — the usual case;</li>
 *   <li>otherwise a mixed-integer programme over the households of classes 1..k only (the lower classes cannot
 *       change the optimum of class k; they are set aside and re-inserted afterwards) maximises the people of class
 *       k with every higher class kept at its optimum, warm-started from the current solution, solved by SCIP with a
 *       deterministic node limit and no optimality gap;</li>
 *   <li>the lower classes are put back by the heuristic's insertion (nearest doctor with room, else an ejection
 *       chain that moves served households without unserving any), and the next class starts from there;</li>
 *   <li>last, person-minutes are minimised by SCIP with the people per class fixed, when the component is small
 *       enough for it ({@link #MINUTES_HOUSEHOLDS}, {@link #MINUTES_PAIRS}) and every household's row holds all its
 *       eligible doctors (over capped rows, tried on 5,000 households, SCIP ran more than ten minutes).</li>
 * </ol>
 *
 * <p>A class solved by SCIP is proven only when SCIP proves it and either every household of the component has all
 * its eligible doctors among its candidates or the optimum found equals the flow bound (which counts every eligible
 * pair). Modifies the state of the component in place.
 */
public final class StagedSolver {

    /** Outcome: classes proven, stages that needed SCIP, person-minutes proven. */
    public record Outcome(boolean peopleProven, boolean minutesProven, int integerStages) {}

    /** Person-minutes are minimised by SCIP up to this many households (above: the heuristic's local search only)… */
    static final int MINUTES_HOUSEHOLDS = 1_000;
    /**
     * …and this many eligible pairs (SCIP variables). The stage's time is hard to predict: on 2,000 households,
     * 39,664 pairs took 85 s (and proved the optimum), another random 2,000-household instance and a zone of 2,000
     * households with 2,000 doctors in reach ran for more than ten minutes — hence 1,000 households.
     */
    static final long MINUTES_PAIRS = 60_000;

    /** Local-search sweeps on person-minutes after the classes changed. */
    public static final int POLISH_PASSES = 20;

    private StagedSolver() {}

    /**
     * @param hh the component's households, sorted
     * @param candidateLimit the limit candidate rows were built with
     * @param nodesPerStage SCIP branch-and-bound node limit per stage
     */
    public static Outcome solve(
            MatchState st, int[] hh, int candidateLimit, long nodesPerStage, int chainNodes, int chainWork) {
        ProblemIndex p = st.p;
        boolean rowsComplete = true;
        for (int h : hh) if (p.slotStart[h + 1] - p.slotStart[h] >= candidateLimit) rowsComplete = false;
        long[] fixed = new long[5];
        boolean peopleProven = true;
        int integerStages = 0;
        for (int stage = 0; stage < 5; stage++) {
            final int k = stage;
            long[] served = served(st, hh);
            long[] bound = new long[5];
            bound[k] = new FlowBound(st, hh, candidateLimit).bound(k);
            if (served[k] < bound[k]) {
                // chains of whole-household moves first: they usually reach the bound, which needs no proof. No
                // gathering of places here: on the Finistère 5,000-household component it left the SCIP stage that
                // follows running more than 5 minutes instead of 75 s in all
                new ChainSearch(st, hh).fill(hh, k, served[k], bound[k], 0);
                served = served(st, hh);
            }
            if (served[k] == bound[k]) {
                fixed[k] = served[k];
                continue;
            }
            integerStages++;
            int[] sub = Arrays.stream(hh).filter(h -> p.priority[h] <= k + 1).toArray();
            ScipComponentSolver.Stage r = ScipComponentSolver.peopleStage(st, hh, sub, k, fixed, nodesPerStage);
            if (r == null) return new Outcome(false, false, integerStages);
            long value = served[k];
            if (r.value() > served[k]) {
                // the lower classes make room, then come back where they can
                for (int h : hh) st.unassign(h);
                for (int i = 0; i < sub.length; i++) if (r.slots()[i] >= 0) st.assign(sub[i], r.slots()[i]);
                HeuristicSolver heuristic = new HeuristicSolver(st, chainNodes, chainWork);
                int[] lower = Arrays.stream(hh)
                        .filter(h -> p.priority[h] > k + 1)
                        .boxed()
                        .sorted((a, b) -> Integer.compare(p.rank[a], p.rank[b]))
                        .mapToInt(Integer::intValue)
                        .toArray();
                for (int h : lower) heuristic.insert(h, false, null);
                value = r.value();
            }
            fixed[k] = value;
            boolean proven = r.proven() && (rowsComplete || value == bound[k]);
            if (!proven) peopleProven = false;
        }
        // chains and SCIP stages move households without regard to their trips: local search brings them closer
        new HeuristicSolver(st, chainNodes, chainWork)
                .polish(POLISH_PASSES, fr.traitant.engine.matching.ProgressListener.NONE);
        boolean minutesProven = false;
        long pairs = 0;
        for (int h : hh) pairs += p.slotStart[h + 1] - p.slotStart[h];
        if (peopleProven && rowsComplete && hh.length <= MINUTES_HOUSEHOLDS && pairs <= MINUTES_PAIRS) {
            ScipComponentSolver.Stage r = ScipComponentSolver.minutesStage(st, hh, fixed, nodesPerStage);
            if (r != null) {
                if (r.value() < served(st, hh)[5]) {
                    for (int h : hh) st.unassign(h);
                    for (int i = 0; i < hh.length; i++) if (r.slots()[i] >= 0) st.assign(hh[i], r.slots()[i]);
                }
                minutesProven = r.proven();
            }
        }
        return new Outcome(peopleProven, minutesProven, integerStages);
    }

    /**
     * Serves as many people of each class as chains of whole-household moves can, classes 1..5 in turn, over the
     * households {@code hh} (a union of components); no bound, no integer programme: for components above the exact
     * limit. Marks in {@code reached} the doctors the last, fruitless search of each class visited. Returns the people
     * gained per class.
     */
    public static long[] chains(MatchState st, int[] hh, boolean[] reached) {
        ChainSearch search = new ChainSearch(st, hh);
        long[] gained = new long[5];
        for (int k = 0; k < 5; k++) {
            long before = served(st, hh)[k];
            gained[k] = search.fill(hh, k, before, Long.MAX_VALUE) - before;
            search.markReached(reached);
        }
        return gained;
    }

    /** People per class 1..5 and person-centiminutes of the component's current assignment. */
    static long[] served(MatchState st, int[] hh) {
        long[] v = new long[6];
        for (int h : hh) {
            int s = st.slot[h];
            if (s < 0) continue;
            v[st.p.priority[h] - 1] += st.p.size[h];
            v[5] += (long) st.p.size[h] * st.p.slotCm[s];
        }
        return v;
    }
}
