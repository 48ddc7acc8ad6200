package fr.traitant.engine.matching.internal;

import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.RoadTravelTimes;
import fr.traitant.engine.matching.TravelTimeTable;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The searches of a {@link ProblemIndex} for the doctors eligible for a household: its candidate row (the nearest
 * eligible doctors, cheapest first, at most the candidate limit), the nearest eligible doctor among all of them, and
 * the eligible pairs outside the rows toward some doctors. One rule of eligibility, {@link #consider}.
 */
final class EligibleDoctorSearch {

    private final ProblemIndex p;

    EligibleDoctorSearch(ProblemIndex p) {
        this.p = p;
    }

    /** Eligible p.doctors of h packed as (centiminutes &lt;&lt; 32 | doctor), sorted, at most limit. */
    long[] candidatesOf(int h, int limit) {
        Household hh = p.households[h];
        LongList out = CANDIDATE_SCRATCH.get();
        out.n = 0;
        if (p.travel instanceof TravelTimeTable table) {
            for (TravelTimeTable.Entry e : table.entriesOf(hh.id())) {
                Integer d = p.doctorIndex.get(e.doctorId());
                if (d != null) consider(h, d, ProblemIndex.toCm(e.minutes()), out);
            }
        } else if (p.grid != null && p.travel instanceof RoadTravelTimes road) {
            int sz = p.size[h];
            boolean needs = !hh.needs().none();
            double lat = hh.location().lat(), lon = hh.location().lon();
            double speed = road.model().speedKmh(hh.density());
            IntPredicate ok = d -> p.capacity[d] >= sz
                    && (!needs || hh.needs().metBy(p.doctors[d].capabilities()))
                    && !p.excluded(h, d);
            double reach = p.reachMetres(h, hh.maxMinutes());
            int[] near = p.grid.nearest(lat, lon, reach, limit, ok);
            for (int d : near)
                consider(
                        h,
                        d,
                        ProblemIndex.toCm(
                                road.minutes(lat, lon, speed, p.doctorLat[d], p.doctorLon[d], p.doctorSpeed[d])),
                        out);
            boolean costOrderIsDistanceOrder = p.uniformDoctorSpeed && (!hh.prefersNetwork() || p.preferenceCm == 0);
            if (near.length >= limit && limit < Integer.MAX_VALUE && !costOrderIsDistanceOrder) {
                // speeds differ between practices and the network preference adds to some costs: the crow-fly
                // nearest are not always the cheapest. Every pair cheaper than the limit-th found lies within the
                // reach of that cost's real minutes: look there for all of them.
                Arrays.sort(out.a, 0, out.n);
                int kth = out.n >= limit ? (int) (out.a[limit - 1] >>> 32) : p.maxCm[h];
                out.n = 0;
                p.grid.within(lat, lon, p.reachMetres(h, Math.min(kth, p.maxCm[h]) / 100.0), d -> {
                    if (ok.test(d))
                        consider(
                                h,
                                d,
                                ProblemIndex.toCm(road.minutes(
                                        lat, lon, speed, p.doctorLat[d], p.doctorLon[d], p.doctorSpeed[d])),
                                out);
                });
            }
        } else if (p.grid != null) {
            p.grid.within(
                    hh.location().lat(),
                    hh.location().lon(),
                    p.reachMetres(h, hh.maxMinutes()),
                    d -> consider(h, d, p.cmOf(h, d), out));
        } else {
            for (int d = 0; d < p.doctors.length; d++) consider(h, d, p.cmOf(h, d), out);
        }
        Arrays.sort(out.a, 0, out.n);
        return Arrays.copyOf(out.a, Math.min(out.n, limit));
    }

    /** Per-thread buffer of {@link #candidatesOf} (one call per household). */
    private static final ThreadLocal<LongList> CANDIDATE_SCRATCH = ThreadLocal.withInitial(LongList::new);

    /** Adds the pair (h, d) at its cost when eligible; {@code cm} is the real trip in centiminutes (-1 unreachable). */
    private boolean consider(int h, int d, int cm, LongList out) {
        if (cm < 0 || cm > p.maxCm[h]) return false;
        if (p.capacity[d] < p.size[h]) return false;
        if (!p.households[h].needs().none() && !p.households[h].needs().metBy(p.doctors[d].capabilities()))
            return false;
        if (p.excluded(h, d)) return false;
        out.add(((long) (cm + p.penaltyCm(h, d)) << 32) | d);
        return true;
    }

    ProblemIndex.Pairs pairsTo(int[] hh, int[] open) {
        HeuristicSolver.IntList hs = new HeuristicSolver.IntList();
        LongList out = new LongList();
        if (p.grid == null) {
            boolean[] isOpen = new boolean[p.doctors.length];
            for (int d : open) isOpen[d] = true;
            for (int h : hh) {
                for (long x : doctorsWithin(h, Integer.MAX_VALUE)) {
                    int d = (int) x;
                    if (isOpen[d] && p.eligiblePair(h, d) && p.slotOf(h, d) < 0) {
                        hs.add(h);
                        out.add(x);
                    }
                }
            }
        } else {
            Doctor[] sub = new Doctor[open.length];
            for (int i = 0; i < open.length; i++) sub[i] = p.doctors[open[i]];
            DoctorGrid g = new DoctorGrid(sub, p.travel.reachMetres(30));
            for (int h : hh) {
                Household x = p.households[h];
                g.within(x.location().lat(), x.location().lon(), p.reachMetres(h, p.maxCm[h] / 100.0), i -> {
                    int d = open[i];
                    int cm = p.cmOf(h, d);
                    if (cm < 0 || cm > p.maxCm[h] || !p.eligiblePair(h, d) || p.slotOf(h, d) >= 0) return;
                    hs.add(h);
                    out.add(((long) (cm + p.penaltyCm(h, d)) << 32) | d);
                });
            }
        }
        return new ProblemIndex.Pairs(Arrays.copyOf(hs.a, hs.n), out.toArray());
    }

    long nearestEligible(int h, IntPredicate open) {
        Household hh = p.households[h];
        int sz = p.size[h];
        boolean needs = !hh.needs().none();
        IntPredicate ok = d -> p.capacity[d] >= sz
                && open.test(d)
                && (!needs || hh.needs().metBy(p.doctors[d].capabilities()))
                && !p.excluded(h, d);
        LongList out = new LongList();
        if (p.travel instanceof TravelTimeTable table) {
            for (TravelTimeTable.Entry e : table.entriesOf(hh.id())) {
                Integer d = p.doctorIndex.get(e.doctorId());
                if (d != null && ok.test(d)) consider(h, d, ProblemIndex.toCm(e.minutes()), out);
            }
        } else if (p.grid != null) {
            double lat = hh.location().lat(), lon = hh.location().lon(), reach = p.reachMetres(h, hh.maxMinutes());
            // the crow-fly nearest open p.doctors first; road times are not always in the same order, hence the full
            // scan when none of them is within the household's limit
            for (int d : p.grid.nearest(lat, lon, reach, 16, ok)) consider(h, d, p.cmOf(h, d), out);
            if (out.n == 0)
                p.grid.within(lat, lon, reach, d -> {
                    if (ok.test(d)) consider(h, d, p.cmOf(h, d), out);
                });
        } else {
            for (int d = 0; d < p.doctors.length; d++) if (ok.test(d)) consider(h, d, p.cmOf(h, d), out);
        }
        long best = -1;
        for (int i = 0; i < out.n; i++) if (best < 0 || out.a[i] < best) best = out.a[i];
        return best;
    }

    long[] doctorsWithin(int h, int maxCmInclusive) {
        LongList out = new LongList();
        doctorsNear(h, Math.min(maxCmInclusive, p.maxCm[h]), d -> {
            int cm = p.cmOf(h, d);
            if (cm < 0 || cm > p.maxCm[h]) return;
            int cost = cm + p.penaltyCm(h, d);
            if (cost <= maxCmInclusive) out.add(((long) cost << 32) | d);
        });
        long[] all = out.toArray();
        Arrays.sort(all);
        return all;
    }

    void forEachDoctorWithinReach(int h, java.util.function.IntConsumer action) {
        doctorsNear(h, p.maxCm[h], d -> {
            int cm = p.cmOf(h, d);
            if (cm >= 0 && cm <= p.maxCm[h]) action.accept(d);
        });
    }

    /**
     * Calls {@code take} with every doctor that may be within {@code reachCm} of h: the p.travel table's entries of h, the
     * p.grid cells within that reach, or every doctor (callers check the trip itself).
     */
    private void doctorsNear(int h, int reachCm, java.util.function.IntConsumer take) {
        Household hh = p.households[h];
        if (p.travel instanceof TravelTimeTable table) {
            for (TravelTimeTable.Entry e : table.entriesOf(hh.id())) {
                Integer d = p.doctorIndex.get(e.doctorId());
                if (d != null) take.accept(d);
            }
        } else if (p.grid != null) {
            p.grid.within(hh.location().lat(), hh.location().lon(), p.reachMetres(h, reachCm / 100.0), take);
        } else {
            for (int d = 0; d < p.doctors.length; d++) take.accept(d);
        }
    }
}
