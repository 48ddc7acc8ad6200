package fr.traitant.engine.geo.internal;

import fr.traitant.engine.geo.GeoPoint;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Static latitude/longitude grid over primitive arrays (internal kernel of
 * {@link fr.traitant.engine.geo.SpatialIndex}).
 *
 * <p>Points are bucketed by cell key {@code row * columns + column}, where a cell is
 * {@code cellDegrees} wide in latitude and longitude. Only non-empty cells are stored (sorted keys
 * and CSR offsets), so the grid covers the whole globe (mainland France and overseas départements
 * alike) without allocating empty cells. Point coordinates are copied in cell order for locality.
 * Immutable after construction, safe to share between threads.
 */
public final class GridIndex {

    /** Visitor of one point found by a query. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param index          index of the point in the original input order
         * @param distanceMetres great-circle distance from the query centre, metres
         */
        void visit(int index, double distanceMetres);
    }

    private static final double EARTH_RADIUS = GeoPoint.EARTH_RADIUS_METRES;

    private final double cellDegrees;
    private final long columns;
    private final long[] cellKeys; // sorted distinct keys of non-empty cells
    private final int[] cellStart; // cellStart[c]..cellStart[c+1] are the points of cell c
    private final double[] lat; // in cell order, degrees
    private final double[] lon; // in cell order, degrees
    private final int[] ids; // original index of each point, in cell order
    private final double[] latById;
    private final double[] lonById;
    private final double[] ux; // unit vector of each point, in cell order (dot products instead of trigonometry)
    private final double[] uy;
    private final double[] uz;

    public GridIndex(double[] latDegrees, double[] lonDegrees, double cellDegrees) {
        if (latDegrees.length != lonDegrees.length) {
            throw new IllegalArgumentException("latitude and longitude arrays differ in length");
        }
        if (!(cellDegrees >= 0.01 && cellDegrees <= 90)) {
            throw new IllegalArgumentException("cell size must be in [0.01, 90] degrees, got " + cellDegrees);
        }
        this.cellDegrees = cellDegrees;
        this.columns = (long) Math.ceil(360.0 / cellDegrees) + 1;
        int n = latDegrees.length;
        this.latById = latDegrees.clone();
        this.lonById = lonDegrees.clone();
        long[] keyed = new long[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(row(latDegrees[i]), column(lonDegrees[i]));
        }
        int[] order = sortIndicesByKey(keys);
        this.ids = order;
        this.lat = new double[n];
        this.lon = new double[n];
        this.ux = new double[n];
        this.uy = new double[n];
        this.uz = new double[n];
        int distinct = 0;
        for (int p = 0; p < n; p++) {
            int id = order[p];
            lat[p] = latDegrees[id];
            lon[p] = lonDegrees[id];
            double phi = Math.toRadians(lat[p]);
            double lambda = Math.toRadians(lon[p]);
            ux[p] = Math.cos(phi) * Math.cos(lambda);
            uy[p] = Math.cos(phi) * Math.sin(lambda);
            uz[p] = Math.sin(phi);
            keyed[p] = keys[id];
            if (p == 0 || keyed[p] != keyed[p - 1]) {
                distinct++;
            }
        }
        this.cellKeys = new long[distinct];
        this.cellStart = new int[distinct + 1];
        int c = -1;
        for (int p = 0; p < n; p++) {
            if (p == 0 || keyed[p] != keyed[p - 1]) {
                c++;
                cellKeys[c] = keyed[p];
                cellStart[c] = p;
            }
        }
        cellStart[distinct] = n;
    }

    private static int[] sortIndicesByKey(long[] keys) {
        // keys < 2^31 (see the cell size bound), so (key, index) packs into one long.
        int n = keys.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (keys[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (packed[i] & 0xFFFF_FFFFL);
        }
        return order;
    }

    public int size() {
        return ids.length;
    }

    public double latitude(int index) {
        return latById[index];
    }

    public double longitude(int index) {
        return lonById[index];
    }

    private long row(double latDegrees) {
        return (long) Math.floor((latDegrees + 90.0) / cellDegrees);
    }

    private long column(double lonDegrees) {
        return (long) Math.floor((lonDegrees + 180.0) / cellDegrees);
    }

    private long key(long row, long column) {
        return row * columns + column;
    }

    /**
     * Visits every point whose great-circle distance to the centre is at most
     * {@code radiusMetres}. Visiting order is deterministic (cell order) but unspecified.
     */
    public void forEachWithin(double centreLat, double centreLon, double radiusMetres, Visitor visitor) {
        if (ids.length == 0 || !(radiusMetres >= 0)) {
            return;
        }
        inBoxes(
                centreLat,
                centreLon,
                radiusMetres,
                () -> scanAll(centreLat, centreLon, radiusMetres, visitor),
                (latMin, latMax, lonMin, lonMax) ->
                        scanBox(latMin, latMax, lonMin, lonMax, centreLat, centreLon, radiusMetres, visitor));
    }

    /**
     * Visits the index of every point within {@code radiusMetres} (great circle) of the centre, without computing
     * distances: one dot product of unit vectors per candidate of the bounding cells (for callers that filter
     * before measuring, like the doctor search). Points within 1e-12 radians of the circle may be included.
     */
    public void forEachIndexWithin(double centreLat, double centreLon, double radiusMetres, IntConsumer visitor) {
        if (ids.length == 0 || !(radiusMetres >= 0)) {
            return;
        }
        double angular = radiusMetres / EARTH_RADIUS;
        double minDot = Math.cos(Math.min(angular, Math.PI)) - 1e-12;
        double phi = Math.toRadians(centreLat);
        double lambda = Math.toRadians(centreLon);
        double ox = Math.cos(phi) * Math.cos(lambda);
        double oy = Math.cos(phi) * Math.sin(lambda);
        double oz = Math.sin(phi);
        inBoxes(
                centreLat,
                centreLon,
                radiusMetres,
                () -> {
                    for (int p = 0; p < ids.length; p++) {
                        if (ux[p] * ox + uy[p] * oy + uz[p] * oz >= minDot) visitor.accept(ids[p]);
                    }
                },
                (latMin, latMax, lonMin, lonMax) -> {
                    long rowMin = row(latMin);
                    long rowMax = row(latMax);
                    long colMin = column(lonMin);
                    long colMax = column(lonMax);
                    for (long r = rowMin; r <= rowMax; r++) {
                        long last = key(r, colMax);
                        for (int c = lowerBound(key(r, colMin)); c < cellKeys.length && cellKeys[c] <= last; c++) {
                            for (int p = cellStart[c]; p < cellStart[c + 1]; p++) {
                                if (ux[p] * ox + uy[p] * oy + uz[p] * oz >= minDot) visitor.accept(ids[p]);
                            }
                        }
                    }
                });
    }

    /** Scans the bounding boxes of a circle (two across the antimeridian), or everything for a huge radius. */
    @FunctionalInterface
    private interface BoxScan {
        void scan(double latMin, double latMax, double lonMin, double lonMax);
    }

    private void inBoxes(double centreLat, double centreLon, double radiusMetres, Runnable all, BoxScan box) {
        double angular = radiusMetres / EARTH_RADIUS; // radians
        if (angular >= Math.PI) {
            all.run();
            return;
        }
        double angularDeg = Math.toDegrees(angular);
        double margin = 1e-9;
        double latMin = centreLat - angularDeg - margin;
        double latMax = centreLat + angularDeg + margin;
        double lonMin;
        double lonMax;
        if (latMin <= -90 || latMax >= 90) {
            lonMin = -180;
            lonMax = 180;
            latMin = Math.max(latMin, -90);
            latMax = Math.min(latMax, 90);
        } else {
            double s = Math.sin(angular) / Math.cos(Math.toRadians(centreLat));
            double dLon = s >= 1 ? 180 : Math.toDegrees(Math.asin(s)) + margin;
            lonMin = centreLon - dLon;
            lonMax = centreLon + dLon;
        }
        if (lonMax - lonMin >= 360) {
            box.scan(latMin, latMax, -180, 180);
        } else if (lonMin < -180) {
            box.scan(latMin, latMax, lonMin + 360, 180);
            box.scan(latMin, latMax, -180, lonMax);
        } else if (lonMax > 180) {
            box.scan(latMin, latMax, lonMin, 180);
            box.scan(latMin, latMax, -180, lonMax - 360);
        } else {
            box.scan(latMin, latMax, lonMin, lonMax);
        }
    }

    private void scanAll(double centreLat, double centreLon, double radiusMetres, Visitor visitor) {
        for (int p = 0; p < ids.length; p++) {
            double d = GeoPoint.greatCircleMetres(centreLat, centreLon, lat[p], lon[p]);
            if (d <= radiusMetres) {
                visitor.visit(ids[p], d);
            }
        }
    }

    private void scanBox(
            double latMin,
            double latMax,
            double lonMin,
            double lonMax,
            double centreLat,
            double centreLon,
            double radiusMetres,
            Visitor visitor) {
        long rowMin = row(latMin);
        long rowMax = row(latMax);
        long colMin = column(lonMin);
        long colMax = column(lonMax);
        for (long r = rowMin; r <= rowMax; r++) {
            long first = key(r, colMin);
            long last = key(r, colMax);
            int c = lowerBound(first);
            for (; c < cellKeys.length && cellKeys[c] <= last; c++) {
                for (int p = cellStart[c]; p < cellStart[c + 1]; p++) {
                    double d = GeoPoint.greatCircleMetres(centreLat, centreLon, lat[p], lon[p]);
                    if (d <= radiusMetres) {
                        visitor.visit(ids[p], d);
                    }
                }
            }
        }
    }

    private int lowerBound(long key) {
        int lo = 0;
        int hi = cellKeys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cellKeys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The {@code k} points nearest to the centre, by increasing distance, ties broken by lower
     * index. Returns all points when {@code k >= size()}.
     */
    public int[] nearest(double centreLat, double centreLon, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        int wanted = Math.min(k, ids.length);
        if (wanted == 0) {
            return new int[0];
        }
        double radius = cellDegrees * 111_000.0;
        double maxRadius = Math.PI * EARTH_RADIUS * 1.000001;
        while (true) {
            Collector collector = new Collector();
            forEachWithin(centreLat, centreLon, radius, collector);
            if (collector.count >= wanted || radius >= maxRadius) {
                return collector.smallest(wanted);
            }
            radius = Math.min(radius * 2, maxRadius);
        }
    }

    private static final class Collector implements Visitor {
        int count;
        int[] idx = new int[16];
        double[] dist = new double[16];

        @Override
        public void visit(int index, double distanceMetres) {
            if (count == idx.length) {
                idx = Arrays.copyOf(idx, count * 2);
                dist = Arrays.copyOf(dist, count * 2);
            }
            idx[count] = index;
            dist[count] = distanceMetres;
            count++;
        }

        int[] smallest(int k) {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int byDistance = Double.compare(dist[a], dist[b]);
                return byDistance != 0 ? byDistance : Integer.compare(idx[a], idx[b]);
            });
            int[] result = new int[Math.min(k, count)];
            for (int i = 0; i < result.length; i++) {
                result[i] = idx[order[i]];
            }
            return result;
        }
    }
}
