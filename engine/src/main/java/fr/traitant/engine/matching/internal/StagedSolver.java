package fr.traitant.engine.matching.internal;

import fr.traitant.engine.matching.ProgressListener;
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
 *   <li>last, with the people of every class proven, person-minutes: bounded by the linear relaxation (a
 *       minimum-cost flow over every eligible pair), improved by rounding it, and proven by integer programmes over
 *       the pairs that reduced-cost fixing leaves, on components small enough ({@link MinutesStage});</li>
 *   <li>when the person-minutes optimum equals the relaxation's bound (always when every household is one person),
 *       the waiting-time tie-break among the optimal assignments, on the face of the relaxation's optima
 *       ({@link TieBreakStage}).</li>
 * </ol>
 *
 * <p>A class solved by SCIP is proven only when SCIP proves it and either every household of the component has all
 * its eligible doctors among its candidates or the optimum found equals the flow bound (which counts every eligible
 * pair). Modifies the state of the component in place.
 */
public final class StagedSolver {

    /**
     * Outcome: classes proven, person-minutes proven, the person-centiminutes bound of the people served (the
     * relaxation's, {@link MinutesStage}; -1 when not computed: people not proven, or OR-Tools absent), stages that
     * needed SCIP, tie-break proven.
     */
    public record Outcome(
            boolean peopleProven,
            boolean minutesProven,
            long minutesBound,
            int integerStages,
            boolean tieBreakProven) {}

    /** Local-search sweeps on person-minutes after the classes changed. */
    public static final int POLISH_PASSES = 20;

    private StagedSolver() {}

    /**
     * @param hh the component's households, sorted
     * @param candidateLimit the limit candidate rows were built with
     * @param nodesPerStage SCIP branch-and-bound node limit per stage
     * @param tieBreak the waiting-time tie-break once person-minutes are proven
     * @param progress its steps: "classes" (0 to 5 of 5), "person-minutes", "tie-break"
     */
    public static Outcome solve(
            MatchState st,
            int[] hh,
            int candidateLimit,
            long nodesPerStage,
            int chainNodes,
            int chainWork,
            boolean tieBreak,
            ProgressListener progress) {
        ProblemIndex p = st.p;
        boolean rowsComplete = true;
        for (int h : hh) if (p.slotStart[h + 1] - p.slotStart[h] >= candidateLimit) rowsComplete = false;
        long[] fixed = new long[5];
        boolean peopleProven = true;
        int integerStages = 0;
        for (int stage = 0; stage < 5; stage++) {
            final int k = stage;
            progress.onProgress("classes", k, 5);
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
            if (r == null) return new Outcome(false, false, -1, integerStages, false);
            long value = served[k];
            if (r.value() > served[k]) {
                // the lower classes make room, then come back where they can
                for (int h : hh) st.unassign(h);
                st.reassign(sub, r.slots());
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
        new HeuristicSolver(st, chainNodes, chainWork).polish(POLISH_PASSES, ProgressListener.NONE);
        boolean minutesProven = false, tieBreakProven = false;
        long minutesBound = -1;
        progress.onProgress("classes", 5, 5);
        if (peopleProven) {
            progress.onProgress("person-minutes", 0, 1);
            MinutesStage.Outcome m = MinutesStage.solve(st, hh, rowsComplete, nodesPerStage, chainNodes, chainWork);
            if (m != null) {
                minutesProven = m.proven();
                minutesBound = m.bound();
            }
            TieBreakStage.Face face = m == null ? null : m.face();
            progress.onProgress("person-minutes", 1, 1);
            if (face != null && tieBreak) {
                progress.onProgress("tie-break", 0, 1);
                long[] v = served(st, hh);
                TieBreakStage.Result t = TieBreakStage.solve(st, hh, face, Arrays.copyOf(v, 5), v[5], nodesPerStage);
                st.reassign(hh, t.slots());
                tieBreakProven = t.proven();
                progress.onProgress("tie-break", 1, 1);
            }
        }
        return new Outcome(peopleProven, minutesProven, minutesBound, integerStages, tieBreakProven);
    }

    /**
     * Serves as many people of each class as chains of whole-household moves can, classes 1..5 in turn, over the
     * households {@code hh} (a union of components); no bound, no integer programme: for components above the exact
     * limit. Marks in {@code reached} the doctors the last, fruitless search of each class visited. Returns the people
     * gained per class.
     */
    public static long[] chains(MatchState st, int[] hh, boolean[] reached) {
        return chains(st, hh, reached, 5);
    }

    /** {@link #chains(MatchState, int[], boolean[])} for the classes 1..{@code classes} only. */
    public static long[] chains(MatchState st, int[] hh, boolean[] reached, int classes) {
        ChainSearch search = new ChainSearch(st, hh).withDescent(hh);
        long[] gained = new long[5];
        for (int k = 0; k < classes; k++) {
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
