package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Serves more people of one priority class by chains of whole-household moves, found by breadth-first search over
 * (doctor, places still to free) states — the household-sized version of an augmenting path. To seat household h0
 * at doctor d1 lacking n places, a household of at least n people at d1 moves to one of its other eligible doctors,
 * which may in turn lack places, and so on until a doctor has room; optionally the last link may instead set aside a
 * household of a lower class. A smaller household leaving for a doctor with room lowers the places still to free at
 * the same doctor (a side move). Every state is visited once, so one search costs at most the component's eligible pairs
 * times the largest household size; unlike the heuristic's depth-limited ejection chains it finds a chain whenever
 * one of this shape exists. Nobody of class k or above loses their place.
 */
final class ChainSearch {

    private final MatchState st;
    private final ProblemIndex p;
    private final int[] ds;
    private final int maxNeed;
    // per state (local doctor × need): visited mark (search number), parent state, moved household, its new slot
    private final int[] seen, parentState, movedHousehold, movedSlot;
    private int search;
    private int[] queue;

    ChainSearch(MatchState st, int[] hh) {
        this.st = st;
        this.p = st.p;
        this.ds = st.doctorsOf(hh);
        int m = 1;
        for (int h : hh) m = Math.max(m, p.size[h]);
        maxNeed = m;
        int states = ds.length * (maxNeed + 1);
        seen = new int[states];
        parentState = new int[states];
        movedHousehold = new int[states];
        movedSlot = new int[states];
        queue = new int[Math.max(16, states)];
    }

    /**
     * Tries to seat each unserved household of priority {@code k + 1} among {@code hh}, in rank order, until
     * {@code target} people of that class are served or none can be; first by moves only, then letting a lower class
     * make room. Returns the people of the class served at the end.
     */
    long fill(int[] hh, int k, long served, long target) {
        int[] candidates = Arrays.stream(hh).filter(h -> p.priority[h] == k + 1 && st.slot[h] < 0).boxed()
                .sorted((a, b) -> Integer.compare(p.rank[a], p.rank[b])).mapToInt(Integer::intValue).toArray();
        for (int h : candidates) {
            if (served >= target) break;
            if (insert(h, k, false) || insert(h, k, true)) served += p.size[h];
        }
        return served;
    }

    private int local(int d) {
        return Arrays.binarySearch(ds, d);
    }

    private boolean insert(int h0, int k, boolean evictLower) {
        int size0 = p.size[h0];
        for (int s = p.slotStart[h0]; s < p.slotStart[h0 + 1]; s++) {
            if (!st.forbidden[s] && st.remaining[p.slotDoctor[s]] >= size0) {
                st.assign(h0, s);
                return true;
            }
        }
        search++;
        int head = 0, tail = 0;
        for (int s = p.slotStart[h0]; s < p.slotStart[h0 + 1]; s++) {
            if (st.forbidden[s]) continue;
            int d = p.slotDoctor[s];
            int need = size0 - st.remaining[d];
            if (need > maxNeed) continue;
            int state = local(d) * (maxNeed + 1) + need;
            if (seen[state] == search) continue;
            seen[state] = search;
            parentState[state] = -1;
            movedHousehold[state] = h0;
            movedSlot[state] = s;
            queue[tail++] = state;
        }
        while (head < tail) {
            int state = queue[head++];
            int d = ds[state / (maxNeed + 1)];
            int need = state % (maxNeed + 1);
            int count = st.memberCount(d);
            for (int i = 0; i < count; i++) {
                int m = st.member(d, i);
                int sm = p.size[m];
                if (m == h0) continue;
                if (sm < need) {
                    // a smaller household leaves for a doctor with room: fewer places still to free here
                    for (int s = p.slotStart[m]; s < p.slotStart[m + 1]; s++) {
                        int d2 = p.slotDoctor[s];
                        if (st.forbidden[s] || d2 == d || st.remaining[d2] < sm) continue;
                        int next = local(d) * (maxNeed + 1) + (need - sm);
                        if (seen[next] == search) break;
                        seen[next] = search;
                        parentState[next] = state;
                        movedHousehold[next] = m;
                        movedSlot[next] = s;
                        queue[tail++] = next;
                        break;
                    }
                    continue;
                }
                if (evictLower && p.priority[m] > k + 1) {
                    if (apply(state, m, -1)) return true;
                    continue;
                }
                for (int s = p.slotStart[m]; s < p.slotStart[m + 1]; s++) {
                    int d2 = p.slotDoctor[s];
                    if (st.forbidden[s] || d2 == d) continue;
                    if (st.remaining[d2] >= sm) {
                        if (apply(state, m, s)) return true;
                        continue;
                    }
                    int need2 = sm - st.remaining[d2];
                    if (need2 > maxNeed) continue;
                    int next = local(d2) * (maxNeed + 1) + need2;
                    if (seen[next] == search) continue;
                    seen[next] = search;
                    parentState[next] = state;
                    movedHousehold[next] = m;
                    movedSlot[next] = s;
                    queue[tail++] = next;
                }
            }
        }
        return false;
    }

    /**
     * Applies the chain ending at {@code state} with household m leaving for slot {@code last} (-1: set aside), if no
     * doctor is entered twice and no household moves twice in it (the places counted along the chain would then be wrong). Returns whether applied.
     */
    private boolean apply(int state, int m, int last) {
        int length = 0;
        for (int x = state; x >= 0; x = parentState[x]) length++;
        int[] hs = new int[length + 1], slots = new int[length + 1];
        hs[0] = m;
        slots[0] = last;
        int i = 1;
        for (int x = state; x >= 0; x = parentState[x]) {
            hs[i] = movedHousehold[x];
            slots[i++] = movedSlot[x];
        }
        // doctors entered along the chain must be distinct
        int[] entered = new int[length + 1];
        int n = 0;
        for (int j = 0; j <= length; j++) if (slots[j] >= 0) entered[n++] = p.slotDoctor[slots[j]];
        int[] sorted = Arrays.copyOf(entered, n);
        Arrays.sort(sorted);
        for (int j = 1; j < n; j++) if (sorted[j] == sorted[j - 1]) return false;
        // …and so must the households moved
        int[] movers = hs.clone();
        Arrays.sort(movers);
        for (int j = 1; j < movers.length; j++) if (movers[j] == movers[j - 1]) return false;
        // from the end of the chain (the doctor with room) back to the household being seated
        for (int j = 0; j <= length; j++) {
            int h = hs[j];
            st.unassign(h);
            if (slots[j] >= 0) st.assign(h, slots[j]);
        }
        return true;
    }
}
