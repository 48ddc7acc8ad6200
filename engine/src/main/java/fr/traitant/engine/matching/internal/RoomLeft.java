package fr.traitant.engine.matching.internal;

/** Places left at doctors outside the capped rows: the last step of a solve ({@code Matcher}). */
public final class RoomLeft {

    private RoomLeft() {}

    /**
     * The invariant that candidate lists must not break: no household stays unserved while an eligible doctor
     * within its reach has room for it. Candidate lists capped at the nearest doctors can leave whole groups of
     * households on the same few saturated doctors (2,000 households at one point all get the same 32); here every
     * household still unserved, in priority order, takes its nearest eligible doctor with room — first among its
     * candidates, then among every doctor within reach (added to its row). A household found without such a doctor
     * stays without one: later placements only take places.
     */
    public static MatchState placeWhereRoomIsLeft(MatchState st) {
        ProblemIndex p = st.p;
        int nd = p.doctorCount();
        int[] reserved = new int[nd];
        int[] extraH = new int[16];
        long[] extraPair = new long[16];
        int extra = 0;
        for (int h : p.order) {
            if (st.slot[h] >= 0) continue;
            int size = p.size[h];
            int free = -1;
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                int d = p.slotDoctor[s];
                if (!st.forbidden[s] && st.remaining[d] - reserved[d] >= size) {
                    free = s;
                    break;
                }
            }
            if (free >= 0) {
                st.assign(h, free);
                continue;
            }
            long pair = p.nearestEligible(h, d -> st.remaining[d] - reserved[d] >= size);
            if (pair < 0) continue;
            reserved[(int) pair] += size;
            if (extra == extraH.length) {
                extraH = java.util.Arrays.copyOf(extraH, extra * 2);
                extraPair = java.util.Arrays.copyOf(extraPair, extra * 2);
            }
            extraH[extra] = h;
            extraPair[extra++] = pair;
        }
        if (extra == 0) return st;
        ProblemIndex wider =
                p.withExtraPairs(java.util.Arrays.copyOf(extraH, extra), java.util.Arrays.copyOf(extraPair, extra));
        MatchState next = onRows(st, wider);
        for (int i = 0; i < extra; i++) next.assign(extraH[i], wider.slotOf(extraH[i], (int) extraPair[i]));
        return next;
    }

    /** A state over {@code wider} (the same households and doctors, more pairs) with the same assignment as st. */
    public static MatchState onRows(MatchState st, ProblemIndex wider) {
        MatchState next = new MatchState(wider);
        for (int h = 0; h < wider.householdCount(); h++)
            if (st.slot[h] >= 0) next.assign(h, wider.slotOf(h, st.doctorOf(h)));
        return next;
    }
}
