package fr.traitant.engine.matching;

import fr.traitant.engine.matching.internal.MatchState;
import fr.traitant.engine.matching.internal.ProblemIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Immutable snapshot of an assignment: proposals, unserved households, objective, and on demand
 * explanations and shortlists.
 */
public final class MatchingResult {

    private final ProblemIndex p;
    private final int[] slot;
    private final int[] remaining;
    private final boolean[] forbidden;
    private final Objective objective;
    private final SolveStatistics statistics;
    private @Nullable List<Proposal> proposals;
    private @Nullable List<UnservedHousehold> unserved;

    MatchingResult(MatchState st, SolveStatistics statistics) {
        this.p = st.p;
        this.slot = st.slot.clone();
        this.remaining = st.remaining.clone();
        this.forbidden = st.forbidden.clone();
        this.objective = objectiveOf(st);
        this.statistics = statistics;
    }

    static Objective objectiveOf(MatchState st) {
        long[] o = st.objective();
        return new Objective(List.of(o[0], o[1], o[2], o[3], o[4]), o[5]);
    }

    public Objective objective() {
        return objective;
    }

    public SolveStatistics statistics() {
        return statistics;
    }

    /** Proposals, one per served household, by household id. */
    public synchronized List<Proposal> proposals() {
        if (proposals == null) {
            List<Proposal> out = new ArrayList<>();
            for (int h = 0; h < slot.length; h++) if (slot[h] >= 0) out.add(proposal(h));
            proposals = List.copyOf(out);
        }
        return java.util.Objects.requireNonNull(proposals);
    }

    private Proposal proposal(int h) {
        int s = slot[h];
        return new Proposal(
                p.households[h].id(),
                p.doctors[p.slotDoctor[s]].id(),
                p.slotRealMinutes(h, s),
                p.size[h],
                p.priority[h]);
    }

    /** The proposal for a household, if it is served. */
    public Optional<Proposal> proposalFor(String householdId) {
        int h = household(householdId);
        return slot[h] < 0 ? Optional.empty() : Optional.of(proposal(h));
    }

    /** Unserved households with the reason, in priority order (priority, waiting since, id). */
    public synchronized List<UnservedHousehold> unserved() {
        if (unserved == null) {
            List<UnservedHousehold> out = new ArrayList<>();
            for (int h : p.order) if (slot[h] < 0) out.add(unservedOf(h));
            unserved = List.copyOf(out);
        }
        return java.util.Objects.requireNonNull(unserved);
    }

    private UnservedHousehold unservedOf(int h) {
        int eligible = 0, open = 0;
        for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
            eligible++;
            if (!forbidden[s]) open++;
        }
        UnservedReason reason;
        if (eligible > 0) {
            reason = open == 0
                    ? UnservedReason.ALL_ELIGIBLE_DOCTORS_DECLINED_OR_REFUSED
                    : UnservedReason.ELIGIBLE_DOCTORS_FULL;
        } else {
            long[] within = p.doctorsWithin(h, Integer.MAX_VALUE);
            Household hh = p.households[h];
            boolean anyAccepting = false, anyLarge = false;
            for (long v : within) {
                Doctor d = p.doctors[(int) v];
                if (d.accepting() && d.capacity() > 0) {
                    anyAccepting = true;
                    if (d.capacity() >= hh.size()) anyLarge = true;
                }
            }
            boolean anyExcludedOtherwiseEligible = false;
            for (long v : within) {
                int d = (int) v;
                if (p.excluded(h, d) && p.capacity[d] >= hh.size() && hh.needs().metBy(p.doctors[d].capabilities())) {
                    anyExcludedOtherwiseEligible = true;
                }
            }
            if (within.length == 0) reason = UnservedReason.NO_DOCTOR_WITHIN_REACH;
            else if (anyExcludedOtherwiseEligible) reason = UnservedReason.ALL_ELIGIBLE_DOCTORS_DECLINED_OR_REFUSED;
            else if (!anyAccepting) reason = UnservedReason.NO_ACCEPTING_DOCTOR_WITHIN_REACH;
            else if (!anyLarge) reason = UnservedReason.HOUSEHOLD_LARGER_THAN_ANY_CAPACITY;
            else reason = UnservedReason.NEEDS_NOT_MET_WITHIN_REACH;
        }
        return new UnservedHousehold(p.households[h].id(), p.size[h], p.priority[h], reason, open);
    }

    /** Explanation of a served household's proposal; empty when the household is unserved. */
    public Optional<Explanation> explain(String householdId) {
        int h = household(householdId);
        int s = slot[h];
        if (s < 0) return Optional.empty();
        int d = p.slotDoctor[s];
        int cm = p.slotCm[s];
        int eligible = 0, rank = 1;
        for (int x = p.slotStart[h]; x < p.slotStart[h + 1]; x++) {
            if (forbidden[x]) continue;
            eligible++;
            if (p.slotCm[x] < cm) rank++;
        }
        Household hh = p.households[h];
        List<PassedOverDoctor> nearer = new ArrayList<>();
        for (long v : p.doctorsWithin(h, cm - 1)) {
            int od = (int) v;
            int ocm = (int) (v >>> 32);
            Doctor doc = p.doctors[od];
            PassOverReason why;
            int os = p.slotOf(h, od);
            if (!doc.accepting()) why = PassOverReason.NOT_ACCEPTING;
            else if (!hh.needs().metBy(doc.capabilities())) why = PassOverReason.NEED_NOT_MET;
            else if ((os >= 0 && forbidden[os]) || p.excluded(h, od)) why = PassOverReason.DECLINED_OR_REFUSED;
            else if (remaining[od] < hh.size()) why = PassOverReason.FULL;
            else why = PassOverReason.NOT_SELECTED;
            nearer.add(new PassedOverDoctor(doc.id(), (ocm - p.penaltyCm(h, od)) / 100.0, why));
        }
        return Optional.of(
                new Explanation(hh.id(), p.doctors[d].id(), p.slotRealMinutes(h, s), rank, eligible, nearer));
    }

    /**
     * A doctor's shortlist: first the households the optimum proposes to this doctor (priority,
     * then nearest, then waiting longest), then alternates — unserved households for whom the doctor
     * is eligible, in priority order — up to {@code k} entries.
     */
    public List<ShortlistEntry> shortlist(String doctorId, int k) {
        Integer di = p.doctorIndex.get(doctorId);
        if (di == null) throw new NoSuchElementException("unknown doctor " + doctorId);
        if (k < 0) throw new IllegalArgumentException("k must be >= 0");
        int d = di;
        List<ShortlistEntry> out = new ArrayList<>();
        int[] eligible = p.eligibleHouseholds(d);
        List<int[]> proposed = new ArrayList<>();
        for (int h : eligible) {
            if (slot[h] >= 0 && p.slotDoctor[slot[h]] == d) proposed.add(new int[] {h, p.slotCm[slot[h]]});
        }
        proposed.sort(Comparator.<int[]>comparingInt(a -> p.priority[a[0]])
                .thenComparingInt(a -> a[1])
                .thenComparingInt(a -> p.rank[a[0]]));
        for (int[] a : proposed) {
            if (out.size() >= k) return out;
            out.add(new ShortlistEntry(
                    p.households[a[0]].id(),
                    p.size[a[0]],
                    p.priority[a[0]],
                    p.slotRealMinutes(a[0], slot[a[0]]),
                    ShortlistEntry.Kind.PROPOSED));
        }
        for (int h : eligible) {
            if (out.size() >= k) break;
            if (slot[h] >= 0) continue;
            int s = p.slotOf(h, d);
            if (forbidden[s]) continue;
            out.add(new ShortlistEntry(
                    p.households[h].id(),
                    p.size[h],
                    p.priority[h],
                    p.slotRealMinutes(h, s),
                    ShortlistEntry.Kind.ALTERNATE));
        }
        return out;
    }

    /** Shortlists of every doctor with at least one entry, by doctor id. */
    public Map<String, List<ShortlistEntry>> shortlists(int k) {
        Map<String, List<ShortlistEntry>> out = new LinkedHashMap<>();
        for (Doctor d : p.doctors) {
            List<ShortlistEntry> l = shortlist(d.id(), k);
            if (!l.isEmpty()) out.put(d.id(), l);
        }
        return out;
    }

    /** Remaining places of a doctor after the proposals. */
    public int remainingCapacity(String doctorId) {
        Integer d = p.doctorIndex.get(doctorId);
        if (d == null) throw new NoSuchElementException("unknown doctor " + doctorId);
        return remaining[d];
    }

    private int household(String id) {
        Integer h = p.householdIndex.get(id);
        if (h == null) throw new NoSuchElementException("unknown household " + id);
        return h;
    }

    @Override
    public String toString() {
        return "MatchingResult" + Arrays.toString(new Object[] {objective, statistics});
    }
}
