package fr.traitant.engine.matching.internal;

import fr.traitant.engine.matching.Doctor;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Uniform latitude/longitude grid over doctors' practices, for finding doctors near a home.
 * Doctors are stored cell by cell in flat arrays; cells are found through an open-addressing
 * table. Searches stay exact at every latitude: cell bounds are converted with the cosine of the
 * most poleward latitude searched, and approximate distances (equirectangular with the mean
 * cosine of both latitudes, relative error far below 1 % at these ranges) only pre-select, with
 * margins, the doctors whose exact distance the caller then computes.
 */
final class DoctorGrid {

    private static final double METRES_PER_DEGREE = 111_195.0;

    private final double cellLatDeg;
    private final double cellLonDeg;
    private final int[] doctor;
    private final double[] lat, lon, cos;
    private final long[] tableKey;
    private final int[] tableStart, tableEnd;
    private final int mask;

    DoctorGrid(Doctor[] doctors, double typicalReachMetres) {
        double cell = Math.max(500.0, Math.min(20_000.0, typicalReachMetres / 6.0));
        cellLatDeg = cell / METRES_PER_DEGREE;
        cellLonDeg = cell / (METRES_PER_DEGREE * Math.cos(Math.toRadians(46.0)));
        int n = doctors.length;
        long[] keyed = new long[n];
        long[] keys = new long[n];
        for (int d = 0; d < n; d++)
            keys[d] = key(
                    cy(doctors[d].location().lat()), cx(doctors[d].location().lon()));
        Integer[] order = new Integer[n];
        for (int d = 0; d < n; d++) order[d] = d;
        Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Integer.compare(a, b));
        doctor = new int[n];
        lat = new double[n];
        lon = new double[n];
        cos = new double[n];
        for (int i = 0; i < n; i++) {
            int d = order[i];
            doctor[i] = d;
            lat[i] = doctors[d].location().lat();
            lon[i] = doctors[d].location().lon();
            cos[i] = Math.cos(Math.toRadians(lat[i]));
            keyed[i] = keys[d];
        }
        int cells = 0;
        for (int i = 0; i < n; i++) if (i == 0 || keyed[i] != keyed[i - 1]) cells++;
        int size = Integer.highestOneBit(Math.max(4, cells * 2)) * 2;
        mask = size - 1;
        tableKey = new long[size];
        tableStart = new int[size];
        tableEnd = new int[size];
        Arrays.fill(tableStart, -1);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && keyed[j] == keyed[i]) j++;
            int slot = slotFor(keyed[i]);
            tableKey[slot] = keyed[i];
            tableStart[slot] = i;
            tableEnd[slot] = j;
            i = j;
        }
    }

    /** Household indexes sorted by the grid cell of their home (then index). */
    int[] spatialOrder(fr.traitant.engine.matching.Household[] households) {
        int n = households.length;
        int[] order = new int[n];
        if (n >= 1 << 23) {
            for (int h = 0; h < n; h++) order[h] = h;
            return order;
        }
        long[] keys = new long[n];
        for (int h = 0; h < n; h++) {
            int y = cy(households[h].location().lat()),
                    x = cx(households[h].location().lon());
            // 20 bits per cell coordinate (cells of >= 500 m), 23 bits of household index
            keys[h] = ((((long) (y & 0xfffff)) << 20 | (x & 0xfffff)) << 23) | h;
        }
        Arrays.parallelSort(keys);
        for (int i = 0; i < n; i++) order[i] = (int) (keys[i] & 0x7fffff);
        return order;
    }

    private int slotFor(long key) {
        int h = (int) (mix(key) & mask);
        while (tableStart[h] >= 0 && tableKey[h] != key) h = (h + 1) & mask;
        return h;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    private int cy(double latDeg) {
        return (int) Math.floor(latDeg / cellLatDeg);
    }

    private int cx(double lonDeg) {
        return (int) Math.floor(lonDeg / cellLonDeg);
    }

    private static long key(int y, int x) {
        return ((long) y << 32) ^ (x & 0xffffffffL);
    }

    private static double metresPerLonDegree(double latDeg, double dLat) {
        double worst = Math.min(89.9, Math.abs(latDeg) + dLat);
        return METRES_PER_DEGREE * Math.cos(Math.toRadians(worst));
    }

    /** Calls {@code sink} for every doctor in cells overlapping the square of half-side reachMetres. */
    void within(double latDeg, double lonDeg, double reachMetres, IntConsumer sink) {
        double dLat = reachMetres * 1.01 / METRES_PER_DEGREE;
        double dLon = Math.min(180, reachMetres * 1.01 / metresPerLonDegree(latDeg, dLat));
        int y0 = cy(latDeg - dLat), y1 = cy(latDeg + dLat), x0 = cx(lonDeg - dLon), x1 = cx(lonDeg + dLon);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int s = slotFor(key(y, x));
                if (tableStart[s] < 0) continue;
                for (int i = tableStart[s]; i < tableEnd[s]; i++) sink.accept(doctor[i]);
            }
        }
    }

    /**
     * Doctors accepted by {@code eligible} within about {@code reachMetres}, a superset of the
     * {@code limit} nearest eligible ones (all of them when fewer): rings of cells are visited
     * around the home until {@code limit} eligible doctors are known and no unvisited cell can hold
     * a nearer one; then those whose approximate distance is within 3 % of the limit-th are kept.
     */
    int[] nearest(double latDeg, double lonDeg, double reachMetres, int limit, IntPredicate eligible) {
        double dLat = reachMetres * 1.01 / METRES_PER_DEGREE;
        double lonMetres = metresPerLonDegree(latDeg, dLat);
        double dLon = Math.min(180, reachMetres * 1.01 / lonMetres);
        int cy0 = cy(latDeg), cx0 = cx(lonDeg);
        int rMax = Math.max(
                        Math.max(cy(latDeg + dLat) - cy0, cy0 - cy(latDeg - dLat)),
                        Math.max(cx(lonDeg + dLon) - cx0, cx0 - cx(lonDeg - dLon)))
                + 1;
        double ringMetres = 0.99 * Math.min(cellLatDeg * METRES_PER_DEGREE, cellLonDeg * lonMetres);
        double cosH = Math.cos(Math.toRadians(latDeg));
        double reach2 = (reachMetres * 1.01) * (reachMetres * 1.01);
        // per-thread scratch buffers: one search per household, 400,000 of them nationally
        Scratch scratch = SCRATCH.get();
        int[] found = scratch.found;
        double[] dist2 = scratch.dist2;
        int n = 0;
        boolean bounded = limit != Integer.MAX_VALUE;
        // max-heap of the limit smallest squared distances seen
        if (scratch.heap.length < (bounded ? limit : 1)) scratch.heap = new double[bounded ? limit : 1];
        double[] heap = scratch.heap;
        int heapSize = 0;
        double kth = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= rMax; r++) {
            for (int y = cy0 - r; y <= cy0 + r; y++) {
                boolean edgeRow = y == cy0 - r || y == cy0 + r;
                int stepX = edgeRow || r == 0 ? 1 : 2 * r;
                double yGap = Math.max(0, Math.abs(y - cy0) - 1) * cellLatDeg * METRES_PER_DEGREE;
                if (yGap * yGap > reach2) continue;
                for (int x = cx0 - r; x <= cx0 + r; x += stepX) {
                    double xGap = Math.max(0, Math.abs(x - cx0) - 1) * cellLonDeg * lonMetres;
                    if (xGap * xGap + yGap * yGap > reach2) continue;
                    int s = slotFor(key(y, x));
                    if (tableStart[s] < 0) continue;
                    for (int i = tableStart[s]; i < tableEnd[s]; i++) {
                        double dy = (lat[i] - latDeg) * METRES_PER_DEGREE;
                        double dx = (lon[i] - lonDeg) * METRES_PER_DEGREE * 0.5 * (cosH + cos[i]);
                        double d2 = dx * dx + dy * dy;
                        if (d2 > reach2 || !eligible.test(doctor[i])) continue;
                        if (n == found.length) {
                            found = scratch.found = Arrays.copyOf(found, n * 2);
                            dist2 = scratch.dist2 = Arrays.copyOf(dist2, n * 2);
                        }
                        found[n] = doctor[i];
                        dist2[n++] = d2;
                        if (bounded) {
                            if (heapSize < limit) {
                                int c = heapSize++;
                                while (c > 0 && heap[(c - 1) >>> 1] < d2) {
                                    heap[c] = heap[(c - 1) >>> 1];
                                    c = (c - 1) >>> 1;
                                }
                                heap[c] = d2;
                            } else if (d2 < heap[0]) {
                                int c = 0;
                                while (true) {
                                    int l = 2 * c + 1;
                                    if (l >= limit) break;
                                    if (l + 1 < limit && heap[l + 1] > heap[l]) l++;
                                    if (heap[l] <= d2) break;
                                    heap[c] = heap[l];
                                    c = l;
                                }
                                heap[c] = d2;
                            }
                        }
                    }
                }
            }
            if (bounded && heapSize == limit) {
                kth = Math.sqrt(heap[0]);
                double nextRing = r * ringMetres;
                if (nextRing * 0.99 > kth * 1.03 + 1.0) break;
            }
        }
        if (n <= limit) return Arrays.copyOf(found, n);
        double keep = (kth * 1.03 + 1.0) * (kth * 1.03 + 1.0);
        int m = 0;
        for (int i = 0; i < n; i++) if (dist2[i] <= keep) found[m++] = found[i];
        return Arrays.copyOf(found, m);
    }

    /** Reusable buffers of {@link #nearest}, one set per thread. */
    private static final class Scratch {
        int[] found = new int[256];
        double[] dist2 = new double[256];
        double[] heap = new double[64];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
}
