package fr.traitant.engine.matching.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The last class's chains again, over rows widened by the pairs the bound found beyond them.
 *
 * <p>The chains of the components above the exact limit move households among the doctors of their rows (the nearest
 * {@code candidateLimit}); the bound ({@link FlowBound}) counts every eligible pair and adds to its graph the pairs
 * that cross its cut — the pairs through which the relaxation serves people the rows cannot. Those pairs (but those to
 * the doctors of components solved exactly) join the rows, each household keeping its doctor, and the chains of
 * priority 5 run again on each large component, over its doctors and those the new pairs reach. Only priority 5:
 * its chains never unseat anybody of another class (no class below it to set aside; a household of priority 5 only for a
 * larger one of priority 5), so the people of classes 1–4 stay as they are and
 * the bounds computed before stay the bounds of the new assignment (each class's bound depends only on the people of
 * the classes above it, and on every eligible pair, not on the rows). On a component above
 * {@code Matcher.ROOM_COMPONENT_LIMIT} households (the national one) priority 5 is chained here only, not before the
 * bound: measured on the national instance, 285 more people and 20 s less CPU than chaining it twice (ADR 0080).
 */
public final class CutWidening {

    private CutWidening() {}

    /**
     * @param components the components above the exact limit (households)
     * @param cutPairs pairs from {@link FlowBound#addedPairs()}, packed household &lt;&lt; 32 | doctor
     * @param unchainedAbove components above this many households had no chains of priority 5 before the bound
     * @param chainNodes local search: doctors explored per insertion (see {@link HeuristicSolver})
     * @param chainWork local search: candidate checks per insertion
     * @return the state over the widened rows with the chains applied, or null when they seat nobody more (the state
     *     given is then unchanged); the state given itself, changed in place, when no pair joins the rows
     */
    public static @Nullable MatchState lastClass(
            MatchState st, List<int[]> components, long[] cutPairs, int unchainedAbove, int chainNodes, int chainWork) {
        ProblemIndex p = st.p;
        boolean[] large = new boolean[p.householdCount()], exact = new boolean[p.doctorCount()];
        for (int[] hh : components) for (int h : hh) large[h] = true;
        for (int h = 0; h < large.length; h++) {
            if (large[h]) continue;
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) exact[p.slotDoctor[s]] = true;
        }
        // the pairs to doctors of the large components or of no component, with their costs; not to the doctors of the
        // components solved exactly (their solution and its proof stay as they are)
        long[] sorted = cutPairs.clone();
        Arrays.sort(sorted);
        int n = 0;
        int[] households = new int[sorted.length];
        long[] packed = new long[sorted.length];
        int[] wanted = new int[p.doctorCount()];
        for (int x = 0, end; x < sorted.length; x = end) {
            int h = (int) (sorted[x] >>> 32);
            end = x;
            while (end < sorted.length && (int) (sorted[end] >>> 32) == h) end++;
            if (!large[h]) continue;
            for (int y = x; y < end; y++) {
                int d = (int) sorted[y];
                if (!exact[d] && p.slotOf(h, d) < 0) wanted[d] = h + 1;
            }
            for (long reach : p.doctorsWithin(h, Integer.MAX_VALUE)) {
                if (wanted[(int) reach] != h + 1) continue;
                households[n] = h;
                packed[n++] = reach;
            }
        }
        boolean unchained = components.stream().anyMatch(hh -> hh.length > unchainedAbove);
        if (n == 0 && !unchained) return null;
        long before = st.objective()[4];
        MatchState wider = n == 0
                ? st // no pair to add: the chains run over the rows as they are (in place)
                : RoomLeft.onRows(st, p.withExtraPairs(Arrays.copyOf(households, n), Arrays.copyOf(packed, n)));
        for (int[] hh : components) {
            if (n == 0 && hh.length <= unchainedAbove) continue; // chained before the bound, rows unchanged
            long served = StagedSolver.served(wider, hh)[4];
            new ChainSearch(wider, hh).withDescent(hh).fill(hh, 4, served, Long.MAX_VALUE);
        }
        if (wider != st && wider.objective()[4] == before) return null;
        // the chains moved households without regard to their trips: local search brings them closer (it never
        // unseats anybody)
        new HeuristicSolver(wider, chainNodes, chainWork)
                .polish(StagedSolver.POLISH_PASSES, fr.traitant.engine.matching.ProgressListener.NONE);
        return wider;
    }
}
