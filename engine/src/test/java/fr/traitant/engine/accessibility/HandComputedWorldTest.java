package fr.traitant.engine.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.MatrixTravelTimes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three communes, two doctors, computed by hand (the worked example of
 * {@code docs/methodology/accessibility.md}).
 *
 * <pre>
 * Communes (population): A 1,000; B 2,000; C 500. Both A and B are in EPCI "E1", C in "E2".
 * Road times (minutes, both directions): A–B 8, B–C 12, A–C 18; inside a commune 0.
 * Weights: ≤ 10 min → 1; ≤ 15 → 0.66; ≤ 20 → 0.33.
 * Doctors: d1 in A, 4,000 consultations/year; d2 in C, 3,000.
 *
 * Step 1 (per doctor commune):
 *   demand reaching A = 1,000·w(0) + 2,000·w(8) + 500·w(18) = 1,000 + 2,000 + 165 = 3,165
 *   R(A) = 4,000 / 3,165 = 1.263823…
 *   demand reaching C = 1,000·w(18) + 2,000·w(12) + 500·w(0) = 330 + 1,320 + 500 = 2,150
 *   R(C) = 3,000 / 2,150 = 1.395349…
 * Step 2 (per patient commune):
 *   APL(A) = w(0)·R(A) + w(18)·R(C) = 1.263823 + 0.33 · 1.395349 = 1.724288
 *   APL(B) = w(8)·R(A) + w(12)·R(C) = 1.263823 + 0.66 · 1.395349 = 2.184753
 *   APL(C) = w(18)·R(A) + w(0)·R(C) = 0.33 · 1.263823 + 1.395349 = 1.812410
 * All three are "sous-dense" (&lt; 2.5).
 * Conservation: 1,000·1.724288 + 2,000·2.184753 + 500·1.812410 = 7,000 = 4,000 + 3,000.
 * EPCI E1 = (1,000·1.724288 + 2,000·2.184753) / 3,000 = 2.031265.
 * </pre>
 */
class HandComputedWorldTest {

    static final Communes COMMUNES = Communes.of(List.of(
            new Commune("A", "A", 1_000, new GeoPoint(45.0, 5.0), 10, "E1", "01", "84"),
            new Commune("B", "B", 2_000, new GeoPoint(45.1, 5.0), 10, "E1", "01", "84"),
            new Commune("C", "C", 500, new GeoPoint(45.2, 5.0), 10, "E2", "01", "84")));

    static final MatrixTravelTimes TIMES = MatrixTravelTimes.builder(3, true)
            .add(0, 1, 8)
            .add(1, 0, 8)
            .add(1, 2, 12)
            .add(2, 1, 12)
            .add(0, 2, 18)
            .add(2, 0, 18)
            .build();

    static final List<DoctorActivity> DOCTORS =
            List.of(DoctorActivity.of("d1", "A", 4_000), DoctorActivity.of("d2", "C", 3_000));

    @Test
    void apl_matches_the_hand_computation() {
        AccessibilityResult result = AccessibilityCalculator.prepare(COMMUNES, TIMES, AccessibilityParameters.DEFAULT)
                .compute(DOCTORS);
        double ra = 4_000.0 / 3_165.0;
        double rc = 3_000.0 / 2_150.0;
        assertThat(result.apl(0)).isCloseTo(ra + 0.33 * rc, offset(1e-12)).isCloseTo(1.724288, offset(1e-6));
        assertThat(result.apl(1)).isCloseTo(ra + 0.66 * rc, offset(1e-12)).isCloseTo(2.184753, offset(1e-6));
        assertThat(result.apl(2)).isCloseTo(0.33 * ra + rc, offset(1e-12)).isCloseTo(1.812410, offset(1e-6));
        assertThat(result.supplyRatio(0)).isCloseTo(ra, offset(1e-12));
        assertThat(result.supplyRatio(1)).isZero();
        assertThat(result.communeScores()).allMatch(CommuneScore::underserved);
        assertThat(result.underservedPopulation()).isEqualTo(3_500);
        assertThat(1_000 * result.apl(0) + 2_000 * result.apl(1) + 500 * result.apl(2))
                .isCloseTo(7_000, offset(1e-9));
        assertThat(result.populationWeightedApl()).isCloseTo(2.0, offset(1e-12));
        AreaScore e1 = result.findArea(AreaLevel.EPCI, "E1").orElseThrow();
        assertThat(e1.population()).isEqualTo(3_000);
        assertThat(e1.communeCount()).isEqualTo(2);
        assertThat(e1.apl()).isCloseTo(2.031265, offset(1e-6));
        assertThat(result.lowestEpcis(1)).extracting(AreaScore::code).containsExactly("E2");
        assertThat(result.lowestEpcis(5)).extracting(AreaScore::code).containsExactly("E2", "E1");
        assertThat(result.find("B").orElseThrow().apl()).isEqualTo(result.apl(1));
        assertThat(result.find("Z")).isEmpty();
    }

    @Test
    void excluding_older_doctors_and_a_20_minute_cut() {
        List<DoctorActivity> doctors =
                List.of(DoctorActivity.of("d1", "A", 4_000, 66), DoctorActivity.of("d2", "C", 3_000, 50));
        AccessibilityResult result = AccessibilityCalculator.prepare(
                        COMMUNES, TIMES, AccessibilityParameters.DEFAULT.withMaximumDoctorAge(65))
                .compute(doctors);
        double rc = 3_000.0 / 2_150.0;
        assertThat(result.apl(0)).isCloseTo(0.33 * rc, offset(1e-12));
        assertThat(result.totalSupplyConsultations()).isEqualTo(3_000);

        // With a single 10-minute step, C is isolated: its doctor serves C only.
        AccessibilityResult tenMinutes = AccessibilityCalculator.prepare(
                        COMMUNES, TIMES, AccessibilityParameters.DEFAULT.withDecay(StepDecay.parse("10:1")))
                .compute(DOCTORS);
        assertThat(tenMinutes.apl(2)).isCloseTo(6.0, offset(1e-12));
        assertThat(tenMinutes.apl(0)).isCloseTo(4_000.0 / 3_000.0, offset(1e-12));
    }
}
