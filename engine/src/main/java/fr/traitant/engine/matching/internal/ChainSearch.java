package fr.traitant.engine.matching.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Serves more people of one priority class by chains of whole-household moves, found by breadth-first search over
 * (doctor, places still to free) states — the household-sized version of an augmenting path. To seat household h0
 * at doctor d1 lacking n places, a household of at least n people at d1 moves to one of its other eligible doctors,
 * which may in turn lack places, and so on until a doctor has room; optionally the last link may instead set aside a
 * household of a lower class. A smaller household leaving for a doctor with room lowers the places still to free at
 * the same doctor (a side move). Nobody of a class above k loses their place; a household of class k only when a
 * larger one of the class takes it, so that the class gains people ({@link #SET_ASIDE_PHASES}, {@link SameClassUpgrade}).
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
    /**
     * Per state: people of the household the chain seats, and people of its class the chain sets aside so far (a chain
     * may set aside smaller households of the class it seats only while it still serves more people of the class).
     */
    private final int[] rootSize, asideSum;
    /** Phase in which each local doctor was changed by an applied chain. */
    private final int[] touched;
    /**
     * Per local doctor: phase and smallest need expanded in it. A state (d, n) with n at least that need has nothing
     * new to offer: the households it could move out of d are among those the smaller need could.
     */
    private final int[] expandedPhase, expandedNeed;

    private int phase;
    private int[] queue;
    /** Chains checked so far, and per local doctor the places it would have in the chain being checked. */
    private int applied;

    private final int[] placesMark, placesLeft;
    /** Per local doctor: the gathering phase in which it is a target. Chains applied so far. */
    private final int[] target;

    private int moves;
    /** The labels' search when asked for ({@link #withDescent}), kept for every class. */
    private @Nullable ChainDescent descent;

    /** Per household: the chain check it was last seen in. */
    private final int[] onChain;

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
        rootSize = new int[states];
        asideSum = new int[states];
        touched = new int[ds.length];
        expandedPhase = new int[ds.length];
        expandedNeed = new int[ds.length];
        placesMark = new int[ds.length];
        placesLeft = new int[ds.length];
        onChain = new int[p.householdCount()];
        target = new int[ds.length];
        queue = new int[Math.max(16, states)];
    }

    /**
     * Runs {@link ChainDescent}'s phases before the forward phases of each class: for the components above the exact
     * limit, where the forward phases alone needed hundreds of phases (ADR 0079). Not for the staged solver and the
     * rounding, whose chains go up to a known bound: there the forward phases' shortest chains keep trips shorter
     * (Bouches-du-Rhône, 10,000 households: 87,797.86 person-minutes with descents in all three, 81,539.26 without).
     */
    ChainSearch withDescent(int[] hh) {
        descent = new ChainDescent(st, hh, ds, local, maxNeed);
        return this;
    }

    /**
     * Seats unserved households of priority {@code k + 1} among {@code hh} until {@code target} people of that class
     * are served or no chain is left: phases of moves only, and when a phase finds nothing, a phase that lets a lower
     * class make room (or, a few times, smaller households of the class, when that serves more people of it). Returns
     * the people of the class served at the end.
     */
    long fill(int[] hh, int k, long served, long target) {
        return fill(hh, k, served, target, GATHER_PHASES);
    }

    /** {@link #fill(int[], int, long, long)} with at most {@code gatherPhases} gathering phases (0: none). */
    long fill(int[] hh, int k, long served, long target, int gatherPhases) {
        // plain chains first, as many a phase as the labels allow; the phases below then find the other shapes
        if (descent != null) served = descent.seatAll(hh, k, served, target);
        int[] candidates = st.waiting(hh, k);
        boolean evict = false;
        int gathers = 0, asidePhases = 0;
        boolean lower = st.lowerClassServed(hh, k);
        while (served < target) {
            long gained = phase(candidates, k, evict, target - served);
            served += gained;
            if (gained > 0) {
                // a phase that could set aside only smaller households of the class also finds every plain chain:
                // the next one may set aside again, within the limit (ADR 0085)
                evict = evict && !lower && asidePhases++ < SET_ASIDE_PHASES;
                // households of the class set aside by the phase wait again, in rank order
                candidates = st.waiting(hh, k);
                // a gathering after every phase that seated somebody, not only once a phase seats nobody: the phases
                // that only confirmed "nothing left" before each gathering are saved (ADR 0084)
                if (served < target && gathers < gatherPhases && gather(candidates)) gathers++;
            } else if (!evict && lower) {
                evict = true;
            } else if (!evict && asidePhases < SET_ASIDE_PHASES && hasFamily(candidates)) {
                // nobody below the class: only smaller households of the class can be set aside, a few times
                asidePhases++;
                evict = true;
            } else if (gathers < gatherPhases && gather(candidates)) {
                // places moved toward families: the next phase seats those whose target now has room
                gathers++;
                evict = false;
            } else {
                break;
            }
        }
        return served;
    }

    /**
     * Phases that move one place at a time toward unserved households of several people (see {@link #gather}) in a
     * class, at most: each is a full search. One follows every phase that seats somebody, and one every phase that
     * seats nobody (then the class ends when it moves no place). Measured on the national instance (ADR 0084), against
     * 8 gatherings each after a fruitless phase: 8 after every phase, 11 s less and 25 more people of priority 5;
     * 16, 3 s less and 233 more; 32, 10 s more and 380 more.
     */
    static final int GATHER_PHASES = 16;

    /**
     * Phases, at most, in which a chain may set aside smaller households of the class it seats when no lower class is
     * there to set aside (priority 5, or the lowest class present): each serves more people of the class (ADR 0085).
     * Such a phase also finds every plain chain, so once they start, a phase that seats somebody is followed by another
     * of them. Measured on the national instance, people of priority 5 served: without such phases 172,474; 16 of them,
     * each followed by a plain phase, 172,880 in 116 s or more; 16 in a row 172,821 (105 s); 32 in a row 172,868 (92 s,
     * against 84–89 s for the run without them).
     */
    static final int SET_ASIDE_PHASES = 32;

    /**
     * A chain needs a household at least as large as the places still to free at every doctor it goes through, so a
     * couple or a family is rarely seated by one chain where single people fill every doctor around. The relaxation
     * would seat it one person at a time; this phase does the same with places: for every unserved household of the
     * class of more than one person, its doctor with the most places (the nearest among equals) is a target, and one
     * search from every target at once moves households out of the targets by chains ending at a doctor with room
     * (never at a target): nobody is seated and nobody loses a place, the places move. The next phase seats the
     * households whose target has enough room. Returns true when a chain moved places.
     */
    private boolean gather(int[] candidates) {
        phase++;
        int head = 0, tail = 0;
        for (int h0 : candidates) {
            if (p.size[h0] < 2 || st.slot[h0] >= 0) continue;
            int best = -1;
            for (int s = p.slotStart[h0]; s < p.slotStart[h0 + 1]; s++) {
                int j = local[p.slotDoctor[s]];
                if (st.forbidden[s] || j < 0) continue;
                if (best < 0 || st.remaining[p.slotDoctor[s]] > st.remaining[ds[best]]) best = j;
            }
            if (best < 0) continue;
            target[best] = phase;
            int state = best * (maxNeed + 1) + 1;
            if (seen[state] == phase) continue;
            seen[state] = phase;
            parentState[state] = -1;
            movedHousehold[state] = -1;
            movedSlot[state] = -1;
            rootSize[state] = 0;
            asideSum[state] = 0;
            queue[tail++] = state;
        }
        int before = moves;
        search(head, tail, -1, false, Long.MAX_VALUE);
        return moves > before;
    }

    private boolean hasFamily(int[] candidates) {
        for (int h : candidates) if (p.size[h] > 1 && st.slot[h] < 0) return true;
        return false;
    }

    /** Marks the doctors of the states the last phase visited (after a fruitless phase: every state reachable). */
    void markReached(boolean[] reached) {
        for (int state = 0; state < seen.length; state++)
            if (seen[state] == phase) reached[ds[state / (maxNeed + 1)]] = true;
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
                rootSize[state] = size0;
                asideSum[state] = 0;
                queue[tail++] = state;
            }
        }
        return gained + search(head, tail, k, evict, wanted - gained);
    }

    /**
     * The breadth-first search of a phase from the states already queued ({@code queue[head..tail)}); {@code k} the
     * class seated, -1 when the roots are targets of {@link #gather} (no lower class set aside, no chain ending at a
     * target). Returns the people seated.
     */
    private long search(int head, int tail, int k, boolean evict, long wanted) {
        long gained = 0;
        boolean gathering = k < 0;
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
                    if (evict && mayBeSetAside(state, m, k)) {
                        int next = j * (maxNeed + 1) + (need - sm);
                        if (seen[next] != phase) {
                            seen[next] = phase;
                            parentState[next] = state;
                            movedHousehold[next] = m;
                            movedSlot[next] = -1;
                            rootSize[next] = rootSize[state];
                            asideSum[next] = asideSum[state] + (p.priority[m] == k + 1 ? sm : 0);
                            queue[tail++] = next;
                        }
                        continue;
                    }
                    for (int s = p.slotStart[m]; s < p.slotStart[m + 1]; s++) {
                        int d2 = p.slotDoctor[s];
                        if (st.forbidden[s] || d2 == d || st.remaining[d2] < sm || local[d2] < 0) continue;
                        if (gathering && target[local[d2]] == phase) continue;
                        int next = j * (maxNeed + 1) + (need - sm);
                        if (seen[next] == phase) break;
                        seen[next] = phase;
                        parentState[next] = state;
                        movedHousehold[next] = m;
                        movedSlot[next] = s;
                        rootSize[next] = rootSize[state];
                        asideSum[next] = asideSum[state];
                        queue[tail++] = next;
                        break;
                    }
                    continue;
                }
                if (evict && mayBeSetAside(state, m, k)) {
                    long g = apply(state, m, -1, k);
                    if (g >= 0) {
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
                        // a gathering chain never ends at a target: that would only move places between targets
                        if (gathering && target[j2] == phase) continue;
                        long g = apply(state, m, s, k);
                        if (g >= 0) {
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
                    rootSize[next] = rootSize[state];
                    asideSum[next] = asideSum[state];
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
     * the end of the chain back). Returns the people of class k gained (the first household's size less the people of
     * class k the chain sets aside; 0 for a gathering chain), -1 when not applied.
     */
    private long apply(int state, int m, int last, int k) {
        // cheap checks first, walking the chain without allocating: its first household still unserved, every other
        // household still at the doctor the search saw it at, no household twice; a gathering chain starts at its
        // target with nobody to seat
        applied++;
        if (st.doctorOf(m) != ds[state / (maxNeed + 1)] || !mark(m)) return -1;
        int length = 0;
        boolean rootless = false;
        for (int x = state; x >= 0; x = parentState[x]) {
            int h = movedHousehold[x];
            if (h < 0) {
                rootless = true;
                break;
            }
            length++;
            int at = parentState[x] < 0 ? -1 : ds[parentState[x] / (maxNeed + 1)];
            if (at >= 0 ? st.doctorOf(h) != at : st.slot[h] >= 0) return -1;
            if (!mark(h)) return -1;
        }
        int[] hs = new int[length + 1], slots = new int[length + 1], from = new int[length + 1];
        hs[0] = m;
        slots[0] = last;
        from[0] = ds[state / (maxNeed + 1)];
        int i = 1;
        for (int x = state; i <= length; x = parentState[x]) {
            hs[i] = movedHousehold[x];
            slots[i] = movedSlot[x];
            from[i++] = parentState[x] < 0 ? -1 : ds[parentState[x] / (maxNeed + 1)];
        }
        int h0 = hs[length];
        // places of the doctors on the chain as the moves happen, from the end of the chain back
        for (int j = 0; j <= length; j++) {
            int size = p.size[hs[j]];
            if (from[j] >= 0) places(local[from[j]], size);
            if (slots[j] >= 0 && places(local[p.slotDoctor[slots[j]]], -size) < 0) return -1;
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
        moves++;
        if (rootless) return 0;
        int aside = 0;
        for (int j = 0; j <= length; j++) {
            if (slots[j] < 0 && p.priority[hs[j]] == k + 1) aside += p.size[hs[j]];
        }
        return p.size[h0] - aside;
    }

    /**
     * Whether household m may be set aside by a chain at {@code state} seating class k: a lower class, or (ADR 0085) a
     * smaller household of class k when the chain still seats more people of the class than it sets aside.
     */
    private boolean mayBeSetAside(int state, int m, int k) {
        return p.priority[m] > k + 1 || (p.priority[m] == k + 1 && asideSum[state] + p.size[m] < rootSize[state]);
    }

    /** Marks household h as on the chain being checked; false when it already is. */
    private boolean mark(int h) {
        if (onChain[h] == applied) return false;
        onChain[h] = applied;
        return true;
    }

    /** Places of local doctor j in the chain being checked, after a change of {@code delta}. */
    private int places(int j, int delta) {
        if (placesMark[j] != applied) {
            placesMark[j] = applied;
            placesLeft[j] = st.remaining[ds[j]];
        }
        return placesLeft[j] += delta;
    }
}
