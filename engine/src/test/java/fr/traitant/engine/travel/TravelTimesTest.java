package fr.traitant.engine.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TravelTimesTest {

    @Test
    void density_classes_follow_thresholds_and_fall_back_on_population() {
        assertThat(DensityClass.of(20_000, 10)).isEqualTo(DensityClass.DENSE);
        assertThat(DensityClass.of(3_000, 10)).isEqualTo(DensityClass.INTERMEDIATE);
        assertThat(DensityClass.of(2_999, 10)).isEqualTo(DensityClass.SPARSE);
        assertThat(DensityClass.of(249, 10)).isEqualTo(DensityClass.VERY_SPARSE);
        assertThat(DensityClass.of(150_000, Double.NaN)).isEqualTo(DensityClass.DENSE);
        assertThat(DensityClass.of(25_000, Double.NaN)).isEqualTo(DensityClass.INTERMEDIATE);
        assertThat(DensityClass.of(500, Double.NaN)).isEqualTo(DensityClass.SPARSE);
    }

    @Test
    void estimate_by_hand() {
        // 10 km crow-fly between two sparse communes (60 km/h): 2 + 1.3 · 10 · 60/60 = 15 minutes.
        assertThat(RoadTimeModel.DEFAULT.minutesBetween(10, 60, 60)).isCloseTo(15.0, offset(1e-12));
        // dense (25 km/h) to sparse (60 km/h), 5 km: 2 + 1.3 · 5 · 30 · (1/25 + 1/60) = 13.05 minutes.
        assertThat(RoadTimeModel.DEFAULT.minutesBetween(5, 25, 60)).isCloseTo(13.05, offset(1e-12));
        // 20 minutes at most ⇒ (20 − 2)/60 h · 65 km/h / 1.3 = 15 km crow-fly.
        assertThat(RoadTimeModel.DEFAULT.maxCrowFlyMetres(20)).isCloseTo(15_000, offset(1e-6));
        assertThat(RoadTimeModel.DEFAULT.maxCrowFlyMetres(1)).isZero();
    }

    @Test
    void estimate_is_symmetric_zero_inside_a_commune_and_grows_with_distance() {
        Communes communes = randomCommunes(new SplittableRandom(1), 300);
        EstimatedRoadTimes times = EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT);
        for (int i = 0; i < communes.size(); i++) {
            assertThat(times.minutes(i, i)).isZero();
            for (int j = 0; j < communes.size(); j += 7) {
                assertThat(times.minutes(i, j)).isEqualTo(times.minutes(j, i));
            }
        }
        GeoPoint a = new GeoPoint(45, 5);
        double previous = 0;
        for (int km = 1; km < 50; km++) {
            double t = RoadTimeModel.DEFAULT.minutes(
                    a, DensityClass.SPARSE, new GeoPoint(45 + km / 111.2, 5), DensityClass.SPARSE);
            assertThat(t).isGreaterThan(previous);
            previous = t;
        }
    }

    @Test
    void estimated_reach_matches_brute_force() {
        Communes communes = randomCommunes(new SplittableRandom(2), 2_000);
        EstimatedRoadTimes times = EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT);
        for (int i = 0; i < communes.size(); i += 13) {
            for (double budget : new double[] {0, 5, 12.5, 20, 45}) {
                Map<Integer, Double> reached = new TreeMap<>();
                times.forEachReachable(
                        i, budget, (j, m) -> assertThat(reached.put(j, m)).isNull());
                Map<Integer, Double> expected = new TreeMap<>();
                for (int j = 0; j < communes.size(); j++) {
                    if (times.minutes(i, j) <= budget) {
                        expected.put(j, times.minutes(i, j));
                    }
                }
                assertThat(reached).isEqualTo(expected);
            }
        }
    }

    @Test
    void matrix_uses_exactly_the_listed_pairs() {
        MatrixTravelTimes matrix = MatrixTravelTimes.builder(4, true)
                .add(0, 1, 8)
                .add(1, 0, 9)
                .add(2, 2, 3)
                .add(0, 3, 25)
                .build();
        assertThat(matrix.minutes(0, 1)).isEqualTo(8);
        assertThat(matrix.minutes(1, 0)).isEqualTo(9);
        assertThat(matrix.minutes(1, 2)).isInfinite();
        assertThat(matrix.minutes(3, 0)).isInfinite();
        assertThat(matrix.minutes(0, 0)).as("unlisted self pair").isZero();
        assertThat(matrix.minutes(2, 2)).as("listed self pair wins").isEqualTo(3);
        Map<Integer, Double> reached = new TreeMap<>();
        matrix.forEachReachable(0, 20, reached::put);
        assertThat(reached).isEqualTo(Map.of(0, 0.0, 1, 8.0));
        Map<Integer, Double> fromTwo = new TreeMap<>();
        matrix.forEachReachable(2, 20, fromTwo::put);
        assertThat(fromTwo).isEqualTo(Map.of(2, 3.0));

        MatrixTravelTimes strict =
                MatrixTravelTimes.builder(2, false).add(0, 1, 4).build();
        assertThat(strict.minutes(0, 0)).isInfinite();
        List<Integer> none = new ArrayList<>();
        strict.forEachReachable(1, 20, (j, m) -> none.add(j));
        assertThat(none).isEmpty();
    }

    @Test
    void matrix_rejects_duplicates_negative_times_and_unknown_indices() {
        assertThatThrownBy(() -> MatrixTravelTimes.builder(2, true)
                        .add(0, 1, 4)
                        .add(0, 1, 5)
                        .build())
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> MatrixTravelTimes.builder(2, true).add(0, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatrixTravelTimes.builder(2, true).add(0, 2, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    static Communes randomCommunes(SplittableRandom random, int n) {
        List<Commune> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long population = random.nextInt(10) == 0 ? random.nextInt(200_000) : random.nextInt(3_000);
            double area = random.nextInt(20) == 0 ? Double.NaN : random.nextDouble(1, 80);
            list.add(new Commune(
                    "C" + i,
                    "",
                    population,
                    new GeoPoint(random.nextDouble(45, 45.8), random.nextDouble(4.5, 5.6)),
                    area,
                    "",
                    "",
                    ""));
        }
        return Communes.of(list);
    }
}
