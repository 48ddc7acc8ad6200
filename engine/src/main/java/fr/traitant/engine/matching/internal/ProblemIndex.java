package fr.traitant.engine.matching.internal;

import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.ProgressListener;
import fr.traitant.engine.matching.RoadTravelTimes;
import fr.traitant.engine.matching.TravelTimeModel;
import fr.traitant.engine.matching.TravelTimeTable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Immutable primitive-array view of a matching problem: households and doctors sorted by id,
 * eligible (household, doctor) pairs in compressed rows ("slots") sorted by travel time.
 *
 * <p>Travel times are held in centiminutes (1/100 minute, rounded half up), so that the
 * person-minutes objective is an exact integer sum. A slot's time is the <em>cost</em> of the pair: the real trip,
 * plus the network preference when a household that prefers the network goes to a doctor outside it; the travel
 * limit ({@link #maxCm}) is checked on the real trip. A pair is eligible when the real trip is within the
 * household's limit, the doctor accepts and has at least the household's size in places, meets its needs, and is not
 * among its excluded doctors.
 */
public final class ProblemIndex {

    /** Automatic candidate limit used when the instance is large. */
    public static final int AUTO_LIMIT = 32;

    private static final long AUTO_ALL_PAIRS = 25_000_000L;
    private static final int AUTO_ALL_HOUSEHOLDS = 2_000;

    public final Household[] households;
    public final Doctor[] doctors;
    public final Map<String, Integer> householdIndex;
    public final Map<String, Integer> doctorIndex;
    public final int[] size;
    public final int[] priority;
    public final int[] maxCm;
    /** Position of each household in the order (priority, waiting since, id). */
    public final int[] rank;
    /** Households in that order. */
    public final int[] order;

    public final int[] capacity;
    /** Practice coordinates by doctor, degrees, and road speed at the practice (flat copies for hot loops). */
    final double[] doctorLat, doctorLon, doctorSpeed;
    /** Network preference, centiminutes (added to the cost of a preferring household's trip outside the network). */
    public final int preferenceCm;
    /** Road travel: the fastest practice speed of the instance, and whether every practice has the same speed. */
    final double maxDoctorSpeed;

    final boolean uniformDoctorSpeed;
    /** Slots of household h: [slotStart[h], slotStart[h+1]); sorted by (centiminutes, doctor). */
    public final int[] slotStart;

    public final int[] slotDoctor;
    public final int[] slotCm;
    /** Slot indexes of each household sorted by doctor, for {@link #slotOf}. */
    private final int[] slotByDoctor;

    public final TravelTimeModel travel;
    public final @Nullable DoctorGrid grid;
    /** Reverse rows: households eligible for doctor d are revHousehold[revStart[d] .. revStart[d+1]). */
    private volatile int @Nullable [] revStart;

    private volatile int @Nullable [] revHousehold;
    /** Searches of eligible doctors beyond (and for) the candidate rows. */
    private final EligibleDoctorSearch search;

    private ProblemIndex(
            List<Household> hs,
            List<Doctor> ds,
            TravelTimeModel travel,
            int candidateLimit,
            double networkPreferenceMinutes,
            ProgressListener progress) {
        this.travel = travel;
        this.preferenceCm = toCm(networkPreferenceMinutes);
        households = hs.toArray(Household[]::new);
        doctors = ds.toArray(Doctor[]::new);
        Arrays.parallelSort(households, Comparator.comparing(Household::id));
        Arrays.parallelSort(doctors, Comparator.comparing(Doctor::id));
        int nh = households.length, nd = doctors.length;
        householdIndex = new HashMap<>(nh * 2);
        for (int i = 0; i < nh; i++) {
            if (householdIndex.put(households[i].id(), i) != null) {
                throw new IllegalArgumentException("duplicate household id " + households[i].id());
            }
        }
        doctorIndex = new HashMap<>(nd * 2);
        for (int i = 0; i < nd; i++) {
            if (doctorIndex.put(doctors[i].id(), i) != null) {
                throw new IllegalArgumentException("duplicate doctor id " + doctors[i].id());
            }
        }
        size = new int[nh];
        priority = new int[nh];
        maxCm = new int[nh];
        for (int i = 0; i < nh; i++) {
            size[i] = households[i].size();
            priority[i] = households[i].priority();
            maxCm[i] = toCm(households[i].maxMinutes());
        }
        // order (priority, waiting since, id): households are sorted by id, so the index breaks ties
        long[] rankKeys = new long[nh];
        for (int i = 0; i < nh; i++) {
            long day = households[i].waitingSince().toEpochDay() + (1L << 26);
            if (day < 0 || day >= (1L << 27) || nh >= (1 << 30))
                throw new IllegalArgumentException("waitingSince out of range");
            rankKeys[i] = ((long) priority[i] << 57) | (day << 30) | i;
        }
        Arrays.parallelSort(rankKeys);
        order = new int[nh];
        rank = new int[nh];
        for (int r = 0; r < nh; r++) {
            order[r] = (int) (rankKeys[r] & ((1 << 30) - 1));
            rank[order[r]] = r;
        }
        doctorLat = new double[nd];
        doctorLon = new double[nd];
        doctorSpeed = new double[nd];
        for (int d = 0; d < nd; d++) {
            doctorLat[d] = doctors[d].location().lat();
            doctorLon[d] = doctors[d].location().lon();
            if (travel instanceof RoadTravelTimes road)
                doctorSpeed[d] = road.model().speedKmh(doctors[d].density());
        }
        double fastest = 0;
        boolean uniform = true;
        for (int d = 0; d < nd; d++) {
            fastest = Math.max(fastest, doctorSpeed[d]);
            if (doctorSpeed[d] != doctorSpeed[0]) uniform = false;
        }
        maxDoctorSpeed = fastest;
        uniformDoctorSpeed = uniform;
        capacity = new int[nd];
        for (int d = 0; d < nd; d++) capacity[d] = doctors[d].accepting() ? doctors[d].capacity() : 0;

        int limit = effectiveLimit(candidateLimit, nh, nd);
        boolean finiteReach = !(travel instanceof TravelTimeTable) && Double.isFinite(travel.reachMetres(60));
        grid = finiteReach ? new DoctorGrid(doctors, travel.reachMetres(30)) : null;
        search = new EligibleDoctorSearch(this);

        int[][] rowDoc = new int[nh][];
        int[][] rowCm = new int[nh][];
        AtomicLong done = new AtomicLong();
        long step = Math.max(1, nh / 100);
        // visit homes cell by cell, so that neighbouring searches share cached cells and doctors
        int[] visit = grid == null ? null : grid.spatialOrder(households);
        IntStream.range(0, nh).parallel().forEach(i -> {
            int h = visit == null ? i : visit[i];
            long[] packed = search.candidatesOf(h, limit);
            int n = packed.length;
            int[] dd = new int[n], cc = new int[n];
            for (int k = 0; k < n; k++) {
                cc[k] = (int) (packed[k] >>> 32);
                dd[k] = (int) packed[k];
            }
            rowDoc[h] = dd;
            rowCm[h] = cc;
            long v = done.incrementAndGet();
            if (v % step == 0) {
                synchronized (progress) {
                    progress.onProgress("candidates", v, nh);
                }
            }
        });
        slotStart = new int[nh + 1];
        for (int h = 0; h < nh; h++) slotStart[h + 1] = slotStart[h] + rowDoc[h].length;
        int ns = slotStart[nh];
        slotDoctor = new int[ns];
        slotCm = new int[ns];
        slotByDoctor = new int[ns];
        for (int h = 0; h < nh; h++) {
            System.arraycopy(rowDoc[h], 0, slotDoctor, slotStart[h], rowDoc[h].length);
            System.arraycopy(rowCm[h], 0, slotCm, slotStart[h], rowCm[h].length);
            rowDoc[h] = NO_SLOTS; // released as soon as copied
            rowCm[h] = NO_SLOTS;
        }
        IntStream.range(0, nh).parallel().forEach(h -> {
            int a = slotStart[h], b = slotStart[h + 1];
            long[] keys = new long[b - a];
            for (int s = a; s < b; s++) keys[s - a] = ((long) slotDoctor[s] << 32) | s;
            Arrays.sort(keys);
            for (int s = a; s < b; s++) slotByDoctor[s] = (int) keys[s - a];
        });
        progress.onProgress("candidates", nh, nh);
    }

    /**
     * The candidate limit actually used: the given one if positive; automatically, every eligible
     * doctor for instances of at most 2,000 households and 25 million household × doctor pairs
     * (where components can be solved exactly), else the {@value #AUTO_LIMIT} nearest.
     */
    public static int effectiveLimit(int candidateLimit, int households, int doctors) {
        if (candidateLimit > 0) return candidateLimit;
        return households <= AUTO_ALL_HOUSEHOLDS && (long) households * doctors <= AUTO_ALL_PAIRS
                ? Integer.MAX_VALUE
                : AUTO_LIMIT;
    }

    /**
     * A copy of {@code base} whose household rows also hold the given pairs (household {@code extraHousehold[i]},
     * packed {@code extraPacked[i]} = centiminutes &lt;&lt; 32 | doctor); pairs already present are not repeated.
     */
    private ProblemIndex(ProblemIndex base, int[] extraHousehold, long[] extraPacked) {
        travel = base.travel;
        households = base.households;
        doctors = base.doctors;
        householdIndex = base.householdIndex;
        doctorIndex = base.doctorIndex;
        size = base.size;
        priority = base.priority;
        maxCm = base.maxCm;
        rank = base.rank;
        order = base.order;
        capacity = base.capacity;
        doctorLat = base.doctorLat;
        doctorLon = base.doctorLon;
        doctorSpeed = base.doctorSpeed;
        preferenceCm = base.preferenceCm;
        maxDoctorSpeed = base.maxDoctorSpeed;
        uniformDoctorSpeed = base.uniformDoctorSpeed;
        grid = base.grid;
        search = new EligibleDoctorSearch(this);
        int nh = households.length;
        int[] extraCount = new int[nh];
        for (int i = 0; i < extraHousehold.length; i++) {
            if (base.slotOf(extraHousehold[i], (int) extraPacked[i]) < 0) extraCount[extraHousehold[i]]++;
        }
        slotStart = new int[nh + 1];
        for (int h = 0; h < nh; h++)
            slotStart[h + 1] = slotStart[h] + (base.slotStart[h + 1] - base.slotStart[h]) + extraCount[h];
        int ns = slotStart[nh];
        long[][] rows = new long[nh][];
        for (int h = 0; h < nh; h++) {
            long[] row = new long[slotStart[h + 1] - slotStart[h]];
            int n = 0;
            for (int s = base.slotStart[h]; s < base.slotStart[h + 1]; s++)
                row[n++] = ((long) base.slotCm[s] << 32) | base.slotDoctor[s];
            rows[h] = row;
            extraCount[h] = n; // reused as the fill position
        }
        for (int i = 0; i < extraHousehold.length; i++) {
            int h = extraHousehold[i];
            if (base.slotOf(h, (int) extraPacked[i]) < 0) rows[h][extraCount[h]++] = extraPacked[i];
        }
        slotDoctor = new int[ns];
        slotCm = new int[ns];
        slotByDoctor = new int[ns];
        for (int h = 0; h < nh; h++) {
            long[] row = rows[h];
            Arrays.sort(row);
            int a = slotStart[h];
            long[] keys = new long[row.length];
            for (int k = 0; k < row.length; k++) {
                slotCm[a + k] = (int) (row[k] >>> 32);
                slotDoctor[a + k] = (int) row[k];
                keys[k] = ((long) slotDoctor[a + k] << 32) | (a + k);
            }
            Arrays.sort(keys);
            for (int k = 0; k < row.length; k++) slotByDoctor[a + k] = (int) keys[k];
        }
    }

    /** Pairs (household, packed cost cm &lt;&lt; 32 | doctor), in household order. */
    public record Pairs(int[] household, long[] packed) {}

    /**
     * Every eligible pair from the households {@code hh} to the doctors {@code open} that is not yet in the household's
     * row: the doctor within the household's limit, accepting, with capacity for it, meeting its needs, not excluded.
     */
    public Pairs pairsTo(int[] hh, int[] open) {
        return search.pairsTo(hh, open);
    }

    /** This index with more candidate pairs (see the constructor); the original is unchanged. */
    public ProblemIndex withExtraPairs(int[] extraHousehold, long[] extraPacked) {
        if (extraHousehold.length != extraPacked.length)
            throw new IllegalArgumentException("pairs of different lengths");
        return new ProblemIndex(this, extraHousehold, extraPacked);
    }

    /**
     * The nearest doctor eligible for h under the index's rules (within reach, accepting, capacity at least the
     * household's size, needs met) that {@code open} also accepts, searched among every doctor — not only h's
     * candidates — packed as (centiminutes &lt;&lt; 32 | doctor); -1 when there is none.
     */
    public long nearestEligible(int h, IntPredicate open) {
        return search.nearestEligible(h, open);
    }

    /** Builds the index; throws IllegalArgumentException on duplicate ids. */
    public static ProblemIndex build(
            List<Household> hs,
            List<Doctor> ds,
            TravelTimeModel travel,
            int candidateLimit,
            double networkPreferenceMinutes,
            ProgressListener progress) {
        return new ProblemIndex(hs, ds, travel, candidateLimit, networkPreferenceMinutes, progress);
    }

    /** Builds the index with no network preference. */
    public static ProblemIndex build(
            List<Household> hs,
            List<Doctor> ds,
            TravelTimeModel travel,
            int candidateLimit,
            ProgressListener progress) {
        return build(hs, ds, travel, candidateLimit, 0, progress);
    }

    /** True when h excluded doctor d (declined, refused, expired). */
    public boolean excluded(int h, int d) {
        java.util.Set<String> x = households[h].excludedDoctors();
        return !x.isEmpty() && x.contains(doctors[d].id());
    }

    /** The preference added to the pair's cost, centiminutes (0 unless h prefers the network and d is outside it). */
    public int penaltyCm(int h, int d) {
        return households[h].prefersNetwork() && !doctors[d].networkMember() ? preferenceCm : 0;
    }

    /** Great-circle metres within which every trip from h of at most {@code minutes} lies. */
    double reachMetres(int h, double minutes) {
        // the practice at the instance's fastest speed: tighter than the model's bound
        return travel instanceof RoadTravelTimes road
                ? road.reachMetres(households[h].density(), maxDoctorSpeed, minutes)
                : travel.reachMetres(minutes);
    }

    /** Minutes to centiminutes, rounded half up. */
    public static int toCm(double minutes) {
        return (int) Math.round(minutes * 100.0);
    }

    int cmOf(int h, int d) {
        double m = travel.minutes(households[h], doctors[d]);
        return Double.isNaN(m) ? -1 : toCm(m);
    }

    /**
     * True when (h, d) is eligible but for the candidate limit and capacity already used: within reach, accepting with
     * at least h's size in places, needs met, not excluded.
     */
    public boolean eligiblePair(int h, int d) {
        if (capacity[d] < size[h]) return false;
        if (!households[h].needs().none() && !households[h].needs().metBy(doctors[d].capabilities())) return false;
        return !excluded(h, d);
    }

    public int householdCount() {
        return households.length;
    }

    public int doctorCount() {
        return doctors.length;
    }

    /** Slot of the pair (h, d), or -1 when d is not an eligible candidate of h. */
    public int slotOf(int h, int d) {
        int lo = slotStart[h], hi = slotStart[h + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int md = slotDoctor[slotByDoctor[mid]];
            if (md < d) lo = mid + 1;
            else if (md > d) hi = mid - 1;
            else return slotByDoctor[mid];
        }
        return -1;
    }

    private static final int[] NO_SLOTS = new int[0];

    /** Households having d among their candidates, in rank order (built on first use). */
    public int[] eligibleHouseholds(int d) {
        int[][] r = reverse();
        return Arrays.copyOfRange(r[1], r[0][d], r[0][d + 1]);
    }

    /**
     * Reverse rows without copying: the households having d among their candidates are {@code reverse()[1][i]} for i
     * in {@code reverse()[0][d] .. reverse()[0][d + 1]}, in rank order (built on first use).
     */
    public int[][] reverse() {
        ensureReverse();
        return new int[][] {java.util.Objects.requireNonNull(revStart), java.util.Objects.requireNonNull(revHousehold)};
    }

    private void ensureReverse() {
        if (revStart != null) return;
        synchronized (this) {
            if (revStart != null) return;
            int nd = doctors.length;
            int[] start = new int[nd + 1];
            for (int s = 0; s < slotDoctor.length; s++) start[slotDoctor[s] + 1]++;
            for (int d = 0; d < nd; d++) start[d + 1] += start[d];
            int[] fill = Arrays.copyOf(start, nd);
            int[] hh = new int[slotDoctor.length];
            for (int r = 0; r < order.length; r++) {
                int h = order[r];
                for (int s = slotStart[h]; s < slotStart[h + 1]; s++) hh[fill[slotDoctor[s]]++] = h;
            }
            revHousehold = hh;
            revStart = start;
        }
    }

    /**
     * Every doctor (eligible or not) within h's real travel limit whose cost from h (real trip plus network preference)
     * is at most {@code maxCmInclusive}, as (cost cm, doctor) pairs sorted.
     */
    public long[] doctorsWithin(int h, int maxCmInclusive) {
        return search.doctorsWithin(h, maxCmInclusive);
    }

    /**
     * Calls {@code action} with every doctor (eligible or not) within h's real travel limit, in no particular order:
     * {@link #doctorsWithin} without the costs, the list and the sort.
     */
    public void forEachDoctorWithinReach(int h, java.util.function.IntConsumer action) {
        search.forEachDoctorWithinReach(h, action);
    }

    /** Real trip of slot s of household h, minutes (its cost without the network preference). */
    public double slotRealMinutes(int h, int s) {
        return (slotCm[s] - penaltyCm(h, slotDoctor[s])) / 100.0;
    }

    /** Real trip from h to d in minutes (without the network preference), NaN when unreachable. */
    public double realMinutes(int h, int d) {
        int cm = cmOf(h, d);
        return cm < 0 ? Double.NaN : cm / 100.0;
    }
}
