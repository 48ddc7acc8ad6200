package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Fix-and-optimise improvement of a component too large to be solved exactly: windows of
 * neighbouring doctors are re-solved exactly, everything outside them staying fixed.
 *
 * <p>A window is a doctor and the doctors sharing the most eligible households with it (ties: doctor
 * index), added while the window's households — those the window's doctors serve and the unserved
 * households eligible for one of them — stay within {@code maxHouseholds}. These households are
 * re-assigned by {@link ExactSolver} (same lexicographic objective, deterministic work budget) among
 * all their eligible doctors, each doctor outside the window offering only its remaining capacity;
 * the new assignment is kept only when it is strictly better lexicographically, so the objective of
 * the component never gets worse. Doctors are visited in index order, round after round, until a
 * round improves nothing or {@code maxWindows} windows were solved: the result does not depend on
 * time or on the number of threads.
 */
public final class WindowSearch {

    /** Windows solved and windows that improved. */
    public record Outcome(int windows, int improved) {}

    private WindowSearch() {}

    /**
     * @param hh the component's households
     * @param maxWindows deterministic bound on the number of windows solved
     */
    public static Outcome run(MatchState st, int[] hh, int maxHouseholds, long maxWindows, long workPerWindow) {
        ProblemIndex p = st.p;
        int[] ds = st.doctorsOf(hh);
        int[] shared = new int[p.doctorCount()];
        int[] inWindow = new int[p.doctorCount()];
        int[] householdMark = new int[p.householdCount()];
        int stamp = 0;
        long windows = 0;
        int improved = 0;
        boolean again = true;
        while (again && windows < maxWindows) {
            again = false;
            for (int d : ds) {
                if (windows >= maxWindows) break;
                stamp++;
                // neighbours by shared eligible households
                int[] elig = p.eligibleHouseholds(d);
                int[] touched = new int[16];
                int nt = 0;
                for (int h : elig)
                    for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                        if (st.forbidden[s]) continue;
                        int e = p.slotDoctor[s];
                        if (e == d) continue;
                        if (shared[e]++ == 0) {
                            if (nt == touched.length) touched = Arrays.copyOf(touched, nt * 2);
                            touched[nt++] = e;
                        }
                    }
                long[] keys = new long[nt];
                for (int t = 0; t < nt; t++)
                    keys[t] = ((long) (Integer.MAX_VALUE - shared[touched[t]]) << 32) | touched[t];
                for (int t = 0; t < nt; t++) shared[touched[t]] = 0;
                Arrays.sort(keys);
                int[] window = new int[maxHouseholds];
                int[] count = {0};
                if (!addDoctor(st, d, stamp, inWindow, householdMark, window, count, maxHouseholds)) continue;
                for (long k : keys) {
                    int e = (int) k;
                    if (!addDoctor(st, e, stamp, inWindow, householdMark, window, count, maxHouseholds)) break;
                }
                if (count[0] < 2) continue;
                int[] sub = Arrays.copyOf(window, count[0]);
                Arrays.sort(sub);
                windows++;
                ExactSolver.Outcome o = ExactSolver.solve(st, sub, workPerWindow);
                if (o == null || !o.improved()) continue;
                // components run in parallel: the state's running objective is shared
                synchronized (st) {
                    for (int h : o.households()) st.unassign(h);
                    for (int i = 0; i < o.households().length; i++)
                        if (o.slots()[i] >= 0) st.assign(o.households()[i], o.slots()[i]);
                }
                improved++;
                again = true;
            }
        }
        return new Outcome((int) windows, improved);
    }

    /**
     * Adds a doctor's served households and its unserved eligible ones to the window when they fit;
     * false (window unchanged) when they do not.
     */
    private static boolean addDoctor(
            MatchState st, int d, int stamp, int[] inWindow, int[] mark, int[] window, int[] count, int max) {
        ProblemIndex p = st.p;
        int added = 0;
        int[] members = st.membersOf(d);
        int[] elig = p.eligibleHouseholds(d);
        for (int h : members) if (mark[h] != stamp) added++;
        for (int h : elig) if (mark[h] != stamp && st.slot[h] < 0 && !forbiddenFor(st, h, d)) added++;
        if (count[0] + added > max) return false;
        for (int h : members)
            if (mark[h] != stamp) {
                mark[h] = stamp;
                window[count[0]++] = h;
            }
        for (int h : elig)
            if (mark[h] != stamp && st.slot[h] < 0 && !forbiddenFor(st, h, d)) {
                mark[h] = stamp;
                window[count[0]++] = h;
            }
        inWindow[d] = stamp;
        return true;
    }

    private static boolean forbiddenFor(MatchState st, int h, int d) {
        int s = st.p.slotOf(h, d);
        return s < 0 || st.forbidden[s];
    }
}
