package fr.traitant.engine.matching.internal;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The upgrade that runs between the descents of a class ({@link ChainDescent#seatAll}, ADR 0085): unserved households
 * of several people take doctors that already have part of their places by setting aside smaller households of their
 * own class there — the objective counts people per class, so every change serves more people of the class.
 */
final class SameClassUpgrade {

    private SameClassUpgrade() {}

    /**
     * Seats unserved households of class k at a doctor that already has part of their places by setting aside smaller
     * households of the same class there, when that serves more people of the class: a family of three at a doctor
     * with two places left takes them with a single person's place (+2). The people of the class are what counts, so
     * the single person then waits like the others, and the next descents usually seat them elsewhere (a single person
     * is the easiest to seat). For each household (rank order) the doctor that gains most (the nearest among equals);
     * there, the smallest households of the class first, those waiting least among equals. Nobody of another class
     * moves. Returns the people of the class gained (every change gains at least one).
     */
    static long upgrade(MatchState st, int[] local, int[] candidates, int k) {
        ProblemIndex p = st.p;
        long gained = 0;
        int[] members = new int[8];
        for (int h0 : candidates) {
            int size0 = p.size[h0];
            if (st.slot[h0] >= 0 || size0 < 2) continue;
            int bestSlot = -1, bestGain = 0;
            for (int s = p.slotStart[h0]; s < p.slotStart[h0 + 1]; s++) {
                int d = p.slotDoctor[s];
                int room = st.remaining[d];
                if (st.forbidden[s] || local[d] < 0 || room <= 0 || room >= size0) continue;
                int n = setAside(st, d, k, size0, room, members);
                int gain = n < 0 ? 0 : size0 - members[n];
                if (gain > bestGain) {
                    bestGain = gain;
                    bestSlot = s;
                }
            }
            if (bestSlot < 0) continue;
            int d = p.slotDoctor[bestSlot];
            int n = setAside(st, d, k, size0, st.remaining[d], members);
            for (int i = 0; i < n; i++) st.unassign(members[i]);
            st.assign(h0, bestSlot);
            gained += bestGain;
        }
        return gained;
    }

    /**
     * The households of class k smaller than {@code size0} at doctor d to set aside so that {@code room} plus their
     * places make {@code size0}: the smallest first, those waiting least among equals. Fills {@code out[0..n)} and puts
     * their people in {@code out[n]}; returns n, or -1 when they do not free enough places.
     */
    private static int setAside(MatchState st, int d, int k, int size0, int room, int[] out) {
        ProblemIndex p = st.p;
        int[] order = IntStream.range(0, st.memberCount(d))
                .map(i -> st.member(d, i))
                .filter(m -> p.priority[m] == k + 1 && p.size[m] < size0)
                .boxed()
                .sorted(Comparator.<Integer>comparingInt(m -> p.size[m]).thenComparingInt(m -> -p.rank[m]))
                .mapToInt(Integer::intValue)
                .toArray();
        int n = 0, freed = 0;
        while (room + freed < size0 && n < order.length && n < out.length - 1) {
            out[n] = order[n];
            freed += p.size[order[n++]];
        }
        if (room + freed < size0) return -1;
        out[n] = freed;
        return n;
    }
}
