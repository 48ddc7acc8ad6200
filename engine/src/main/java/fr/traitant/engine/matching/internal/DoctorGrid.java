package fr.traitant.engine.matching.internal;

import fr.traitant.engine.matching.Doctor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Uniform latitude/longitude grid over doctors' practices, for finding doctors near a home.
 * Cells are about {@code cellMetres} on a side at 46° N (mainland France); searches stay exact at
 * every latitude because cell bounds are converted with the cosine of the latitude searched.
 */
final class DoctorGrid {

    private static final double METRES_PER_DEGREE = 111_195.0;

    private final double cellLatDeg;
    private final double cellLonDeg;
    private final Map<Long, int[]> cells = new HashMap<>();

    /** Offered a doctor and its travel time; answers whether it was kept as eligible. */
    interface PairFilter {
        boolean accept(int doctor, int cm);
    }

    DoctorGrid(Doctor[] doctors, double typicalReachMetres) {
        double cell = Math.max(500.0, Math.min(20_000.0, typicalReachMetres / 6.0));
        cellLatDeg = cell / METRES_PER_DEGREE;
        cellLonDeg = cell / (METRES_PER_DEGREE * Math.cos(Math.toRadians(46.0)));
        Map<Long, int[]> counts = new HashMap<>();
        long[] keys = new long[doctors.length];
        for (int d = 0; d < doctors.length; d++) {
            keys[d] = key(cy(doctors[d].location().lat()), cx(doctors[d].location().lon()));
            counts.computeIfAbsent(keys[d], k -> new int[1])[0]++;
        }
        for (Map.Entry<Long, int[]> e : counts.entrySet()) cells.put(e.getKey(), new int[e.getValue()[0]]);
        Map<Long, int[]> fill = new HashMap<>();
        for (int d = 0; d < doctors.length; d++) {
            int[] pos = fill.computeIfAbsent(keys[d], k -> new int[1]);
            cells.get(keys[d])[pos[0]++] = d;
        }
    }

    private int cy(double lat) {
        return (int) Math.floor(lat / cellLatDeg);
    }

    private int cx(double lon) {
        return (int) Math.floor(lon / cellLonDeg);
    }

    private static long key(int y, int x) {
        return ((long) y << 32) ^ (x & 0xffffffffL);
    }

    private static double metresPerLonDegree(double lat, double dLat) {
        double worst = Math.min(89.9, Math.abs(lat) + dLat);
        return METRES_PER_DEGREE * Math.cos(Math.toRadians(worst));
    }

    /** Calls {@code sink} for every doctor in cells overlapping the square of half-side reachMetres. */
    void within(double lat, double lon, double reachMetres, IntConsumer sink) {
        double dLat = reachMetres * 1.01 / METRES_PER_DEGREE;
        double dLon = Math.min(180, reachMetres * 1.01 / metresPerLonDegree(lat, dLat));
        int y0 = cy(lat - dLat), y1 = cy(lat + dLat), x0 = cx(lon - dLon), x1 = cx(lon + dLon);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int[] c = cells.get(key(y, x));
                if (c != null) for (int d : c) sink.accept(d);
            }
        }
    }

    /**
     * Nearest-first search: visits rings of cells around the home, offering each doctor and its
     * travel time to {@code sink}, which answers whether it is eligible; stops once {@code limit}
     * eligible doctors are known and no unvisited cell can hold one at least as near.
     * {@code cmOfMetres} must be a lower bound of the travel time at a distance, monotone.
     */
    void nearest(double lat, double lon, double reachMetres, int limit, IntUnaryOperator cmOf,
                 DoubleUnaryOperator cmOfMetres, PairFilter sink) {
        if (limit == Integer.MAX_VALUE) {
            within(lat, lon, reachMetres, d -> sink.accept(d, cmOf.applyAsInt(d)));
            return;
        }
        double dLat = reachMetres * 1.01 / METRES_PER_DEGREE;
        double lonMetres = metresPerLonDegree(lat, dLat);
        double dLon = Math.min(180, reachMetres * 1.01 / lonMetres);
        int cy0 = cy(lat), cx0 = cx(lon);
        int rMax = Math.max(cy(lat + dLat) - cy0, cx(lon + dLon) - cx0) + 1;
        rMax = Math.max(rMax, Math.max(cy0 - cy(lat - dLat), cx0 - cx(lon - dLon)) + 1);
        double ringMetres = 0.99 * Math.min(cellLatDeg * METRES_PER_DEGREE, cellLonDeg * lonMetres);
        int[] cms = new int[32];
        int n = 0;
        for (int r = 0; r <= rMax; r++) {
            for (int y = cy0 - r; y <= cy0 + r; y++) {
                boolean edgeRow = y == cy0 - r || y == cy0 + r;
                int stepX = edgeRow ? 1 : 2 * r;
                for (int x = cx0 - r; x <= cx0 + r; x += stepX) {
                    int[] c = cells.get(key(y, x));
                    if (c != null) {
                        for (int d : c) {
                            int cm = cmOf.applyAsInt(d);
                            if (sink.accept(d, cm)) {
                                if (n == cms.length) cms = Arrays.copyOf(cms, n * 2);
                                cms[n++] = cm;
                            }
                        }
                    }
                }
            }
            if (n >= limit) {
                int[] copy = Arrays.copyOf(cms, n);
                Arrays.sort(copy);
                int kth = copy[limit - 1];
                if (cmOfMetres.applyAsDouble(r * ringMetres) > kth) break;
            }
        }
    }
}
