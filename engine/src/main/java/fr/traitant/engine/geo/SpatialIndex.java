package fr.traitant.engine.geo;

import fr.traitant.engine.geo.internal.GridIndex;
import java.util.Arrays;
import java.util.List;

/**
 * Immutable spatial index over a fixed list of points, for within-radius and k-nearest queries
 * by great-circle distance (metres).
 *
 * <p>Points keep the index they had in the input list; every query answers with those indices.
 * Backed by a static latitude/longitude grid over primitive arrays; sized for hundreds of
 * thousands of points (building 100,000 points takes a few tens of milliseconds). Queries are
 * exact (every candidate is checked with the haversine distance of {@link GeoPoint}), deterministic
 * and thread-safe.
 */
public final class SpatialIndex {

    /** Receives one point found by {@link #forEachWithin}. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param index          index of the point in the list the index was built from
         * @param distanceMetres great-circle distance from the query centre, in metres
         */
        void visit(int index, double distanceMetres);
    }

    /** Default grid cell size, in degrees (about 11 km of latitude). */
    public static final double DEFAULT_CELL_DEGREES = 0.1;

    private final GridIndex grid;

    private SpatialIndex(GridIndex grid) {
        this.grid = grid;
    }

    /** Indexes {@code points} (copied); query answers are indices into this list. */
    public static SpatialIndex of(List<GeoPoint> points) {
        double[] lat = new double[points.size()];
        double[] lon = new double[points.size()];
        for (int i = 0; i < lat.length; i++) {
            GeoPoint p = points.get(i);
            lat[i] = p.lat();
            lon[i] = p.lon();
        }
        return new SpatialIndex(new GridIndex(lat, lon, DEFAULT_CELL_DEGREES));
    }

    /**
     * Indexes points given as parallel arrays of degrees (copied, validated like {@link GeoPoint}).
     *
     * @param cellDegrees grid cell size in degrees, in [0.01, 90]; a cell of about the typical query
     *                    radius is fastest
     */
    public static SpatialIndex of(double[] latDegrees, double[] lonDegrees, double cellDegrees) {
        if (latDegrees.length != lonDegrees.length) {
            throw new IllegalArgumentException("latitude and longitude arrays differ in length");
        }
        for (int i = 0; i < latDegrees.length; i++) {
            new GeoPoint(latDegrees[i], lonDegrees[i]); // validates
        }
        return new SpatialIndex(new GridIndex(latDegrees, lonDegrees, cellDegrees));
    }

    /** Number of indexed points. */
    public int size() {
        return grid.size();
    }

    /** The point at {@code index} (in input order). */
    public GeoPoint point(int index) {
        return new GeoPoint(grid.latitude(index), grid.longitude(index));
    }

    /**
     * Indices of every point at a great-circle distance at most {@code radiusMetres} from
     * {@code centre}, in increasing index order.
     *
     * @param radiusMetres radius in metres, ≥ 0
     */
    public int[] withinRadius(GeoPoint centre, double radiusMetres) {
        requireRadius(radiusMetres);
        int[][] holder = {new int[16]};
        int[] count = {0};
        grid.forEachWithin(centre.lat(), centre.lon(), radiusMetres, (index, d) -> {
            if (count[0] == holder[0].length) {
                holder[0] = Arrays.copyOf(holder[0], count[0] * 2);
            }
            holder[0][count[0]++] = index;
        });
        int[] result = Arrays.copyOf(holder[0], count[0]);
        Arrays.sort(result);
        return result;
    }

    /**
     * Visits every point at a great-circle distance at most {@code radiusMetres} from
     * {@code centre}, with its distance in metres. The order of visits is deterministic but
     * unspecified. Allocation-free: meant for hot loops.
     */
    public void forEachWithin(GeoPoint centre, double radiusMetres, Visitor visitor) {
        requireRadius(radiusMetres);
        grid.forEachWithin(centre.lat(), centre.lon(), radiusMetres, visitor::visit);
    }

    /**
     * Visits the index of every point within {@code radiusMetres} (great circle) of {@code centre}, without computing
     * distances (a dot product of unit vectors per candidate): for callers that filter before they measure. Points
     * within 1e-12 radians of the circle may be included. The order of visits is deterministic but unspecified.
     */
    public void forEachIndexWithin(GeoPoint centre, double radiusMetres, java.util.function.IntConsumer visitor) {
        requireRadius(radiusMetres);
        grid.forEachIndexWithin(centre.lat(), centre.lon(), radiusMetres, visitor);
    }

    /**
     * The {@code k} points nearest to {@code centre}, by increasing great-circle distance, ties
     * broken by lower index. Returns every point (sorted likewise) when {@code k >= size()}.
     *
     * @param k number of points wanted, ≥ 0
     */
    public int[] nearest(GeoPoint centre, int k) {
        return grid.nearest(centre.lat(), centre.lon(), k);
    }

    private static void requireRadius(double radiusMetres) {
        if (!(radiusMetres >= 0) || Double.isInfinite(radiusMetres)) {
            throw new IllegalArgumentException("radius must be a finite number of metres >= 0, got " + radiusMetres);
        }
    }
}
