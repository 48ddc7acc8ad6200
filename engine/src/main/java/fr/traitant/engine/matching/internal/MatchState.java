package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Mutable assignment of households to doctors over a {@link ProblemIndex}: for each household its
 * slot (hence doctor and travel time) or -1, each doctor's remaining capacity and its members.
 * Not thread-safe.
 */
public final class MatchState {

    public final ProblemIndex p;
    /** Slot of each household, -1 when unserved. */
    public final int[] slot;

    public final int[] remaining;
    /** Current capacity of each doctor (starts at the index's, changed by {@link #setCapacity}). */
    private final int[] capacity;

    private final int[][] members;
    private final int[] memberCount;
    private final int[] position;
    /** Running objective: people served per class (0..4) and person-centiminutes (5). */
    private final long[] running = new long[6];
    /** Pairs that may no longer be used (declined or refused), by slot. */
    public final boolean[] forbidden;

    public MatchState(ProblemIndex p) {
        this.p = p;
        int nh = p.householdCount(), nd = p.doctorCount();
        slot = new int[nh];
        Arrays.fill(slot, -1);
        remaining = Arrays.copyOf(p.capacity, nd);
        capacity = Arrays.copyOf(p.capacity, nd);
        members = new int[nd][];
        memberCount = new int[nd];
        position = new int[nh];
        forbidden = new boolean[p.slotDoctor.length];
    }

    /** The doctors reachable by these households through pairs not forbidden, sorted and distinct. */
    public int[] doctorsOf(int[] hh) {
        int[] ds = new int[16];
        int n = 0;
        for (int h : hh)
            for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
                if (forbidden[s]) continue;
                if (n == ds.length) ds = Arrays.copyOf(ds, n * 2);
                ds[n++] = p.slotDoctor[s];
            }
        return Arrays.stream(ds, 0, n).sorted().distinct().toArray();
    }

    /**
     * Places of each doctor {@code ds} (sorted, from {@link #doctorsOf}) available to the households {@code hh}:
     * the remaining places plus those the households themselves hold now.
     */
    public int[] capacityFor(int[] hh, int[] ds) {
        int[] cap = new int[ds.length];
        for (int j = 0; j < ds.length; j++) cap[j] = remaining[ds[j]];
        for (int h : hh) if (slot[h] >= 0) cap[Arrays.binarySearch(ds, doctorOf(h))] += p.size[h];
        return cap;
    }

    public int doctorOf(int h) {
        int s = slot[h];
        return s < 0 ? -1 : p.slotDoctor[s];
    }

    public void assign(int h, int s) {
        if (slot[h] >= 0) throw new IllegalStateException("household already assigned");
        int d = p.slotDoctor[s];
        if (remaining[d] < p.size[h]) throw new IllegalStateException("capacity exceeded");
        slot[h] = s;
        remaining[d] -= p.size[h];
        running[p.priority[h] - 1] += p.size[h];
        running[5] += (long) p.size[h] * p.slotCm[s];
        int[] m = members[d];
        if (m == null) m = members[d] = new int[4];
        else if (memberCount[d] == m.length) m = members[d] = Arrays.copyOf(m, m.length * 2);
        position[h] = memberCount[d];
        m[memberCount[d]++] = h;
    }

    public void unassign(int h) {
        int s = slot[h];
        if (s < 0) return;
        int d = p.slotDoctor[s];
        remaining[d] += p.size[h];
        running[p.priority[h] - 1] -= p.size[h];
        running[5] -= (long) p.size[h] * p.slotCm[s];
        int[] m = members[d];
        int pos = position[h];
        int last = m[--memberCount[d]];
        m[pos] = last;
        position[last] = pos;
        slot[h] = -1;
    }

    /** The slots of the households {@code hh} (-1 unserved), in their order. */
    public int[] slotsOf(int[] hh) {
        int[] out = new int[hh.length];
        for (int i = 0; i < hh.length; i++) out[i] = slot[hh[i]];
        return out;
    }

    /** Puts the households {@code hh} at {@code slots} (-1: unserved), whatever they held before. */
    public void reassign(int[] hh, int[] slots) {
        for (int h : hh) unassign(h);
        for (int i = 0; i < hh.length; i++) if (slots[i] >= 0) assign(hh[i], slots[i]);
    }

    public int memberCount(int d) {
        return memberCount[d];
    }

    /** The i-th member of d (order changes as members come and go). */
    public int member(int d, int i) {
        return members[d][i];
    }

    /** Members of d, copied. */
    public int[] membersOf(int d) {
        return members[d] == null ? new int[0] : Arrays.copyOf(members[d], memberCount[d]);
    }

    /** Best free slot of h (nearest doctor with room, not forbidden), or -1. */
    public int bestFreeSlot(int h) {
        int size = p.size[h];
        for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
            if (!forbidden[s] && remaining[p.slotDoctor[s]] >= size) return s;
        }
        return -1;
    }

    /**
     * Changes a doctor's capacity. Remaining places may become negative (the doctor then has more
     * people than places); the caller removes members until they are not.
     */
    public void setCapacity(int d, int newCapacity) {
        if (newCapacity < 0) throw new IllegalArgumentException("capacity must be >= 0");
        remaining[d] += newCapacity - capacity[d];
        capacity[d] = newCapacity;
    }

    public int capacity(int d) {
        return capacity[d];
    }

    /** Deep copy. */
    public MatchState copy() {
        MatchState c = new MatchState(p);
        System.arraycopy(forbidden, 0, c.forbidden, 0, forbidden.length);
        for (int d = 0; d < capacity.length; d++) c.setCapacity(d, capacity[d]);
        for (int h = 0; h < slot.length; h++) if (slot[h] >= 0) c.assign(h, slot[h]);
        return c;
    }

    /** People served per priority class (index 0 = priority 1) and total person-centiminutes at index 5. */
    public long[] objective() {
        return running.clone();
    }

    /** Lexicographic comparison of objectives: negative when a is better than b. */
    public static int compare(long[] a, long[] b) {
        for (int i = 0; i < 5; i++) if (a[i] != b[i]) return a[i] > b[i] ? -1 : 1;
        return Long.compare(a[5], b[5]);
    }

    /** Whether a household of a class below priority {@code k + 1} holds a place among hh (one that can make room). */
    boolean lowerClassServed(int[] hh, int k) {
        for (int h : hh) if (p.priority[h] > k + 1 && slot[h] >= 0) return true;
        return false;
    }

    /** The unserved households of priority {@code k + 1} among hh, in rank order. */
    int[] waiting(int[] hh, int k) {
        return Arrays.stream(hh)
                .filter(h -> p.priority[h] == k + 1 && slot[h] < 0)
                .boxed()
                .sorted((a, b) -> Integer.compare(p.rank[a], p.rank[b]))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
