package fr.traitant.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The spatial index agrees with brute force on random points, in France and worldwide. */
class SpatialIndexTest {

    private static List<GeoPoint> randomPoints(
            SplittableRandom random, int n, double latMin, double latMax, double lonMin, double lonMax) {
        List<GeoPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new GeoPoint(random.nextDouble(latMin, latMax), random.nextDouble(lonMin, lonMax)));
        }
        return points;
    }

    private static int[] bruteWithin(List<GeoPoint> points, GeoPoint centre, double radius) {
        return IntStream.range(0, points.size())
                .filter(i -> centre.distanceMetresTo(points.get(i)) <= radius)
                .toArray();
    }

    private static int[] bruteNearest(List<GeoPoint> points, GeoPoint centre, int k) {
        double[] distance =
                points.stream().mapToDouble(centre::distanceMetresTo).toArray();
        return IntStream.range(0, points.size())
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> distance[i]).thenComparing(i -> i))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @Test
    void within_radius_matches_brute_force_over_france() {
        SplittableRandom random = new SplittableRandom(42);
        List<GeoPoint> points = randomPoints(random, 20_000, 41.3, 51.1, -5.2, 9.6);
        SpatialIndex index = SpatialIndex.of(points);
        for (int q = 0; q < 200; q++) {
            GeoPoint centre = new GeoPoint(random.nextDouble(41, 51.5), random.nextDouble(-5.5, 10));
            double radius = random.nextDouble(0, 60_000);
            assertThat(index.withinRadius(centre, radius))
                    .as("query %d", q)
                    .containsExactly(bruteWithin(points, centre, radius));
        }
    }

    /** The scan without distances visits the same points as brute force, worldwide (poles, antimeridian, huge radii). */
    @Test
    void index_only_scan_matches_brute_force_worldwide() {
        SplittableRandom random = new SplittableRandom(11);
        List<GeoPoint> points = randomPoints(random, 5_000, -90, 90, -180, 180);
        SpatialIndex index = SpatialIndex.of(points);
        for (int q = 0; q < 300; q++) {
            GeoPoint centre = new GeoPoint(random.nextDouble(-90, 90), random.nextDouble(-180, 180));
            double radius = q % 50 == 0 ? 25_000_000 : random.nextDouble(0, 2_000_000);
            java.util.List<Integer> visited = new java.util.ArrayList<>();
            index.forEachIndexWithin(centre, radius, visited::add);
            int[] got = visited.stream().mapToInt(Integer::intValue).sorted().toArray();
            // the dot-product test may take in points within 1e-12 radians (a few micrometres) of the circle
            int[] strict = bruteWithin(points, centre, radius);
            int[] loose = bruteWithin(points, centre, radius + 1e-12 * GeoPoint.EARTH_RADIUS_METRES + 1e-6);
            assertThat(got)
                    .as("query %d contains every point within the radius", q)
                    .contains(strict);
            assertThat(loose)
                    .as("query %d visits nothing beyond the tolerance", q)
                    .contains(got);
            assertThat(visited).as("query %d visits each point once", q).doesNotHaveDuplicates();
        }
    }

    @Test
    void within_radius_matches_brute_force_worldwide_including_poles_and_antimeridian() {
        SplittableRandom random = new SplittableRandom(7);
        List<GeoPoint> points = randomPoints(random, 5_000, -90, 90, -180, 180);
        SpatialIndex index = SpatialIndex.of(points);
        List<GeoPoint> centres = new ArrayList<>(List.of(
                new GeoPoint(89.9, 0), new GeoPoint(-89.5, 120), new GeoPoint(0, 179.9), new GeoPoint(10, -179.95)));
        for (int q = 0; q < 100; q++) {
            centres.add(new GeoPoint(random.nextDouble(-90, 90), random.nextDouble(-180, 180)));
        }
        for (GeoPoint centre : centres) {
            for (double radius : new double[] {0, 50_000, 800_000, 3_000_000, 25_000_000}) {
                assertThat(index.withinRadius(centre, radius))
                        .as("%s r=%s", centre, radius)
                        .containsExactly(bruteWithin(points, centre, radius));
            }
        }
    }

    @Test
    void nearest_matches_brute_force() {
        SplittableRandom random = new SplittableRandom(3);
        List<GeoPoint> points = randomPoints(random, 10_000, 41.3, 51.1, -5.2, 9.6);
        // overseas clusters far from the mainland, as with the DROM
        points.addAll(randomPoints(random, 300, -21.4, -20.9, 55.2, 55.8));
        SpatialIndex index = SpatialIndex.of(points);
        for (int q = 0; q < 200; q++) {
            GeoPoint centre = q % 10 == 0
                    ? new GeoPoint(-21.1, 55.5)
                    : new GeoPoint(random.nextDouble(40, 52), random.nextDouble(-6, 11));
            int k = 1 + random.nextInt(50);
            assertThat(index.nearest(centre, k)).containsExactly(bruteNearest(points, centre, k));
        }
        assertThat(index.nearest(new GeoPoint(0, 0), 0)).isEmpty();
    }

    @Test
    void nearest_returns_every_point_when_k_exceeds_size_and_handles_duplicates() {
        List<GeoPoint> points = List.of(new GeoPoint(45, 5), new GeoPoint(45, 5), new GeoPoint(46, 5));
        SpatialIndex index = SpatialIndex.of(points);
        assertThat(index.nearest(new GeoPoint(45.9, 5), 10)).containsExactly(2, 0, 1);
        assertThat(index.withinRadius(new GeoPoint(45, 5), 0)).containsExactly(0, 1);
        assertThat(SpatialIndex.of(List.of()).nearest(new GeoPoint(0, 0), 3)).isEmpty();
    }

    @Test
    void visitor_reports_great_circle_distances() {
        List<GeoPoint> points = List.of(new GeoPoint(48.8566, 2.3522), new GeoPoint(45.764, 4.8357));
        double[] seen = new double[2];
        SpatialIndex.of(points).forEachWithin(points.get(0), 500_000, (i, d) -> seen[i] = d + 1);
        assertThat(seen[0]).isEqualTo(1.0);
        assertThat(seen[1] - 1)
                .isCloseTo(points.get(0).distanceMetresTo(points.get(1)), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Arrays.stream(seen).allMatch(d -> d > 0)).isTrue();
    }

    @Test
    void rejects_bad_radius_and_coordinates() {
        SpatialIndex index = SpatialIndex.of(List.of(new GeoPoint(0, 0)));
        assertThatThrownBy(() -> index.withinRadius(new GeoPoint(0, 0), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.nearest(new GeoPoint(0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpatialIndex.of(new double[] {91}, new double[] {0}, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
