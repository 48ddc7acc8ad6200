package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Chains of whole-household moves found by descending distance labels, for the many chains a large component needs.
 *
 * <p>{@link ChainSearch} searches forward from the unserved households, one breadth-first tree a phase: each state of
 * that tree has one parent, so a phase seats at most one household through each state next to a doctor with room.
 * Where the places left are far from the people waiting (a national run: tens of moves between them), phases then seat
 * a few dozen households each over the whole component, and hundreds of phases are needed. Here the search runs the
 * other way once a phase: a backward breadth-first search from the doctors with room labels every state (doctor,
 * places to free) with the fewest moves that free them, and then every unserved household of the class descends the
 * labels on its own, depth-first, each move one label lower, so that a phase seats as many households as the room and
 * the labels allow. Chains applied earlier in the phase make labels stale: a state with no move one label lower takes
 * one more than its best move's label and the descent retreats (the relabelling of a shortest-augmenting-path
 * algorithm, at most as many a phase as there are states; then the state is dead for the phase). Moves are checked on the current
 * places as the descent goes (a stale label only loses a chain, never breaks one), doctors on a chain are distinct,
 * and nobody loses their place. A phase costs a few passes over the eligible pairs of the scope. Measured on the
 * national instance (ADR 0079): the class-5 chains went from about 130 phases of the forward search (64 s) to 103
 * phases of this one (15 s) and 55 of the forward search, serving 1,300 more people.
 *
 * <p>It finds chains of plain moves, and — where no lower class is left to make room — chains ending by setting aside
 * one smaller household of the class ({@link #setAside}); the side moves, the setting aside of a lower class and the
 * forward gathering of places stay with {@link ChainSearch}, which runs after it and proves that no chain of its shape
 * is left.
 */
final class ChainDescent {

    private static final int NONE = Integer.MAX_VALUE;

    /**
     * Gathering by the labels only on components above this many households (the national one): on département 13
     * ({@code MatchingFigures departement}, 10,000 households) the forward phases' gathering already reached every class's bound, and the labels' gathering
     * added a quarter to the time and 0.26 % to the person-minutes for nobody more (ADR 0085).
     */
    static final int GATHER_ABOVE = 50_000;

    private final MatchState st;
    private final ProblemIndex p;
    private final int[] ds, local;
    private final int width;
    /** Per state (local doctor × places to free): moves that free them (the label), phase in which it died. */
    private final int[] dist, dead;
    /** Per local doctor: the descent it is on the chain of. */
    private final int[] onChain;

    private final int[] queue;
    /**
     * The scope's pairs by doctor and household size: the households of size z having local doctor j in their rows
     * (pairs forbidden when the search was built left out) are {@code revHousehold[revStart[j * width + z] ..
     * revStart[j * width + z + 1])}.
     */
    private final int[] revStart, revHousehold;
    /** The scope's households, and per household (global index) the local doctor it is at (refreshed each phase). */
    private final int[] hh, at;
    /** Label changes left in this phase (retreats that found a longer way). */
    private long relabels;
    // the chain being built: per depth, its state, the member and slot iterators, the move chosen
    private int[] atState, atMember, atSlot;
    private int phase, descent;

    ChainDescent(MatchState st, int[] hh, int[] ds, int[] local, int maxNeed) {
        this.st = st;
        this.p = st.p;
        this.ds = ds;
        this.local = local;
        this.width = maxNeed + 1;
        int states = ds.length * width;
        dist = new int[states];
        dead = new int[states];
        onChain = new int[ds.length];
        queue = new int[Math.max(16, states)];
        this.hh = hh;
        at = new int[p.householdCount()];
        revStart = new int[states + 1];
        for (int h : hh)
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++)
                if (!st.forbidden[s] && local[p.slotDoctor[s]] >= 0)
                    revStart[local[p.slotDoctor[s]] * width + p.size[h] + 1]++;
        for (int x = 0; x < states; x++) revStart[x + 1] += revStart[x];
        int[] fill = Arrays.copyOf(revStart, states);
        revHousehold = new int[revStart[states]];
        for (int h : hh)
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++)
                if (!st.forbidden[s] && local[p.slotDoctor[s]] >= 0)
                    revHousehold[fill[local[p.slotDoctor[s]] * width + p.size[h]]++] = h;
        atState = new int[64];
        atMember = new int[64];
        atSlot = new int[64];
    }

    /**
     * One phase: labels, then a descent from each unserved household among {@code candidates} (priority order) until
     * {@code wanted} people are seated. Returns the people seated.
     */
    long phase(int[] candidates, long wanted) {
        phase++;
        label();
        long gained = 0;
        for (int h0 : candidates) {
            if (gained >= wanted) break;
            if (st.slot[h0] >= 0 || p.size[h0] <= asideMax) continue;
            aside = 0;
            if (seat(h0)) gained += p.size[h0] - aside;
        }
        return gained;
    }

    /**
     * Set-aside descents (ADR 0086): where no lower class is there to make room, a chain may end by setting aside one
     * household of the class seated that is smaller than the household it seats. For each size a = 1, 2, … in turn, the
     * labels count such a household of at most a people as a way to free its places in one move, and the households of
     * more than a people descend them; phases while they seat somebody, at most {@link #ASIDE_PHASES} a size. Returns the
     * people of the class gained (seated less set aside).
     */
    private long setAside(int[] hh, int k, long wanted) {
        long total = 0;
        asideClass = k;
        sizes:
        for (int a = 1; a < width - 1 && total < wanted; a++) {
            asideMax = a;
            for (int ph = 0; ph < ASIDE_PHASES && total < wanted; ph++) {
                int[] waiting = st.waiting(hh, k);
                final int limit = a;
                // nobody waiting larger than a: no root for this size or any larger one, no labels needed
                if (Arrays.stream(waiting).noneMatch(h -> p.size[h] > limit)) break sizes;
                long g = phase(waiting, wanted - total);
                if (g == 0) break;
                total += g;
            }
        }
        asideMax = 0;
        return total;
    }

    /**
     * Set-aside phases a household size, at most. Measured on the national instance (ADR 0086): with 8 or 16 the same
     * people (each size's phases end before 8).
     */
    static final int ASIDE_PHASES = 8;

    /** During {@link #setAside}: the largest household of class {@link #asideClass} a chain may set aside (0: none). */
    private int asideMax, asideClass = -1;

    /** People set aside by the last chain applied. */
    private int aside;

    private boolean mayBeSetAside(int m) {
        return asideMax > 0 && p.priority[m] == asideClass + 1 && p.size[m] <= asideMax;
    }

    /**
     * Rounds of {@link SameClassUpgrade} and set-aside descents ({@link #setAside}), each followed by the descents
     * again, a class, at most. Measured on the national instance (ADR 0086), people of priority 5 served: 2 rounds
     * 172,905; 4 rounds 172,986; 8 rounds 173,204 (alone on the machine, about the same time as 4); 16 rounds 173,274
     * (about 30 % more time than 8).
     */
    static final int UPGRADE_ROUNDS = 8;

    /**
     * A gathering by the labels ({@link #gather}) that seats fewer people than this ends the descents of a
     * class: measured on the national instance (ADR 0085), the first one of priority 5 seated 201 people in about a
     * second, the tenth 2; with every one kept, the run took about 24 s more for 14 more people.
     */
    static final int LABEL_GATHER_MIN = 32;

    /**
     * The descents of class k among hh until they seat nobody more or {@code target} people of the class are served:
     * phases; on a component above {@link #GATHER_ABOVE} households, the labels' gathering while it pays; then an
     * upgrade ({@link SameClassUpgrade}) and the descents again, at most {@link #UPGRADE_ROUNDS} times. Returns the
     * people of the class served.
     */
    long seatAll(int[] hh, int k, long served, long target) {
        int[] candidates = st.waiting(hh, k);
        boolean lowest = !st.lowerClassServed(hh, k);
        // no household waiting: no labels (a pass over every pair of the scope)
        for (int round = 0; round <= UPGRADE_ROUNDS; round++) {
            while (served < target && candidates.length > 0) {
                long gained = phase(candidates, target - served);
                // no plain chain left: places gathered toward families by the labels (ADR 0085), as long as it pays
                boolean gathered = gained == 0 && hh.length > GATHER_ABOVE;
                if (gathered) gained = gather(candidates, target - served);
                if (gained == 0) break;
                served += gained;
                candidates =
                        Arrays.stream(candidates).filter(h -> st.slot[h] < 0).toArray();
                if (gathered && gained < LABEL_GATHER_MIN) break;
            }
            if (round == UPGRADE_ROUNDS || served >= target) break;
            long gained = SameClassUpgrade.upgrade(st, local, candidates, k);
            // no class below to make room: chains ending by setting aside a smaller household of the class (ADR 0086)
            if (lowest) gained += setAside(hh, k, target - served - gained);
            if (gained == 0) break;
            served += gained;
            // the households set aside wait again, in rank order
            candidates = st.waiting(hh, k);
        }
        return served;
    }

    /**
     * One gathering phase by the labels: each unserved household of several people among {@code candidates}
     * (priority order) names its doctor with the most places (the first in its row among equals) and descends from
     * (that doctor, one place) once per place it lacks there — each descent moves one household out of the doctor by
     * a chain ending at a doctor with room — then takes the places if they are all there. Places moved toward a
     * household that could not be completed stay where they are (nobody loses a place). Returns the people seated.
     * {@link ChainSearch} calls it on components above {@link #GATHER_ABOVE} households only.
     */
    long gather(int[] candidates, long wanted) {
        phase++;
        label();
        long gained = 0;
        for (int h0 : candidates) {
            if (gained >= wanted) break;
            int size0 = p.size[h0];
            if (st.slot[h0] >= 0 || size0 < 2) continue;
            int best = -1;
            for (int s = p.slotStart[h0]; s < p.slotStart[h0 + 1]; s++) {
                int j = local[p.slotDoctor[s]];
                if (st.forbidden[s] || j < 0 || dist[j * width + 1] == NONE || dead[j * width + 1] == phase) continue;
                if (best < 0 || st.remaining[p.slotDoctor[s]] > st.remaining[p.slotDoctor[best]]) best = s;
            }
            if (best < 0) continue;
            int d = p.slotDoctor[best], state = local[d] * width + 1;
            while (st.remaining[d] < size0 && dist[state] != NONE && dead[state] != phase && descend(state, -1, -1)) {}
            if (st.remaining[d] >= size0) {
                st.assign(h0, best);
                gained += size0;
            }
        }
        return gained;
    }

    /** Backward breadth-first search from the doctors with room: {@link #dist} of every state that can be freed. */
    private void label() {
        Arrays.fill(dist, NONE);
        // one relabelling per state a phase on average (measured on the national instance: with four, the class-5
        // descents spent their budget every phase and the chains took 55 s; with one, 40–44 s and 200 more people)
        relabels = dist.length;
        for (int h : hh) at[h] = st.slot[h] < 0 ? -1 : local[p.slotDoctor[st.slot[h]]];
        int tail = 0;
        // one move: a household moves to a doctor with room for it
        for (int j2 = 0; j2 < ds.length; j2++) {
            int room = Math.min(st.remaining[ds[j2]], width - 1);
            if (room > 0) tail = relax(j2, revStart[j2 * width + 1], revStart[j2 * width + room + 1], 1, tail);
        }
        // setting aside a small household of the class frees its places in one move too (setAside only)
        if (asideMax > 0) {
            for (int j = 0; j < ds.length; j++) {
                for (int i = 0; i < st.memberCount(ds[j]); i++) {
                    int m = st.member(ds[j], i);
                    if (!mayBeSetAside(m)) continue;
                    for (int n = Math.min(p.size[m], width - 1); n >= 1; n--) {
                        int state = j * width + n;
                        if (dist[state] != NONE) break;
                        dist[state] = 1;
                        queue[tail++] = state;
                    }
                }
            }
        }
        // t + 1 moves: a household moves to a doctor that t moves free exactly the places it lacks there
        for (int head = 0; head < tail; head++) {
            int state = queue[head];
            int j2 = state / width;
            int size = state % width + Math.max(0, st.remaining[ds[j2]]);
            if (size < width)
                tail = relax(j2, revStart[j2 * width + size], revStart[j2 * width + size + 1], dist[state] + 1, tail);
        }
    }

    /**
     * The households {@code revHousehold[from .. to)} moving to local doctor j2 free up to their size at their doctors,
     * in {@code moves} moves.
     */
    private int relax(int j2, int from, int to, int moves, int tail) {
        for (int x = from; x < to; x++) {
            int m = revHousehold[x];
            int j = at[m];
            if (j < 0 || j == j2) continue;
            for (int n = Math.min(p.size[m], width - 1); n >= 1; n--) {
                int state = j * width + n;
                if (dist[state] != NONE) break; // smaller needs are labelled no later than larger ones
                dist[state] = moves;
                queue[tail++] = state;
            }
        }
        return tail;
    }

    /** Seats h0 directly or by the shortest chain its labels lead to; true when seated. */
    private boolean seat(int h0) {
        int size0 = p.size[h0];
        int best = -1, bestDist = NONE;
        for (int s = p.slotStart[h0]; s < p.slotStart[h0 + 1]; s++) {
            if (st.forbidden[s]) continue;
            int d = p.slotDoctor[s];
            int j = local[d];
            if (j < 0) continue;
            if (st.remaining[d] >= size0) {
                st.assign(h0, s);
                return true;
            }
            int need = size0 - st.remaining[d];
            if (need >= width) continue;
            int state = j * width + need;
            if (dead[state] != phase && dist[state] < bestDist) {
                bestDist = dist[state];
                best = s;
            }
        }
        if (best < 0) return false;
        // the other slots of h0 are tried by later phases: one descent per household keeps a phase linear
        int d1 = p.slotDoctor[best];
        return descend(local[d1] * width + size0 - st.remaining[d1], h0, best);
    }

    /** Depth-first descent from state {@code first} (h0 entering through {@code slot0}); applies the chain found. */
    private boolean descend(int first, int h0, int slot0) {
        descent++;
        int depth = 0;
        atState[0] = first;
        atMember[0] = 0;
        atSlot[0] = -1;
        onChain[first / width] = descent;
        while (depth >= 0) {
            int state = atState[depth];
            int j = state / width, need = state % width, d = ds[j];
            int down = dist[state] - 1;
            int next = -1;
            search:
            for (; atMember[depth] < st.memberCount(d); atMember[depth]++, atSlot[depth] = -1) {
                int m = st.member(d, atMember[depth]);
                int sm = p.size[m];
                if (sm < need) continue;
                if (atSlot[depth] < 0 && mayBeSetAside(m)) {
                    atSlot[depth] = -2;
                    apply(depth, h0, slot0);
                    return true;
                }
                int s = atSlot[depth] < 0 ? p.slotStart[m] : atSlot[depth] + 1;
                for (; s < p.slotStart[m + 1]; s++) {
                    if (st.forbidden[s]) continue;
                    int d2 = p.slotDoctor[s];
                    int j2 = local[d2];
                    if (d2 == d || j2 < 0 || onChain[j2] == descent) continue;
                    if (st.remaining[d2] >= sm) {
                        atSlot[depth] = s;
                        apply(depth, h0, slot0);
                        return true;
                    }
                    int need2 = sm - st.remaining[d2];
                    if (need2 >= width) continue;
                    int state2 = j2 * width + need2;
                    if (dead[state2] == phase || dist[state2] != down) continue;
                    atSlot[depth] = s;
                    next = state2;
                    break search;
                }
            }
            if (next < 0) {
                // no move one label lower (the labels went stale): the state's label becomes one more than its best
                // move's, as in a shortest-augmenting-path algorithm, and the descent retreats
                int label = relabels-- > 0 ? 1 + lowest(d, need) : NONE;
                if (label >= NONE || label > ds.length) {
                    dead[state] = phase;
                    label = NONE;
                }
                dist[state] = label;
                if (depth == 0 && label != NONE) {
                    // the first state itself took a longer way: its moves are scanned again against the new label
                    atMember[0] = 0;
                    atSlot[0] = -1;
                    continue;
                }
                onChain[j] = 0;
                depth--;
                continue;
            }
            if (++depth == atState.length) {
                atState = Arrays.copyOf(atState, depth * 2);
                atMember = Arrays.copyOf(atMember, depth * 2);
                atSlot = Arrays.copyOf(atSlot, depth * 2);
            }
            atState[depth] = next;
            atMember[depth] = 0;
            atSlot[depth] = -1;
            onChain[next / width] = descent;
        }
        return false;
    }

    /** The lowest label (saturated) among the states one move from state (d, need) leads to. */
    private int lowest(int d, int need) {
        int best = NONE - 1;
        for (int i = 0; i < st.memberCount(d); i++) {
            int m = st.member(d, i);
            int sm = p.size[m];
            if (sm < need) continue;
            if (mayBeSetAside(m)) return 0;
            for (int s = p.slotStart[m]; s < p.slotStart[m + 1]; s++) {
                int d2 = p.slotDoctor[s];
                int j2 = local[d2];
                if (st.forbidden[s] || d2 == d || j2 < 0 || onChain[j2] == descent) continue;
                int need2 = sm - st.remaining[d2];
                if (need2 <= 0) return 0;
                if (need2 < width && dead[j2 * width + need2] != phase) best = Math.min(best, dist[j2 * width + need2]);
            }
        }
        return best;
    }

    /**
     * Moves the chain's households from its end back (each move into places the next one freed), then seats h0 (none
     * when -1: a gathering descent).
     */
    private void apply(int depth, int h0, int slot0) {
        for (int i = depth; i >= 0; i--) {
            int m = st.member(ds[atState[i] / width], atMember[i]);
            st.unassign(m);
            if (atSlot[i] == -2) aside += p.size[m];
            else st.assign(m, atSlot[i]);
        }
        if (h0 >= 0) st.assign(h0, slot0);
    }
}
