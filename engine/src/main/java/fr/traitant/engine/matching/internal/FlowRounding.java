package fr.traitant.engine.matching.internal;

import fr.traitant.engine.matching.ProgressListener;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * An assignment from the relaxation of the person-minutes ({@link MinutesStage}), serving exactly the people per class
 * of the current one: class by class 1..5, each household of the class that the flow serves whole, by one doctor of
 * its row, takes that doctor; the others of the class are seated next — those the flow serves in part first, then
 * those the current assignment serves, then the rest, the largest first (small households fill the places left), rank
 * order among equals — at their nearest doctor with room (the current doctor for the current assignment's households),
 * then by chains of whole-household moves ({@link ChainSearch}) up to the class's people; local search follows.
 *
 * <p>Where a class cannot be made whole again that way (sizes: the flow splits families), the rounding is tried once
 * more with the flow followed only by the classes above it, the current assignment's households first from there.
 * Kept when it serves the same people per class at fewer person-minutes; otherwise the component is put back.
 */
final class FlowRounding {

    private FlowRounding() {}

    /**
     * @param whole per household of {@code hh}: the slot of the doctor the flow serves it by, whole (-1: none)
     * @param part per household: the flow serves it in part (split, or not all its people)
     * @return true when the rounding was kept
     */
    static boolean round(
            MatchState st, int[] hh, long[] people, int[] whole, boolean[] part, int chainNodes, int chainWork) {
        int nh = hh.length;
        int[] saved = st.slotsOf(hh);
        long before = StagedSolver.served(st, hh)[5];
        int flowClasses = 5;
        for (int attempt = 0; attempt < 2; attempt++) {
            int shortAt = attempt(st, hh, people, whole, part, saved, flowClasses);
            if (shortAt < 0) {
                new HeuristicSolver(st, chainNodes, chainWork)
                        .polish(StagedSolver.POLISH_PASSES, ProgressListener.NONE);
                long[] now = StagedSolver.served(st, hh);
                if (Arrays.equals(Arrays.copyOf(now, 5), people) && now[5] < before) return true;
            }
            st.reassign(hh, saved);
            if (shortAt <= 0) break; // kept nothing better, or the first class already short: no second try
            flowClasses = shortAt;
        }
        return false;
    }

    /** Seats the classes in turn; returns the first class left short of its people (0-based), -1 when none. */
    private static int attempt(
            MatchState st, int[] hh, long[] people, int[] whole, boolean[] part, int[] saved, int flowClasses) {
        ProblemIndex p = st.p;
        int nh = hh.length;
        boolean[] partNow = part.clone(); // and the households whose doctor in the flow has no room left for them
        for (int h : hh) st.unassign(h);
        for (int k = 0; k < 5; k++) {
            final int kk = k;
            boolean flow = k < flowClasses;
            long served = 0;
            for (int i = 0; i < nh && flow; i++) {
                int h = hh[i];
                if (p.priority[h] != k + 1 || whole[i] < 0) continue;
                if (st.remaining[p.slotDoctor[whole[i]]] < p.size[h]) {
                    partNow[i] = true;
                    continue;
                }
                st.assign(h, whole[i]);
                served += p.size[h];
            }
            int[] order = IntStream.range(0, nh)
                    .filter(i -> p.priority[hh[i]] == kk + 1 && st.slot[hh[i]] < 0)
                    .boxed()
                    .sorted(Comparator.<Integer>comparingInt(i -> flow && partNow[i] ? 0 : saved[i] >= 0 ? 1 : 2)
                            .thenComparingInt(i -> -p.size[hh[i]])
                            .thenComparingInt(i -> p.rank[hh[i]]))
                    .mapToInt(Integer::intValue)
                    .toArray();
            for (int i : order) {
                if (served >= people[k]) break;
                int h = hh[i];
                if (served + p.size[h] > people[k]) continue;
                boolean own = !(flow && partNow[i]) && saved[i] >= 0;
                int s = own && st.remaining[p.slotDoctor[saved[i]]] >= p.size[h] ? saved[i] : st.bestFreeSlot(h);
                if (s < 0) continue;
                st.assign(h, s);
                served += p.size[h];
            }
            if (served < people[k]) served = new ChainSearch(st, hh).fill(hh, k, served, people[k]);
            if (served != people[k]) return k;
        }
        return -1;
    }
}
