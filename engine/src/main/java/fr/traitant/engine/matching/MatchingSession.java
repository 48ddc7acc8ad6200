package fr.traitant.engine.matching;

import fr.traitant.engine.matching.internal.HeuristicSolver;
import fr.traitant.engine.matching.internal.MatchState;
import fr.traitant.engine.matching.internal.ProblemIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A solved matching that can be re-matched incrementally as doctors decline and households
 * refuse. Not thread-safe: callers serialise access (one session per zone and matching run).
 *
 * <p>Incremental re-matching keeps every other proposal when it can: the affected household is
 * placed at its nearest open doctor with room; failing that, through a short ejection chain (a few
 * other households move to another eligible doctor, reported as changes); failing that, by taking
 * the place of strictly lower-priority households (who are re-placed the same way, or reported
 * unserved). Places freed at the doctor are then offered to unserved households in priority order.
 * Each re-match is a local repair: the result is not re-optimised globally (run
 * {@link Matcher#solve} again for that, e.g. nightly).
 */
public final class MatchingSession {

    private final MatchState st;
    private final ProblemIndex p;
    private final SolveStatistics statistics;
    private final HeuristicSolver local;

    MatchingSession(MatchState st, SolveStatistics statistics) {
        this.st = st;
        this.p = st.p;
        this.statistics = statistics;
        this.local = new HeuristicSolver(st, Matcher.CHAIN_NODES, Matcher.CHAIN_WORK);
    }

    /** Snapshot of the current assignment (O(households)). */
    public MatchingResult result() {
        return new MatchingResult(st, statistics);
    }

    /** Current objective (O(households)). */
    public Objective objective() {
        return MatchingResult.objectiveOf(st);
    }

    public SolveStatistics statistics() {
        return statistics;
    }

    /** The doctor currently proposed to a household, if any (O(1)). */
    public Optional<String> doctorOf(String householdId) {
        int d = st.doctorOf(household(householdId));
        return d < 0 ? Optional.empty() : Optional.of(p.doctors[d].id());
    }

    /** The doctor declines the household: the pair is never proposed again; the household is re-placed. */
    public RematchOutcome declineByDoctor(String doctorId, String householdId) {
        return forbidPair(household(householdId), doctor(doctorId));
    }

    /** The household refuses the doctor: the pair is never proposed again; the household is re-placed. */
    public RematchOutcome refuseByHousehold(String householdId, String doctorId) {
        return forbidPair(household(householdId), doctor(doctorId));
    }

    /** The household leaves the matching (found a doctor by itself, moved away, asked to stop). */
    public RematchOutcome withdrawHousehold(String householdId) {
        int h = household(householdId);
        int[] forbid = new int[p.slotStart[h + 1] - p.slotStart[h]];
        for (int i = 0; i < forbid.length; i++) forbid[i] = p.slotStart[h] + i;
        return rematch(h, forbid, false);
    }

    /**
     * The doctor leaves the matching (retires, moves, stops accepting): capacity 0. Its households
     * are re-placed as after a decline; nobody is proposed to it any more (until
     * {@link #changeCapacity} raises its capacity again).
     */
    public RematchOutcome withdrawDoctor(String doctorId) {
        return changeCapacity(doctorId, 0);
    }

    /**
     * The doctor's capacity (new people) changes. When it drops below the people already proposed
     * to the doctor, households leave it — lowest in the order (priority, waiting since, id) first,
     * until the rest fit — and each is re-placed as after a decline: nearest open doctor with room,
     * else an ejection chain, else the place of strictly lower-priority households. Places left
     * free at the doctor (capacity raised, or a large household left) go to unserved eligible
     * households in priority order.
     *
     * @throws IllegalArgumentException when capacity is negative
     */
    public RematchOutcome changeCapacity(String doctorId, int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0");
        int d = doctor(doctorId);
        Objective before = objective();
        HeuristicSolver.IntList log = new HeuristicSolver.IntList();
        st.setCapacity(d, capacity);
        int[] members = st.membersOf(d);
        Integer[] byRankDesc = new Integer[members.length];
        for (int i = 0; i < members.length; i++) byRankDesc[i] = members[i];
        java.util.Arrays.sort(byRankDesc, (a, b) -> Integer.compare(p.rank[b], p.rank[a]));
        List<Integer> leavers = new ArrayList<>();
        for (int h : byRankDesc) {
            if (st.remaining[d] >= 0) break;
            log.add(h);
            log.add(st.slot[h]);
            st.unassign(h);
            leavers.add(h);
        }
        local.record(log);
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> Integer.compare(p.rank[a], p.rank[b]));
        queue.addAll(leavers);
        int guard = 0;
        while (!queue.isEmpty() && guard++ < 64 + 2 * leavers.size()) {
            int e = queue.poll();
            if (st.slot[e] < 0) local.insert(e, true, queue);
        }
        fillFreedPlaces(d, log);
        local.record(null);
        return outcome(before, log);
    }

    private RematchOutcome forbidPair(int h, int d) {
        int s = p.slotOf(h, d);
        if (s < 0 || st.forbidden[s]) {
            Objective o = objective();
            return new RematchOutcome(List.of(), o, o);
        }
        return rematch(h, new int[] {s}, true);
    }

    private RematchOutcome rematch(int h, int[] forbidSlots, boolean replace) {
        Objective before = objective();
        HeuristicSolver.IntList log = new HeuristicSolver.IntList();
        int freedDoctor = -1;
        int cur = st.slot[h];
        for (int s : forbidSlots) st.forbidden[s] = true;
        if (cur >= 0 && st.forbidden[cur]) {
            freedDoctor = p.slotDoctor[cur];
            log.add(h);
            log.add(cur);
            st.unassign(h);
        }
        local.record(log);
        if (replace && st.slot[h] < 0) {
            PriorityQueue<Integer> evicted = new PriorityQueue<>((a, b) -> Integer.compare(p.rank[a], p.rank[b]));
            local.insert(h, true, evicted);
            int guard = 0;
            while (!evicted.isEmpty() && guard++ < 64) {
                int e = evicted.poll();
                if (st.slot[e] < 0) local.insert(e, true, evicted);
            }
        }
        if (freedDoctor >= 0) fillFreedPlaces(freedDoctor, log);
        local.record(null);
        return outcome(before, log);
    }

    /** Offers the free places of doctor d to unserved eligible households, in priority order. */
    private void fillFreedPlaces(int d, HeuristicSolver.IntList log) {
        for (int o : p.eligibleHouseholds(d)) {
            if (st.remaining[d] <= 0) break;
            if (st.slot[o] >= 0) continue;
            int s = p.slotOf(o, d);
            if (!st.forbidden[s] && st.remaining[d] >= p.size[o]) {
                log.add(o);
                log.add(-1);
                st.assign(o, s);
            }
        }
    }

    private RematchOutcome outcome(Objective before, HeuristicSolver.IntList log) {
        Map<Integer, Integer> firstSlot = new LinkedHashMap<>();
        for (int i = 0; i < log.n; i += 2) firstSlot.putIfAbsent(log.a[i], log.a[i + 1]);
        List<Change> changes = new ArrayList<>();
        firstSlot.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int hh = e.getKey(), was = e.getValue(), now = st.slot[hh];
            if (was == now) return;
            changes.add(new Change(
                    p.households[hh].id(),
                    was < 0 ? Optional.empty() : Optional.of(p.doctors[p.slotDoctor[was]].id()),
                    now < 0 ? Optional.empty() : Optional.of(p.doctors[p.slotDoctor[now]].id()),
                    now < 0 ? Double.NaN : p.slotRealMinutes(hh, now)));
        });
        return new RematchOutcome(changes, before, objective());
    }

    private int household(String id) {
        Integer h = p.householdIndex.get(id);
        if (h == null) throw new NoSuchElementException("unknown household " + id);
        return h;
    }

    private int doctor(String id) {
        Integer d = p.doctorIndex.get(id);
        if (d == null) throw new NoSuchElementException("unknown doctor " + id);
        return d;
    }
}
