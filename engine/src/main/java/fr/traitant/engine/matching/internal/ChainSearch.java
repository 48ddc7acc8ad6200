package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Serves more people of one priority class by chains of whole-household moves, found by breadth-first search over
 * (doctor, places still to free) states — the household-sized version of an augmenting path. To seat household h0
 * at doctor d1 lacking n places, a household of at least n people at d1 moves to one of its other eligible doctors,
 * which may in turn lack places, and so on until a doctor has room; optionally the last link may instead set aside a
 * household of a lower class. A smaller household leaving for a doctor with room lowers the places still to free at
 * the same doctor (a side move). Nobody of class k or above loses their place.
 *
 * <p>Searches run in phases, like Hopcroft and Karp's matching algorithm: one breadth-first search starts from every
 * unserved household of the class at once, and each time it reaches a doctor with room the chain is re-checked on the
 * current places and applied; the search then goes on, skipping the states of doctors changed in the phase. Phases
 * repeat until one applies nothing, so one phase costs at most the eligible pairs of the scope times the largest
 * household size, and a phase that finds nothing proves that no chain of this shape is left.
 */
final class ChainSearch {

    private final MatchState st;
    private final ProblemIndex p;
    private final int maxNeed;
    /** Local number of each global doctor, -1 outside the scope. */
    private final int[] local;
    private final int[] ds;
    // per state (local doctor × need): visited mark (phase number), parent state, moved household, its new slot
    private final int[] seen, parentState, movedHousehold, movedSlot;
    /** Phase in which each local doctor was changed by an applied chain. */
    private final int[] touched;
    /**
     * Per local doctor: phase and smallest need expanded in it. A state (d, n) with n at least that need has nothing
     * new to offer: the households it could move out of d are among those the smaller need could.
     */
    private final int[] expandedPhase, expandedNeed;
    private int phase;
    private int[] queue;

    ChainSearch(MatchState st, int[] hh) {
        this.st = st;
        this.p = st.p;
        this.ds = st.doctorsOf(hh);
        local = new int[p.doctorCount()];
        Arrays.fill(local, -1);
        for (int j = 0; j < ds.length; j++) local[ds[j]] = j;
        int m = 1;
        for (int h : hh) m = Math.max(m, p.size[h]);
        maxNeed = m;
        int states = ds.length * (maxNeed + 1);
        seen = new int[states];
        parentState = new int[states];
        movedHousehold = new int[states];
        movedSlot = new int[states];
        touched = new int[ds.length];
        expandedPhase = new int[ds.length];
        expandedNeed = new int[ds.length];
        queue = new int[Math.max(16, states)];
    }

    /**
     * Seats unserved households of priority {@code k + 1} among {@code hh} until {@code target} people of that class
     * are served or no chain is left: phases of moves only, and when a phase finds nothing, a phase that lets a lower
     * class make room. Returns the people of the class served at the end.
     */
    long fill(int[] hh, int k, long served, long target) {
        int[] candidates = Arrays.stream(hh).filter(h -> p.priority[h] == k + 1 && st.slot[h] < 0).boxed()
                .sorted((a, b) -> Integer.compare(p.rank[a], p.rank[b])).mapToInt(Integer::intValue).toArray();
        boolean evict = false;
        while (served < target) {
            long gained = phase(candidates, k, evict, target - served);
            served += gained;
            if (gained > 0) {
                evict = false;
                candidates = Arrays.stream(candidates).filter(h -> st.slot[h] < 0).toArray();
            } else if (!evict) {
                evict = true;
            } else {
                break;
            }
        }
        return served;
    }

    /** Marks the doctors of the states the last phase visited (after a fruitless phase: every state reachable). */
    void markReached(boolean[] reached) {
        for (int state = 0; state < seen.length; state++) if (seen[state] == phase) reached[ds[state / (maxNeed + 1)]] = true;
    }

    /** One phase: a breadth-first search from every candidate at once. Returns the people seated. */
    private long phase(int[] candidates, int k, boolean evict, long wanted) {
        phase++;
        long gained = 0;
        int head = 0, tail = 0;
        for (int h0 : candidates) {
            if (gained >= wanted) return gained;
            int size0 = p.size[h0];
            int direct = -1;
            for (int s = p.slotStart[h0]; s < p.slotStart[h0 + 1]; s++) {
                int j = local[p.slotDoctor[s]];
                if (!st.forbidden[s] && j >= 0 && st.remaining[p.slotDoctor[s]] >= size0) {
                    direct = s;
                    break;
                }
            }
            if (direct >= 0) {
                st.assign(h0, direct);
                touched[local[p.slotDoctor[direct]]] = phase;
                gained += size0;
                continue;
            }
            for (int s = p.slotStart[h0]; s < p.slotStart[h0 + 1]; s++) {
                if (st.forbidden[s]) continue;
                int d = p.slotDoctor[s];
                int j = local[d];
                if (j < 0 || touched[j] == phase) continue;
                int need = size0 - st.remaining[d];
                if (need > maxNeed) continue;
                int state = j * (maxNeed + 1) + need;
                if (seen[state] == phase) continue;
                seen[state] = phase;
                parentState[state] = -1;
                movedHousehold[state] = h0;
                movedSlot[state] = s;
                queue[tail++] = state;
            }
        }
        while (head < tail && gained < wanted) {
            int state = queue[head++];
            int j = state / (maxNeed + 1);
            if (touched[j] == phase) continue;
            int d = ds[j];
            int need = state % (maxNeed + 1);
            if (expandedPhase[j] == phase && expandedNeed[j] <= need) continue;
            expandedPhase[j] = phase;
            expandedNeed[j] = need;
            int count = st.memberCount(d);
            members:
            for (int i = 0; i < count; i++) {
                int m = st.member(d, i);
                int sm = p.size[m];
                if (sm < need) {
                    // a smaller household leaves for a doctor with room (or, when a lower class may make room, is set
                    // aside): fewer places still to free here
                    if (evict && p.priority[m] > k + 1) {
                        int next = j * (maxNeed + 1) + (need - sm);
                        if (seen[next] != phase) {
                            seen[next] = phase;
                            parentState[next] = state;
                            movedHousehold[next] = m;
                            movedSlot[next] = -1;
                            queue[tail++] = next;
                        }
                        continue;
                    }
                    for (int s = p.slotStart[m]; s < p.slotStart[m + 1]; s++) {
                        int d2 = p.slotDoctor[s];
                        if (st.forbidden[s] || d2 == d || st.remaining[d2] < sm || local[d2] < 0) continue;
                        int next = j * (maxNeed + 1) + (need - sm);
                        if (seen[next] == phase) break;
                        seen[next] = phase;
                        parentState[next] = state;
                        movedHousehold[next] = m;
                        movedSlot[next] = s;
                        queue[tail++] = next;
                        break;
                    }
                    continue;
                }
                if (evict && p.priority[m] > k + 1) {
                    long g = apply(state, m, -1);
                    if (g > 0) {
                        gained += g;
                        break;
                    }
                    continue;
                }
                for (int s = p.slotStart[m]; s < p.slotStart[m + 1]; s++) {
                    int d2 = p.slotDoctor[s];
                    if (st.forbidden[s] || d2 == d) continue;
                    int j2 = local[d2];
                    if (j2 < 0) continue;
                    if (st.remaining[d2] >= sm) {
                        long g = apply(state, m, s);
                        if (g > 0) {
                            gained += g;
                            break members;
                        }
                        continue;
                    }
                    if (touched[j2] == phase) continue;
                    int need2 = sm - st.remaining[d2];
                    if (need2 > maxNeed) continue;
                    int next = j2 * (maxNeed + 1) + need2;
                    if (seen[next] == phase) continue;
                    seen[next] = phase;
                    parentState[next] = state;
                    movedHousehold[next] = m;
                    movedSlot[next] = s;
                    queue[tail++] = next;
                }
            }
        }
        return gained;
    }

    /**
     * Applies the chain ending at {@code state} with household m leaving for slot {@code last} (-1: set aside), if it is
     * still valid: its first household still unserved, every other household still at the doctor the search saw it
     * at, no household twice, and every doctor entered having room at its turn (checked on the current places, from
     * the end of the chain back). Returns the people seated (the first household's size), 0 when not applied.
     */
    private long apply(int state, int m, int last) {
        int length = 0;
        for (int x = state; x >= 0; x = parentState[x]) length++;
        int[] hs = new int[length + 1], slots = new int[length + 1], from = new int[length + 1];
        hs[0] = m;
        slots[0] = last;
        from[0] = ds[state / (maxNeed + 1)];
        int i = 1;
        for (int x = state; x >= 0; x = parentState[x]) {
            hs[i] = movedHousehold[x];
            slots[i] = movedSlot[x];
            from[i++] = parentState[x] < 0 ? -1 : ds[parentState[x] / (maxNeed + 1)];
        }
        int h0 = hs[length];
        if (st.slot[h0] >= 0) return 0;
        for (int j = 0; j < length; j++) if (st.doctorOf(hs[j]) != from[j]) return 0;
        int[] movers = hs.clone();
        Arrays.sort(movers);
        for (int j = 1; j < movers.length; j++) if (movers[j] == movers[j - 1]) return 0;
        // places of the doctors on the chain as the moves happen, from the end of the chain back
        int[] doctor = new int[2 * (length + 1)], places = new int[doctor.length];
        int n = 0;
        for (int j = 0; j <= length; j++) {
            int size = p.size[hs[j]];
            if (from[j] >= 0) {
                int a = find(doctor, n, from[j]);
                if (a < 0) {
                    doctor[n] = from[j];
                    places[n] = st.remaining[from[j]];
                    a = n++;
                }
                places[a] += size;
            }
            if (slots[j] >= 0) {
                int d = p.slotDoctor[slots[j]];
                int a = find(doctor, n, d);
                if (a < 0) {
                    doctor[n] = d;
                    places[n] = st.remaining[d];
                    a = n++;
                }
                if (places[a] < size) return 0;
                places[a] -= size;
            }
        }
        for (int j = 0; j <= length; j++) {
            int h = hs[j];
            if (from[j] >= 0) touched[local[from[j]]] = phase;
            st.unassign(h);
            if (slots[j] >= 0) {
                st.assign(h, slots[j]);
                touched[local[p.slotDoctor[slots[j]]]] = phase;
            }
        }
        return p.size[h0];
    }

    private static int find(int[] doctor, int n, int d) {
        for (int a = 0; a < n; a++) if (doctor[a] == d) return a;
        return -1;
    }
}
