package fr.traitant.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticModelTest {

    @Test
    void with_one_binary_feature_the_fit_gives_each_group_its_observed_rate() {
        // worked by hand: 200 doctors in sector 2, 30 signed (15 %); 800 in sector 1, 40 signed (5 %). The maximum
        // likelihood model predicts exactly these rates: intercept log(0.05/0.95), odds ratio (0.15/0.85)/(0.05/0.95)
        int n = 1000;
        double[][] x = new double[n][1];
        boolean[] signed = new boolean[n];
        for (int i = 0; i < 200; i++) {
            x[i][0] = 1;
            signed[i] = i < 30;
        }
        for (int i = 200; i < n; i++) signed[i] = i < 240;
        LogisticModel m = LogisticModel.fit(List.of("sector2"), x, signed, 0);
        assertThat(m.probability(new double[] {1})).isCloseTo(0.15, within(1e-9));
        assertThat(m.probability(new double[] {0})).isCloseTo(0.05, within(1e-9));
        assertThat(m.intercept()).isCloseTo(Math.log(0.05 / 0.95), within(1e-9));
        assertThat(m.oddsRatio(0)).isCloseTo((0.15 / 0.85) / (0.05 / 0.95), within(1e-9));
        assertThat(m.observations()).isEqualTo(1000);
        assertThat(m.positives()).isEqualTo(70);
    }

    @Test
    void recovers_the_coefficients_that_generated_the_answers() {
        double[] truth = {-3.0, 0.9, -0.6, 1.4};
        SplittableRandom random = new SplittableRandom(11);
        int n = 60_000;
        double[][] x = new double[n][3];
        boolean[] signed = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextInt(2);
            x[i][1] = random.nextInt(2);
            x[i][2] = random.nextDouble() * 2;
            double z = truth[0] + truth[1] * x[i][0] + truth[2] * x[i][1] + truth[3] * x[i][2];
            signed[i] = random.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        LogisticModel m = LogisticModel.fit(List.of("a", "b", "c"), x, signed, 0);
        for (int j = 0; j < truth.length; j++) {
            assertThat(m.coefficients()[j]).as("coefficient " + j).isCloseTo(truth[j], within(0.12));
        }
    }

    @Test
    void a_feature_seen_with_one_outcome_only_stays_finite_with_the_ridge() {
        double[][] x = {{1}, {1}, {0}, {0}, {0}, {0}};
        boolean[] signed = {true, true, false, true, false, false};
        LogisticModel m = LogisticModel.fit(List.of("f"), x, signed, 1e-2);
        assertThat(m.coefficients()[1]).isFinite();
        assertThat(m.probability(new double[] {1})).isBetween(0.5, 1.0);
    }
}
